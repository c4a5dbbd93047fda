"""Read use cases behind the payment pages: a run with the office of every line, the month's hours."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month
from legetjeneste.errors import NotFound
from legetjeneste.payments.exports.schemas import DutyHoursView, LineView, Option, RunView
from legetjeneste.payments.exports.service import missing_accounts, stored_run
from legetjeneste.payments.models import DutyHours, PaymentRun
from legetjeneste.payments.runs import rules
from legetjeneste.payments.runs import service as run_service
from legetjeneste.payments.runs.schemas import KIND_LABELS, DutyHoursRead, LineRead
from legetjeneste.registry import queries as registry_queries

DUTY_KINDS = (rules.MUNICIPAL_DUTY, rules.LIS1_SUPERVISION)


def summary_of(line: LineRead) -> str:
    """The line's text up to its first colon: «Trekk 17.–20. mars», «Basistilskudd mars 2026»."""
    return line.text.split(":", 1)[0]


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
        read = run_service.run_read(session, run)
        offices = {
            o.id: o.name for o in registry_queries.offices(session, municipality_number=municipality_number)
        }
        if office_id is not None and office_id not in offices:
            raise NotFound(f"Legekontor {office_id} finnes ikke i kommunen.")
        office_of = _line_offices(session, municipality_number, read.lines)
        lines = [
            LineView(
                **line.model_dump(),
                summary=summary_of(line),
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
            month_label=rules.month_name(month),
            offices=[Option(id=key, name=name) for key, name in sorted(offices.items(), key=lambda o: o[1])],
            office_id=office_id,
            lines=lines,
            lines_total=sum((line.amount for line in lines), Decimal("0.00")),
            payees=[p for p in read.payees if p.payee_doctor_id in paid],
            missing_accounts=missing_accounts(read),
        )


def duty_hours_view(
    session: Session, *, actor: Actor, municipality_number: str, month: date
) -> DutyHoursView:
    """The month's hours of municipal work, the doctors to register them for, and the run's status."""
    auth_service.require(actor, "payments.read")
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        rows = session.scalars(
            select(DutyHours)
            .options(selectinload(DutyHours.doctor))
            .where(DutyHours.municipality_number == municipality_number, DutyHours.month == month)
            .order_by(DutyHours.id)
        )
        hours = [
            DutyHoursRead(
                id=row.id,
                doctor_id=row.doctor_id,
                doctor_name=row.doctor.full_name,
                month=format_month(row.month),
                kind=row.kind,
                hours=row.hours,
                description=row.description,
            )
            for row in rows
        ]
        status = session.scalar(
            select(PaymentRun.status).where(
                PaymentRun.municipality_number == municipality_number, PaymentRun.month == month
            )
        )
        doctors = registry_queries.doctors(session, municipality_number=municipality_number)
        return DutyHoursView(
            municipality=municipality_number,
            municipality_name=municipality.name,
            month=format_month(month),
            month_label=rules.month_name(month),
            run_status="approved" if status == "approved" else "draft" if status else None,
            hours=hours,
            doctors=[Option(id=d.id, name=f"{d.full_name} (HPR {d.hpr_number})") for d in doctors],
            kinds={kind: KIND_LABELS[kind] for kind in DUTY_KINDS},
        )
