"""Hours of other municipal GP work per GP and month, paid by the hour (PAY-DUTY-RATE, PAY-LIS1)."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month, parse_month
from legetjeneste.errors import NotFound, Problem, RuleViolation, ValidationFailed
from legetjeneste.money import to_ore
from legetjeneste.payments.models import DutyHours
from legetjeneste.payments.runs import rules
from legetjeneste.payments.runs.lines import days_in
from legetjeneste.payments.runs.schemas import DutyHoursCreate, DutyHoursRead
from legetjeneste.registry.schemas import check_month


def _read(row: DutyHours) -> DutyHoursRead:
    return DutyHoursRead(
        id=row.id,
        doctor_id=row.doctor_id,
        doctor_name=row.doctor.full_name,
        month=format_month(row.month),
        kind=row.kind,
        hours=row.hours,
        description=row.description,
    )


def register_duty_hours(session: Session, *, actor: Actor, data: DutyHoursCreate) -> DutyHoursRead:
    """Record (or correct) a GP's hours of one kind in a month; LIS1 supervision is at most 3 h a week."""
    auth_service.require(actor, "payments.write")
    month = parse_month(data.month)
    with session.begin():
        doctor = scope.doctor(session, actor, data.doctor_id)
        if data.kind == rules.LIS1_SUPERVISION:
            weekly = parameters.value("payments/lis1_weekly_hours", on=month)
            most = rules.max_lis1_hours(weekly_hours=weekly, days_in_month=days_in(month))
            if data.hours > most:
                raise RuleViolation(
                    "PAY-LIS1",
                    "ASA 4310 § 11.2",
                    f"Veiledning av LIS1 lønnes som {weekly} timer per uke: høyst {most} timer i måneden.",
                )
        row = session.scalar(
            select(DutyHours).where(
                DutyHours.doctor_id == doctor.id, DutyHours.month == month, DutyHours.kind == data.kind
            )
        )
        if row is None:
            row = DutyHours(
                municipality_number=doctor.municipality_number,
                doctor_id=doctor.id,
                month=month,
                kind=data.kind,
                doctor=doctor,
            )
            session.add(row)
        row.hours, row.description = to_ore(data.hours), data.description
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="duty_hours",
            record_ids=[row.id],
            municipality_number=doctor.municipality_number,
        )
        return _read(row)


def list_duty_hours(
    session: Session, *, actor: Actor, municipality_number: str, month: str
) -> list[DutyHoursRead]:
    auth_service.require(actor, "payments.read")
    try:
        first = parse_month(check_month(month))
    except ValueError as error:
        raise ValidationFailed([Problem("month", str(error))]) from error
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        rows = session.scalars(
            select(DutyHours)
            .options(selectinload(DutyHours.doctor))
            .where(DutyHours.municipality_number == municipality_number, DutyHours.month == first)
            .order_by(DutyHours.id)
        )
        return [_read(row) for row in rows]


def delete_duty_hours(session: Session, *, actor: Actor, duty_hours_id: int) -> None:
    auth_service.require(actor, "payments.write")
    with session.begin():
        row = session.get(DutyHours, duty_hours_id)
        if row is None:
            raise NotFound(f"Timeregistrering {duty_hours_id} finnes ikke.")
        scope.require_municipality(actor, row.municipality_number)
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="duty_hours",
            record_ids=[row.id],
            municipality_number=row.municipality_number,
        )
        session.delete(row)
