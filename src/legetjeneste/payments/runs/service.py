"""Use cases of the monthly basistilskudd run: compute a draft, approve it, read it, export it.

A run is a draft until approved; computing a draft again gives the same lines; an approved run never
changes — what changes after it is paid or recovered as corrections in a later month's run.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Row, Table, delete, insert, select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month, now_oslo
from legetjeneste.errors import Conflict, NotFound, RuleViolation
from legetjeneste.norwegian import day_text
from legetjeneste.payments.models import PaymentLine, PaymentRun
from legetjeneste.payments.runs import adjustments, rules
from legetjeneste.payments.runs import queries as inputs
from legetjeneste.payments.runs.lines import RECOMPUTABLE, compute_lines
from legetjeneste.payments.runs.schemas import KIND_LABELS, LineRead, PayeeTotal, RunRead, RunSummary
from legetjeneste.registry.models import Doctor

_LINE_TABLE = cast(Table, PaymentLine.__table__)


def _month_label(month: date) -> str:
    return day_text(month).split(" ", 1)[1]


def _paid(session: Session, number: str, before: date) -> dict[date, dict[adjustments.LineKey, Decimal]]:
    """Per month, what was paid for it in the approved runs before `before`: the month's own lines and
    the later corrections that refer to it. One pass over plain rows of the approved runs' lines."""
    rows = session.execute(
        select(
            PaymentRun.month,
            PaymentLine.agreement_id,
            PaymentLine.payee_hpr,
            PaymentLine.kind,
            PaymentLine.rule_id,
            PaymentLine.calculation,
            PaymentLine.refers_to_month,
            PaymentLine.amount,
        )
        .join(PaymentRun, PaymentRun.id == PaymentLine.run_id)
        .where(
            PaymentRun.municipality_number == number,
            PaymentRun.status == "approved",
            PaymentRun.month < before,
        )
        .order_by(PaymentRun.month, PaymentLine.position)
    )
    paid: dict[date, dict[adjustments.LineKey, Decimal]] = defaultdict(dict)
    for line in rows:
        if line.kind in RECOMPUTABLE:
            month, key = line.month, (line.agreement_id, line.payee_hpr, line.kind, line.rule_id)
        elif line.kind == rules.ADJUSTMENT and line.refers_to_month is not None:
            kind = line.calculation.get("kind", "")
            month, key = line.refers_to_month, (line.agreement_id, line.payee_hpr, kind, line.rule_id)
        else:
            continue
        paid[month][key] = paid[month].get(key, Decimal(0)) + line.amount
    return paid


def _lines(session: Session, number: str, month: date) -> list[rules.Line]:
    """PAY-* — the month's lines, then the corrections of every approved earlier month. What the runs
    rest on is read once for the month and the approved months together."""
    approved = session.scalars(
        select(PaymentRun.month)
        .where(
            PaymentRun.municipality_number == number,
            PaymentRun.status == "approved",
            PaymentRun.month < month,
        )
        .order_by(PaymentRun.month)
    ).all()
    loader = inputs.RunLoader(session, number, [month, *approved])
    try:
        lines = compute_lines(loader.inputs(month), inputs.rates_for(month))
    except ValueError as error:
        raise RuleViolation(
            "PAY-ANNUAL",
            "Statsavtalen",
            f"Ingen sats er i kraft for {_month_label(month)} ({error}); importer Helfos PBT-tall.",
        ) from error
    paid = _paid(session, number, month) if approved else {}
    for earlier in approved:
        recomputed = compute_lines(loader.inputs(earlier, with_breach=False), inputs.rates_for(earlier))
        should = [line for line in recomputed if line.kind in RECOMPUTABLE]
        lines += adjustments.adjustments(month=earlier, should=should, paid=paid.get(earlier, {}))
    return lines


def _stored(session: Session, run: PaymentRun, lines: list[rules.Line]) -> list[dict]:
    """Replace the run's lines with `lines`: one DELETE and one bulk INSERT. Clearing the loaded
    collection instead costs time that grows with the square of the lines (SQLAlchemy checks every removed
    line against the whole collection), seconds for a whole country. Gives the rows as inserted."""
    session.execute(delete(PaymentLine).where(PaymentLine.run_id == run.id))
    rows = [
        {
            "run_id": run.id,
            "position": position,
            "agreement_id": line.agreement_id,
            "payee_doctor_id": line.payee.doctor_id if line.payee else None,
            "payee_hpr": line.payee.hpr_number if line.payee else None,
            "payee_name": line.payee.name if line.payee else "–",
            "kind": line.kind,
            "amount": line.amount,
            "rule_id": line.rule_id,
            "citation": line.citation,
            "text": line.text,
            "calculation": line.calculation,
            "refers_to_month": line.refers_to_month,
        }
        for position, line in enumerate(lines, start=1)
    ]
    if rows:  # the table, not the mapped class: the ORM would split the rows into runs by their None values
        session.execute(insert(_LINE_TABLE), rows)
    session.expire(run, ["lines"])
    return rows


def _signature(lines: list[rules.Line]) -> list[tuple]:
    return [
        (line.agreement_id, line.payee.hpr_number if line.payee else None, line.kind, line.amount, line.text)
        for line in lines
    ]


def _stored_signature(lines: Sequence[Any]) -> list[tuple]:
    return [(line.agreement_id, line.payee_hpr, line.kind, line.amount, line.text) for line in lines]


def _run(session: Session, number: str, month: date, *, with_lines: bool = True) -> PaymentRun | None:
    query = select(PaymentRun).where(PaymentRun.municipality_number == number, PaymentRun.month == month)
    if with_lines:
        query = query.options(selectinload(PaymentRun.lines))
    return session.scalar(query)


def _line_rows(session: Session, run: PaymentRun) -> list[Row]:
    """The run's stored lines as plain rows in position order, with what run_read and the signature read."""
    return list(
        session.execute(
            select(
                PaymentLine.position,
                PaymentLine.agreement_id,
                PaymentLine.payee_doctor_id,
                PaymentLine.payee_hpr,
                PaymentLine.payee_name,
                PaymentLine.kind,
                PaymentLine.amount,
                PaymentLine.rule_id,
                PaymentLine.citation,
                PaymentLine.text,
                PaymentLine.refers_to_month,
            )
            .where(PaymentLine.run_id == run.id)
            .order_by(PaymentLine.position)
        )
    )


def _refuse_if_approved(run: PaymentRun | None, month: date) -> None:
    if run is not None and run.status == "approved":
        raise Conflict(
            f"Kjøringen for {_month_label(month)} er godkjent og kan ikke endres; endringer kommer som "
            "korreksjon i en senere måneds kjøring (PAY-MONTHLY).",
            rule_id="PAY-MONTHLY",
        )


def compute_run(session: Session, *, actor: Actor, municipality_number: str, month: date) -> RunRead:
    """Compute (or compute again) the month's draft run."""
    auth_service.require(actor, "payments.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        run = _run(session, municipality_number, month, with_lines=False)
        _refuse_if_approved(run, month)
        lines = _lines(session, municipality_number, month)
        if run is None:
            run = PaymentRun(municipality_number=municipality_number, month=month)
            session.add(run)
        run.status, run.due_date = "draft", inputs.due_date(month)
        run.computed_at, run.computed_by = now_oslo(), actor.email
        session.flush()
        stored = _stored(session, run, lines)
        audit_service.record(
            session,
            actor=actor,
            action="compute",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
            detail={"month": format_month(month), "lines": len(lines)},
        )
        return run_read(session, run, [SimpleNamespace(**row) for row in stored])


def approve_run(session: Session, *, actor: Actor, municipality_number: str, month: date) -> RunRead:
    """Approve the draft as it was computed; refused if what it rests on has changed since."""
    auth_service.require(actor, "payments.approve")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        run = _run(session, municipality_number, month, with_lines=False)
        if run is None:
            raise NotFound(f"Det finnes ingen kjøring for {_month_label(month)}; beregn den først.")
        _refuse_if_approved(run, month)
        stored = _line_rows(session, run)
        if _signature(_lines(session, municipality_number, month)) != _stored_signature(stored):
            raise Conflict(
                "Grunnlaget er endret siden utkastet ble beregnet. Beregn kjøringen på nytt og "
                "kontroller den før du godkjenner.",
                rule_id="PAY-MONTHLY",
            )
        run.status, run.approved_at, run.approved_by = "approved", now_oslo(), actor.email
        audit_service.record(
            session,
            actor=actor,
            action="approve",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
            detail={"month": format_month(month)},
        )
        return run_read(session, run, stored)


def get_run(session: Session, *, actor: Actor, municipality_number: str, month: date) -> RunRead:
    auth_service.require(actor, "payments.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        run = _run(session, municipality_number, month)
        if run is None:
            raise NotFound(f"Det finnes ingen kjøring for {_month_label(month)}.")
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
        )
        return run_read(session, run)


def list_runs(session: Session, *, actor: Actor, municipality_number: str) -> list[RunSummary]:
    auth_service.require(actor, "payments.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        runs = session.scalars(
            select(PaymentRun)
            .options(selectinload(PaymentRun.lines))
            .where(PaymentRun.municipality_number == municipality_number)
            .order_by(PaymentRun.month.desc())
        )
        return [
            RunSummary(
                month=format_month(r.month),
                status=r.status,
                due_date=r.due_date,
                total=sum((line.amount for line in r.lines), Decimal("0.00")),
                lines=len(r.lines),
            )
            for r in runs
        ]


def run_read(session: Session, run: PaymentRun, lines: Sequence[Any] | None = None) -> RunRead:
    """The run with its payees' totals and its lines: `run.lines`, or `lines` when given (anything with
    the attributes of a PaymentLine, in position order), so that a whole country's lines need not be
    mapped objects."""
    lines = run.lines if lines is None else lines
    doctor_ids = {line.payee_doctor_id for line in lines if line.payee_doctor_id}
    accounts = dict(
        session.execute(select(Doctor.id, Doctor.payment_account).where(Doctor.id.in_(doctor_ids))).all()
    )
    totals: dict[tuple, Decimal] = {}
    for line in lines:
        key = (line.payee_doctor_id, line.payee_hpr, line.payee_name)
        totals[key] = totals.get(key, Decimal("0.00")) + line.amount
    return RunRead(
        municipality=run.municipality_number,
        month=format_month(run.month),
        status="approved" if run.status == "approved" else "draft",
        due_date=run.due_date,
        computed_at=run.computed_at,
        computed_by=run.computed_by,
        approved_at=run.approved_at,
        approved_by=run.approved_by,
        total=sum(totals.values(), Decimal("0.00")),
        payees=[
            PayeeTotal(payee_doctor_id=d, payee_hpr=h, payee_name=n, account_number=accounts.get(d), total=t)
            for (d, h, n), t in sorted(totals.items(), key=lambda item: item[0][2])
            if d is not None
        ],
        lines=[
            LineRead(
                position=line.position,
                agreement=line.agreement_id,
                payee_doctor_id=line.payee_doctor_id,
                payee_hpr=line.payee_hpr,
                payee_name=line.payee_name,
                kind=line.kind,
                kind_label=KIND_LABELS[line.kind],
                amount=line.amount,
                rule_id=line.rule_id,
                citation=line.citation,
                text=line.text,
                refers_to_month=format_month(line.refers_to_month) if line.refers_to_month else None,
            )
            for line in lines
        ],
    )
