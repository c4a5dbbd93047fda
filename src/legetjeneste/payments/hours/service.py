"""Hours of other municipal GP work per GP and month, paid by the hour (PAY-DUTY-RATE, PAY-LIS1): register,
list and delete them, and the month's hours page."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month, parse_month
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.money import to_ore
from legetjeneste.payments.hours import queries
from legetjeneste.payments.hours.models import DutyHours
from legetjeneste.payments.hours.schemas import DutyHoursCreate, DutyHoursRead, DutyHoursView, duty_hours_read
from legetjeneste.payments.runs.rules.duty import max_lis1_hours
from legetjeneste.payments.runs.rules.lines import LIS1_SUPERVISION, MUNICIPAL_DUTY, days_in, month_name
from legetjeneste.payments.runs.schemas import KIND_LABELS, Option
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.schemas import check_month

DUTY_KINDS = (MUNICIPAL_DUTY, LIS1_SUPERVISION)


def register_duty_hours(session: Session, *, actor: Actor, data: DutyHoursCreate) -> DutyHoursRead:
    """Record (or correct) a GP's hours of one kind in a month; LIS1 supervision is at most 3 h a week."""
    auth_service.require(actor, "payments.write")
    month = parse_month(data.month)
    with session.begin():
        doctor = scope.doctor(session, actor, data.doctor_id)
        if data.kind == LIS1_SUPERVISION:
            weekly = parameters.value("payments/lis1_weekly_hours", on=month)
            most = max_lis1_hours(weekly_hours=weekly, days_in_month=days_in(month))
            if data.hours > most:
                raise RuleViolation(
                    "PAY-LIS1",
                    "ASA 4310 § 11.2",
                    f"Veiledning av LIS1 lønnes som {weekly} timer per uke: høyst {most} timer i måneden.",
                )
        row = queries.duty_hours(session, doctor.id, month, data.kind)
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
        return duty_hours_read(row)


def replaced_registration(session: Session, *, actor: Actor, data: DutyHoursCreate) -> DutyHoursRead | None:
    """The registration these hours would replace (the same GP, kind and month) when it says something else;
    None when there is none or it says the same."""
    auth_service.require(actor, "payments.write")
    with session.begin():
        doctor = scope.doctor(session, actor, data.doctor_id)
        row = queries.duty_hours(session, doctor.id, parse_month(data.month), data.kind)
        if row is None:
            return None
        old = duty_hours_read(row)
        return None if (old.hours, old.description) == (data.hours, data.description) else old


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
        return [duty_hours_read(row) for row in queries.month_hours(session, municipality_number, first)]


def _row(session: Session, actor: Actor, duty_hours_id: int) -> DutyHours:
    missing = f"Timeregistrering {duty_hours_id} finnes ikke."
    return scope.row(session, actor, DutyHours, duty_hours_id, missing=missing)


def get_duty_hours(session: Session, *, actor: Actor, duty_hours_id: int) -> DutyHoursRead:
    """Registered hours the actor may delete, as the question before deleting them shows them."""
    auth_service.require(actor, "payments.write")
    with session.begin():
        return duty_hours_read(_row(session, actor, duty_hours_id))


def delete_duty_hours(session: Session, *, actor: Actor, duty_hours_id: int) -> None:
    auth_service.require(actor, "payments.write")
    with session.begin():
        row = _row(session, actor, duty_hours_id)
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="duty_hours",
            record_ids=[row.id],
            municipality_number=row.municipality_number,
        )
        session.delete(row)


def duty_hours_view(
    session: Session, *, actor: Actor, municipality_number: str, month: date
) -> DutyHoursView:
    """The month's hours of municipal work, the doctors to register them for, and the run's status."""
    auth_service.require(actor, "payments.read")
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        hours = [duty_hours_read(row) for row in queries.month_hours(session, municipality_number, month)]
        status = queries.run_status(session, municipality_number, month)
        doctors = registry_queries.doctors(session, municipality_number=municipality_number)
        return DutyHoursView(
            municipality=municipality_number,
            municipality_name=municipality.name,
            month=format_month(month),
            month_label=month_name(month),
            run_status="approved" if status == "approved" else "draft" if status else None,
            hours=hours,
            doctors=[Option(id=d.id, name=f"{d.full_name} (HPR {d.hpr_number})") for d in doctors],
            kinds={kind: KIND_LABELS[kind] for kind in DUTY_KINDS},
        )
