"""Use cases of the monthly basistilskudd run: compute a draft, approve it, read it, export it.

A run is a draft until approved; computing a draft again gives the same lines; an approved run never
changes — what changes after it is paid or recovered as corrections in a later month's run.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month, now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, NotFound, RuleViolation
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.payments.runs import inputs, queries, schemas
from legetjeneste.payments.runs.models import PaymentRun
from legetjeneste.payments.runs.rules import adjustments, approval
from legetjeneste.payments.runs.rules.lines import RECOMPUTABLE, Line, month_name
from legetjeneste.payments.runs.rules.month import compute_lines
from legetjeneste.payments.runs.schemas import LineRead, LineView, Option, RunRead, RunSummary, RunView
from legetjeneste.payments.settings import queries as settings_queries
from legetjeneste.registry import queries as registry_queries


def _lines(session: Session, number: str, month: date) -> list[Line]:
    """PAY-* — the month's lines, then the corrections of every approved earlier month. What the runs
    rest on is read once for the month and the approved months together."""
    approved = queries.approved_months(session, number, before=month)
    loader = inputs.RunLoader(session, number, [month, *approved])
    try:
        lines = compute_lines(loader.inputs(month), inputs.rates_for(month))
    except ValueError as error:
        raise RuleViolation(
            "PAY-ANNUAL",
            "Statsavtalen",
            f"Ingen sats er i kraft for {month_name(month)} ({error}); importer Helfos PBT-tall.",
        ) from error
    paid = adjustments.paid_by_month(queries.approved_line_rows(session, number, month)) if approved else {}
    for earlier in approved:
        recomputed = compute_lines(loader.inputs(earlier, with_breach=False), inputs.rates_for(earlier))
        should = [line for line in recomputed if line.kind in RECOMPUTABLE]
        lines += adjustments.adjustments(month=earlier, should=should, paid=paid.get(earlier, {}))
    return lines


def _rows(run: PaymentRun, lines: list[Line]) -> list[dict]:
    """The lines as rows of the run's payment_line table, in position order."""
    return [
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


def _signature(lines: list[Line]) -> list[tuple]:
    return [
        (line.agreement_id, line.payee.hpr_number if line.payee else None, line.kind, line.amount, line.text)
        for line in lines
    ]


def _stored_signature(lines: Sequence[Any]) -> list[tuple]:
    return [(line.agreement_id, line.payee_hpr, line.kind, line.amount, line.text) for line in lines]


@when_free
def compute_run(session: Session, *, actor: Actor, municipality_number: str, month: date) -> RunRead:
    """Compute (or compute again) the month's draft run, one version more each time (docs/adr/0010).

    The run's row is inserted if missing and locked before it is checked, so a recompute and an approval
    of the same run follow one another: the recompute before (the approval then sees its version) or
    after (refused: the run is approved)."""
    auth_service.require(actor, "payments.write")
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        at, due = now_oslo(), inputs.due_date(month)
        first = {"status": approval.DRAFT, "version": 1, "computed_at": at, "computed_by": actor.email}
        created = queries.claim_run(
            session, {"municipality_number": municipality_number, "month": month, "due_date": due, **first}
        )
        run = queries.locked_run(session, municipality_number, month)
        assert run is not None, "claimed above"
        approval.refuse_if_approved(
            month=month, status=run.status, approved_by=run.approved_by, approved_at=run.approved_at
        )
        lines = _lines(session, municipality_number, month)
        if not created and not queries.mark_recomputed(session, run.id, at=at, by=actor.email, due=due):
            raise approval.changed_meanwhile()
        session.refresh(run)
        stored = _rows(run, lines)
        queries.replace_lines(session, run, stored)
        audit_service.record(
            session,
            actor=actor,
            action="compute",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
            detail={"month": format_month(month), "lines": len(lines), "version": run.version},
        )
        return run_read(session, run, [SimpleNamespace(**row) for row in stored])


@when_free
def approve_run(
    session: Session, *, actor: Actor, municipality_number: str, month: date, version: int | None = None
) -> RunRead:
    """Approve the draft as it was computed, once; refused if what it rests on has changed since, or if
    `version` (the computation the approver saw) is not the latest (PAY-MONTHLY, docs/adr/0010), or, when
    the municipality asks for four eyes, if the approver computed it last (PAY-FOUR-EYES)."""
    auth_service.require(actor, "payments.approve")
    with write_transaction(session):
        scope.municipality(session, actor, municipality_number)
        run = queries.locked_run(session, municipality_number, month)
        if run is None:
            raise NotFound(f"Det finnes ingen kjøring for {month_name(month)}; beregn den først.")
        approval.refuse_if_approved(
            month=month,
            status=run.status,
            approved_by=run.approved_by,
            approved_at=run.approved_at,
            approving=True,
        )
        approval.refuse_if_recomputed(
            month=month,
            seen=version,
            version=run.version,
            computed_by=run.computed_by,
            computed_at=run.computed_at,
        )
        approval.refuse_if_same_person(
            four_eyes=settings_queries.four_eyes(session, municipality_number),
            approver=actor.email,
            computed_by=run.computed_by,
            month=month,
        )
        stored = queries.line_rows(session, run.id)
        if _signature(_lines(session, municipality_number, month)) != _stored_signature(stored):
            raise Conflict(
                "Grunnlaget er endret siden utkastet ble beregnet. Beregn kjøringen på nytt og "
                "kontroller den før du godkjenner.",
                rule_id="PAY-MONTHLY",
            )
        if not queries.mark_approved(session, run.id, version=run.version, at=now_oslo(), by=actor.email):
            raise approval.changed_meanwhile()
        session.refresh(run)
        _tell_payees(session, run, stored)
        audit_service.record(
            session,
            actor=actor,
            action="approve",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
            detail={"month": format_month(month), "version": run.version},
        )
        return run_read(session, run, stored)


def _tell_payees(session: Session, run: PaymentRun, lines: Sequence[Any]) -> None:
    """PAY-MONTHLY — each doctor the approved run pays hears that their specification is ready."""
    path = f"/kommuner/{run.municipality_number}/utbetalinger/{format_month(run.month)}/spesifikasjon"
    for doctor_id, total in approval.payee_totals((x.payee_doctor_id, x.amount) for x in lines).items():
        notice = approval.spec_notice(month=run.month, due=run.due_date, total=total)
        inbox_service.tell(
            session,
            **vars(notice),
            municipality_number=run.municipality_number,
            kind="payment_spec",
            link=f"{path}/{doctor_id}",
            doctor_id=doctor_id,
        )


def get_run(session: Session, *, actor: Actor, municipality_number: str, month: date) -> RunRead:
    auth_service.require(actor, "payments.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        run = queries.run(session, municipality_number, month)
        if run is None:
            raise NotFound(f"Det finnes ingen kjøring for {month_name(month)}.")
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
        return [
            RunSummary(
                month=format_month(r.month),
                status=r.status,
                due_date=r.due_date,
                total=sum((line.amount for line in r.lines), Decimal("0.00")),
                lines=len(r.lines),
            )
            for r in queries.runs(session, municipality_number)
        ]


def run_read(session: Session, run: PaymentRun, lines: Sequence[Any] | None = None) -> RunRead:
    """The run with its payees' totals and its lines: `run.lines`, or `lines` when given (anything with
    the attributes of a PaymentLine, in position order), so that a whole country's lines need not be
    mapped objects."""
    lines = run.lines if lines is None else lines
    accounts = queries.payment_accounts(
        session, {line.payee_doctor_id for line in lines if line.payee_doctor_id}
    )
    return schemas.run_read(run, lines, accounts)


def stored_run(session: Session, municipality_number: str, month: date) -> PaymentRun:
    """The month's run with its lines; one that does not exist answers 404."""
    run = queries.run(session, municipality_number, month)
    if run is None:
        raise NotFound(f"Det finnes ingen kjøring for {month_name(month)}; beregn den først.")
    return run


def _line_offices(session: Session, number: str, lines: list[LineRead]) -> dict[int, int | None]:
    """Each line's office: its agreement's, or for hours of municipal work the payee's other lines'."""
    office_of = {a.id: a.office_id for a in registry_queries.agreements(session, municipality_number=number)}
    payee_office: dict[int, int] = {}
    for line in lines:
        if line.agreement in office_of and line.payee_doctor_id is not None:
            payee_office.setdefault(line.payee_doctor_id, office_of[line.agreement])
    return {
        line.position: office_of.get(line.agreement)
        if line.agreement
        else payee_office.get(line.payee_doctor_id or 0)
        for line in lines
    }


def run_view(
    session: Session, *, actor: Actor, municipality_number: str, month: date, office_id: int | None = None
) -> RunView:
    """The run with its lines, optionally only those of one office, and the payees without an account."""
    auth_service.require(actor, "payments.read")
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        run = stored_run(session, municipality_number, month)
        read = run_read(session, run)
        offices = {
            o.id: o.name for o in registry_queries.offices(session, municipality_number=municipality_number)
        }
        if office_id is not None and office_id not in offices:
            raise NotFound(f"Legekontor {office_id} finnes ikke i kommunen.")
        office_of = _line_offices(session, municipality_number, read.lines)
        lines = [
            LineView(
                **line.model_dump(),
                **schemas.view_fields(line),
                office_id=office_of[line.position],
                office_name=offices.get(office_of[line.position] or 0),
            )
            for line in read.lines
            if office_id is None or office_of[line.position] == office_id
        ]
        paid = {line.payee_doctor_id for line in lines if line.amount != 0}
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="payment_run",
            record_ids=[run.id],
            municipality_number=municipality_number,
        )
        return RunView(
            run=read,
            municipality_name=municipality.name,
            month_label=month_name(month),
            offices=[Option(id=key, name=name) for key, name in sorted(offices.items(), key=lambda o: o[1])],
            office_id=office_id,
            lines=lines,
            lines_total=sum((line.amount for line in lines), Decimal("0.00")),
            payees=[p for p in read.payees if p.payee_doctor_id in paid],
            missing_accounts=schemas.missing_accounts(read),
            four_eyes=(four_eyes := settings_queries.four_eyes(session, municipality_number)),
            warnings=[
                schemas.RunWarning(text=w.text, rule_id=w.rule_id)
                for w in approval.approval_warnings(
                    total=read.total,
                    due=read.due_date,
                    today=today_oslo(),
                    accounts=[(p.payee_name, p.account_number) for p in read.payees],
                    four_eyes=four_eyes,
                    computed_by=read.computed_by,
                    viewer=actor.email,
                )
            ]
            if read.status == "draft"
            else [],
        )
