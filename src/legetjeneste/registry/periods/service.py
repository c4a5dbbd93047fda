"""Use cases for the doctor periods of an agreement: who serves it as regular doctor, vikar or delelege, and
when. Each checks permission and scope, reads and writes in one transaction, and audits."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import NotFound, Problem, ValidationFailed
from legetjeneste.registry import rules
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod
from legetjeneste.registry.periods.schemas import DoctorPeriodCreate, DoctorPeriodRead, DoctorPeriodUpdate


def _check_period(session: Session, agreement: Agreement, period: DoctorPeriod) -> None:
    """The period's doctors belong to the municipality; its own consistency (`rules.period_problems`)."""
    problems = []
    for field, doctor_id in (
        ("doctor_id", period.doctor_id),
        ("vikar_for_doctor_id", period.vikar_for_doctor_id),
    ):
        doctor = session.get(Doctor, doctor_id) if doctor_id is not None else None
        if doctor_id is not None and (
            doctor is None or doctor.municipality_number != agreement.municipality_number
        ):
            problems.append(Problem(field, f"lege {doctor_id} finnes ikke i kommunen"))
    others = [p for p in agreement.doctor_periods if p is not period and p.role == "regular"]
    problems += rules.period_problems(
        role=period.role,
        start=period.start,
        end=period.end,
        regular_periods=[(p.period, p.doctor.full_name) for p in others],
    )
    if problems:
        raise ValidationFailed(problems)


def list_doctor_periods(session: Session, *, actor: Actor, agreement_id: int) -> list[DoctorPeriodRead]:
    auth_service.require(actor, "register.read")
    with session.begin():
        agreement = registry_service.agreement_in_scope(session, actor, agreement_id)
        registry_service.audit_doctors_read(session, actor, agreement)
        return [DoctorPeriodRead.model_validate(p) for p in agreement.doctor_periods]


def add_doctor_period(
    session: Session, *, actor: Actor, agreement_id: int, data: DoctorPeriodCreate
) -> DoctorPeriodRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        agreement = registry_service.agreement_in_scope(session, actor, agreement_id)
        period = DoctorPeriod(**data.model_dump())
        _check_period(session, agreement, period)
        agreement.doctor_periods.append(period)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="doctor_period",
            record_ids=[period.id],
            municipality_number=agreement.municipality_number,
        )
        return DoctorPeriodRead.model_validate(period)


def _period_in_scope(session: Session, actor: Actor, period_id: int) -> tuple[DoctorPeriod, Agreement]:
    period = session.get(DoctorPeriod, period_id)
    if period is None:
        raise NotFound(f"Legeperiode {period_id} finnes ikke.")
    return period, registry_service.agreement_in_scope(session, actor, period.agreement_id)


def get_doctor_period(session: Session, *, actor: Actor, period_id: int) -> DoctorPeriodRead:
    auth_service.require(actor, "register.read")
    with session.begin():
        period, agreement = _period_in_scope(session, actor, period_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=[period.doctor_id],
            municipality_number=agreement.municipality_number,
        )
        return DoctorPeriodRead.model_validate(period)


def update_doctor_period(
    session: Session, *, actor: Actor, period_id: int, data: DoctorPeriodUpdate
) -> DoctorPeriodRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        period, agreement = _period_in_scope(session, actor, period_id)
        changes = data.model_dump(exclude_unset=True)
        for field, value in changes.items():
            if value is not None or field in ("end", "vikar_for_doctor_id", "working_percentage"):
                setattr(period, field, value)
        _check_period(session, agreement, period)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="doctor_period",
            record_ids=[period.id],
            municipality_number=agreement.municipality_number,
            detail={"fields": list(changes)},
        )
        return DoctorPeriodRead.model_validate(period)
