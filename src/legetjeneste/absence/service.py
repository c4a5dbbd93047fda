"""Use cases for absences: register, change, cancel and list them, and the counters of a year (ABS-DEDUCT)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legetjeneste.absence import labels, queries, rules
from legetjeneste.absence.models import Absence
from legetjeneste.absence.schemas import AbsenceCreate, AbsenceRead, AbsenceSaved, AbsenceUpdate
from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, now_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Forbidden, NotFound, Problem, ValidationFailed
from legetjeneste.notices import queries as notice_queries
from legetjeneste.registry.models import Agreement, Doctor


def require_writer(actor: Actor) -> None:
    """The municipality's and the offices' editors register absences (absence.write), a GP their own
    (absence.own)."""
    if not auth_rules.can(actor, "absence.own"):
        auth_service.require(actor, "absence.write")


def may_change(actor: Actor, *, doctor_id: int, office_id: int) -> bool:
    """Whether the actor may register and change this doctor's absences at this office."""
    if auth_rules.can(actor, "absence.write"):
        return auth_rules.can_manage_office(actor, office_id)
    return auth_rules.can(actor, "absence.own") and actor.doctor_id == doctor_id


def _require_change(actor: Actor, agreement: Agreement, doctor_id: int) -> None:
    if may_change(actor, doctor_id=doctor_id, office_id=agreement.office_id):
        return
    if auth_rules.can(actor, "absence.write"):
        raise Forbidden("Du kan bare registrere fravær for legene på ditt eget legekontor.")
    raise Forbidden("Du kan bare registrere og endre ditt eget fravær.")


def _absence(session: Session, actor: Actor, absence_id: int, *, lock: bool = False) -> Absence:
    """The absence with its doctor, vikar and agreement; with `lock`, read after taking its doctor's turn
    (`queries.lock_doctors`), so a change checks what the change before it committed."""
    missing = f"Fravær {absence_id} finnes ikke."
    absence = scope.row(session, actor, Absence, absence_id, missing=missing)
    if lock:
        queries.lock_doctors(session, [absence.doctor_id])
    found = queries.absence(session, absence.id)
    if found is None:
        raise NotFound(missing)
    return found


class _Overlap(Exception):
    """PostgreSQL's exclusion constraint refused an absence (ABS-TYPES), with (doctor id, period, absence
    id): raised out of the transaction, so that it rolls back, and answered by `_one_absence_at_a_time`."""


@contextmanager
def _one_absence_at_a_time(session: Session) -> Iterator[None]:
    """ABS-TYPES, ASA 4310 § 13 — around a use case's transaction: when PostgreSQL refuses the absence for
    an overlap the check could not see (docs/adr/0010), the refusal is the check's own, naming the period
    of the absence it collides with, read after the rollback."""
    try:
        yield
    except _Overlap as overlap:
        doctor_id, period, absence_id = overlap.args
        with session.begin():
            found = queries.collisions(session, doctor_id=doctor_id, period=period, except_id=absence_id)
        raise ValidationFailed(rules.collision_problems(found) or [rules.concurrent_collision()]) from None


def _read(absence: Absence, actor: Actor) -> AbsenceRead:
    return AbsenceRead.of(
        absence,
        sees_ground=auth_rules.sees_absence_ground(
            actor, absence.agreement.office_id, doctor_id=absence.doctor_id
        ),
    )


def _problems(session: Session, absence: Absence) -> tuple[list[Problem], list[Problem]]:
    """Errors (which refuse the absence) and warnings (which are shown with it)."""
    collisions, vikar = [], None
    if absence.start <= absence.end:  # else the rules refuse the period alone, without asking the database
        collisions = queries.collisions(
            session, doctor_id=absence.doctor_id, period=absence.period, except_id=absence.id
        )
        vikar = session.get(Doctor, absence.vikar_doctor_id) if absence.vikar_doctor_id else None
    errors = rules.absence_problems(
        start=absence.start,
        end=absence.end,
        ground=absence.ground,
        cover=absence.cover,
        vikar_given=absence.vikar_doctor_id is not None,
        vikar_known=vikar is not None and vikar.municipality_number == absence.municipality_number,
        vikar_is_the_doctor=absence.vikar_doctor_id == absence.doctor_id,
        collisions=collisions,
    )
    if errors or absence.cover != rules.OWN_VIKAR:
        return errors, []
    periods = queries.vikar_periods(
        session, agreement_id=absence.agreement_id, vikar_id=absence.vikar_doctor_id
    )
    return [], rules.vikar_warnings(absence.period, periods)


def _reported(absence: Absence) -> rules.Reported:
    return rules.Reported(absence.cover, (absence.end - absence.start).days + 1, absence.vikar_doctor_id)


def _report(session: Session, absence: Absence, *, before: rules.Reported | None) -> list[str]:
    """ABS-REPORT — a notice to the municipality when the absence is news to it."""
    limit = parameters.value("absence/long_absence_days", on=absence.start)
    now = _reported(absence)
    if not rules.is_news(now=now, before=before, long_absence_days=limit):
        return []
    vikar = session.get(Doctor, absence.vikar_doctor_id) if absence.vikar_doctor_id else None
    message = rules.report_text(
        doctor_name=absence.doctor.full_name,
        office_name=absence.agreement.office.name,
        start=absence.start,
        end=absence.end,
        days=now.days,
        cover=absence.cover,
        cover_label=labels.COVER[absence.cover],
        vikar_name=vikar.full_name if vikar else None,
    )
    notice_queries.add_notice(
        session,
        municipality_number=absence.municipality_number,
        rule_id=rules.REPORT.id,
        citation=rules.REPORT.citation,
        message=message,
        link=f"/leger/{absence.doctor_id}",
    )
    return [message]


def _save(session: Session, actor: Actor, absence: Absence, before: rules.Reported | None) -> AbsenceSaved:
    with session.no_autoflush:  # the check comes before the write (PostgreSQL would refuse an overlap)
        errors, warnings = _problems(session, absence)
    if errors:
        raise ValidationFailed(errors)
    if absence.ground not in rules.CHILD_GROUNDS:
        absence.details = {}
    session.add(absence)
    tried = (absence.doctor_id, absence.period, absence.id)
    try:
        session.flush()
    except IntegrityError as error:
        if not queries.is_overlap(error):
            raise
        raise _Overlap(*tried) from error
    notices = _report(session, absence, before=before)
    audit_service.record(
        session,
        actor=actor,
        action="update" if before is not None else "create",
        entity="absence",
        record_ids=[absence.id],
        municipality_number=absence.municipality_number,
    )
    return AbsenceSaved(
        absence=_read(absence, actor), warnings=[w.as_dict() for w in warnings], notices=notices
    )


def register_absence(session: Session, *, actor: Actor, data: AbsenceCreate) -> AbsenceSaved:
    """Register an absence with its ground (ABS-TYPES), period and cover; refuses an overlap, also with a
    request at the same moment (docs/adr/0010). A GP registers their own (absence.own)."""
    require_writer(actor)
    with _one_absence_at_a_time(session), write_transaction(session):
        doctor = scope.doctor(session, actor, data.doctor_id)
        queries.lock_doctors(session, [doctor.id])
        agreement = queries.agreement_of(session, doctor.id, agreement_id=data.agreement_id, start=data.start)
        _require_change(actor, agreement, doctor.id)
        absence = Absence(
            municipality_number=doctor.municipality_number,
            doctor=doctor,
            doctor_id=doctor.id,
            agreement=agreement,
            agreement_id=agreement.id,
            ground=data.ground,
            start=data.start,
            end=data.end,
            cover=data.cover,
            vikar_doctor_id=data.vikar_doctor_id,
            details=data.details.model_dump(),
            created_at=now_oslo(),
            created_by=actor.email,
        )
        return _save(session, actor, absence, before=None)


def update_absence(session: Session, *, actor: Actor, absence_id: int, data: AbsenceUpdate) -> AbsenceSaved:
    """Change an absence; refuses an overlap, also with a change at the same moment (ABS-TYPES)."""
    require_writer(actor)
    with _one_absence_at_a_time(session), write_transaction(session):
        absence = _absence(session, actor, absence_id, lock=True)
        _require_change(actor, absence.agreement, absence.doctor_id)
        before = _reported(absence)
        changes = data.model_dump(exclude_unset=True)
        for field, value in changes.items():
            if value is not None or field == "vikar_doctor_id":
                setattr(absence, field, value)
        if data.details is not None:
            absence.details = data.details.model_dump()
        return _save(session, actor, absence, before=before)


def cancel_absence(session: Session, *, actor: Actor, absence_id: int) -> None:
    require_writer(actor)
    with write_transaction(session):
        absence = _absence(session, actor, absence_id, lock=True)
        _require_change(actor, absence.agreement, absence.doctor_id)
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="absence",
            record_ids=[absence.id],
            municipality_number=absence.municipality_number,
            detail={"doctor": absence.doctor_id, "period": str(absence.period)},
        )
        session.delete(absence)


def list_absences(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str | None = None,
    office_id: int | None = None,
    doctor_id: int | None = None,
    period: Period | None = None,
) -> list[AbsenceRead]:
    auth_service.require(actor, "absence.read")
    with session.begin():
        limit = scope.limited_to(actor, municipality_number)
        overlapping = (period.start, period.end or date.max) if period else None
        found = queries.absences(
            session,
            municipality_number=limit,
            office_id=office_id,
            doctor_id=doctor_id,
            overlapping=overlapping,
        )
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=[a.id for a in found],
            municipality_number=limit,
        )
        return [_read(a, actor) for a in found]


def get_absence(session: Session, *, actor: Actor, absence_id: int) -> AbsenceRead:
    auth_service.require(actor, "absence.read")
    with session.begin():
        absence = _absence(session, actor, absence_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=[absence.id],
            municipality_number=absence.municipality_number,
        )
        return _read(absence, actor)
