"""What leaves a payment run: the accounting file of an approved run and each payee's specification.

The accounting file (CSV) is semicolon-separated, UTF-8 with a byte-order mark, one row per payee and
agreement with the net amount; hours of municipal work, which belong to no agreement, are a row of their
own. Only an approved run is exported, so the accounting system never pays a draft (PAY-MONTHLY). A payee
without a registered account gets an empty Kontonummer cell; the file's other rows are not held back, and
`AccountingFile.missing_accounts` names the payees so that the page, the API and the CLI can warn.
"""

import csv
import io
from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month
from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from legetjeneste.payments.exports import pdf as export_pdf
from legetjeneste.payments.exports import queries as export_queries
from legetjeneste.payments.exports.schemas import CSV_HEADER, AccountingFile, OwnMonth, Specification
from legetjeneste.payments.runs import service as run_service
from legetjeneste.payments.runs.rules.lines import month_name
from legetjeneste.payments.runs.schemas import LineRead, RunRead, missing_accounts


def csv_amount(amount: Decimal) -> str:
    """Two decimals with a decimal comma and no thousands separator: «72114,20», «-9305,06»."""
    return f"{amount:.2f}".replace(".", ",")


def _cell(value: str) -> str:
    """A text cell that a spreadsheet would run as a formula is written as text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def _row_text(month: date, agreement: int | None) -> str:
    if agreement is None:
        return f"Timer kommunalt arbeid {month_name(month)}"
    return f"Basistilskudd {month_name(month)}, avtale {agreement}"


def accounting_rows(read: RunRead, month: date) -> list[list[str]]:
    """One row per payee and agreement with a net amount other than zero, by payee name and agreement."""
    accounts = {p.payee_doctor_id: p.account_number or "" for p in read.payees}
    sums: dict[tuple[int, int | None], Decimal] = defaultdict(Decimal)
    who: dict[int, tuple[str, str]] = {}
    for line in read.lines:
        if line.payee_doctor_id is None:
            continue
        sums[(line.payee_doctor_id, line.agreement)] += line.amount
        who[line.payee_doctor_id] = (line.payee_name, line.payee_hpr or "")
    ordered = sorted(sums, key=lambda key: (who[key[0]][0], key[0], key[1] is None, key[1] or 0))
    due = read.due_date.strftime("%d.%m.%Y")
    return [
        [
            _cell(who[doctor][0]),
            who[doctor][1],
            str(agreement) if agreement is not None else "",
            accounts.get(doctor, ""),
            csv_amount(sums[(doctor, agreement)]),
            due,
            _row_text(month, agreement),
        ]
        for doctor, agreement in ordered
        if sums[(doctor, agreement)] != 0
    ]


def accounting_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return out.getvalue()


def accounting_file(
    session: Session, *, actor: Actor, municipality_number: str, month: date
) -> AccountingFile:
    """PAY-MONTHLY — the approved run as the accounting file: Mottaker;HPR-nummer;Avtale;Kontonummer;
    Beløp;Forfallsdato;Tekst. A draft is refused: the accounting system must never pay a draft."""
    auth_service.require(actor, "payments.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        run = run_service.stored_run(session, municipality_number, month)
        if run.status != "approved":
            raise RuleViolation(
                "PAY-MONTHLY",
                "ASA 4310 § 8.1",
                f"Kjøringen for {month_name(month)} er et utkast. Den må godkjennes før den kan eksporteres "
                "til regnskapet, så et utkast aldri blir utbetalt.",
            )
        read = run_service.run_read(session, run)
        rows = accounting_rows(read, month)
        audit_service.record(
            session,
            actor=actor,
            action="export",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
            detail={"month": format_month(month), "format": "csv", "rows": len(rows)},
        )
    return AccountingFile(
        filename=f"basistilskudd-{municipality_number}-{format_month(month)}.csv",
        text=accounting_text(rows),
        rows=len(rows),
        missing_accounts=missing_accounts(read),
    )


def _lines_of(read: RunRead, doctor_id: int, month: date) -> list[LineRead]:
    lines = [line for line in read.lines if line.payee_doctor_id == doctor_id]
    if not lines:
        raise NotFound(f"Legen har ingen linjer i kjøringen for {month_name(month)}.")
    return lines


def _reads_own(actor: Actor, doctor_id: int) -> bool:
    """Whether the actor reads a specification as its payee (payments.own) rather than for the
    municipality (payments.read); a GP reads only their own."""
    if auth_rules.can(actor, "payments.read"):
        return False
    auth_service.require(actor, "payments.own")
    if actor.doctor_id is None or actor.doctor_id != doctor_id:
        raise Forbidden("Du kan bare se dine egne utbetalingsspesifikasjoner.")
    return True


def payee_specification(
    session: Session, *, actor: Actor, municipality_number: str, month: date, doctor_id: int
) -> Specification:
    """One payee's lines of the month's run (draft or approved), each with its rule id and citation; the
    payee themselves sees only an approved run's (PAY-MONTHLY)."""
    own = _reads_own(actor, doctor_id)
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        run = run_service.stored_run(session, municipality_number, month)
        if own and run.status != "approved":
            raise NotFound(
                f"Spesifikasjonen for {month_name(month)} er ikke klar før kommunen har godkjent den."
            )
        read = run_service.run_read(session, run)
        lines = _lines_of(read, doctor_id, month)
        account = next((p.account_number for p in read.payees if p.payee_doctor_id == doctor_id), None)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="payment_specification",
            record_ids=[run.id, doctor_id],
            municipality_number=municipality_number,
            detail={"month": format_month(month)},
        )
        return Specification(
            municipality=municipality_number,
            municipality_name=municipality.name,
            month=read.month,
            month_label=month_name(month),
            status=read.status,
            due_date=read.due_date,
            computed_at=read.computed_at,
            approved_at=read.approved_at,
            approved_by=read.approved_by,
            doctor_id=doctor_id,
            payee_name=lines[0].payee_name,
            payee_hpr=lines[0].payee_hpr,
            account_number=account,
            lines=lines,
            total=sum((line.amount for line in lines), Decimal("0.00")),
            own=own,
        )


def specification_pdf(
    session: Session, *, actor: Actor, municipality_number: str, month: date, doctor_id: int
) -> tuple[str, bytes]:
    """The payee's specification as a printable PDF (A4), with «Utkast – ikke godkjent» on a draft."""
    found = payee_specification(
        session, actor=actor, municipality_number=municipality_number, month=month, doctor_id=doctor_id
    )
    name = f"spesifikasjon-{municipality_number}-{found.month}-{found.payee_hpr or doctor_id}.pdf"
    return name, export_pdf.specification_pdf(found)


def my_specifications(session: Session, *, actor: Actor, doctor_id: int | None) -> list[OwnMonth]:
    """PAY-MONTHLY — Min side: every approved month with lines for the GP, newest first, with its total (a
    salaried GP's is a line of zero, PAY-SALARIED)."""
    if doctor_id is None or not _reads_own(actor, doctor_id):
        raise Forbidden("Du kan bare se dine egne utbetalingsspesifikasjoner.")
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        rows = export_queries.approved_lines_of_payee(session, doctor.id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="payment_specification",
            record_ids=[doctor.id],
            municipality_number=doctor.municipality_number,
            detail={"view": "min_side"},
        )
    totals: dict[tuple[str, date, date], Decimal] = {}
    for number, month, due, amount in rows:
        totals[(number, month, due)] = totals.get((number, month, due), Decimal("0.00")) + amount
    return [
        OwnMonth(
            municipality=number,
            month=format_month(month),
            month_label=month_name(month),
            due_date=due,
            total=total,
        )
        for (number, month, due), total in totals.items()
    ]
