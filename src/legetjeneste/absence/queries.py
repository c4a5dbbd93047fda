"""Selects for absences and the GP panel settings; never commits."""

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence import rules
from legetjeneste.absence.models import OVERLAP_CONSTRAINT, Absence
from legetjeneste.dates import Period
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor


def _absence_query():
    return select(Absence).options(
        selectinload(Absence.doctor),
        selectinload(Absence.vikar),
        selectinload(Absence.agreement).selectinload(Agreement.office),
    )


def absences(
    session: Session,
    *,
    municipality_number: str | None = None,
    office_id: int | None = None,
    doctor_id: int | None = None,
    agreement_ids: list[int] | None = None,
    overlapping: tuple[date, date] | None = None,
) -> list[Absence]:
    query = _absence_query().order_by(Absence.start, Absence.id)
    if municipality_number is not None:
        query = query.where(Absence.municipality_number == municipality_number)
    if office_id is not None:
        query = query.join(Agreement, Agreement.id == Absence.agreement_id).where(
            Agreement.office_id == office_id
        )
    if doctor_id is not None:
        query = query.where(Absence.doctor_id == doctor_id)
    if agreement_ids is not None:
        query = query.where(Absence.agreement_id.in_(agreement_ids))
    if overlapping is not None:
        first, last = overlapping
        query = query.where(Absence.start <= last, Absence.end >= first)
    return list(session.scalars(query))


def absence(session: Session, absence_id: int) -> Absence | None:
    """The absence as the database holds it now, even when the session has read it before."""
    query = _absence_query().where(Absence.id == absence_id).execution_options(populate_existing=True)
    return session.scalar(query)


def collisions(session: Session, *, doctor_id: int, period: Period, except_id: int | None) -> list[Period]:
    """The periods of the doctor's other absences that share a day with `period` (ABS-TYPES)."""
    assert period.end is not None
    query = select(Absence.start, Absence.end).where(
        Absence.doctor_id == doctor_id, Absence.start <= period.end, Absence.end >= period.start
    )
    if except_id is not None:
        query = query.where(Absence.id != except_id)
    return [Period(start, end) for start, end in session.execute(query.order_by(Absence.start))]


def lock_doctors(session: Session, doctor_ids: Iterable[int]) -> None:
    """Take the doctors' rows until the transaction ends, in the order of their ids (PostgreSQL; SQLite's
    write transaction already holds the whole database): the changes of one doctor's absences take turns,
    so each one's check sees what the one before committed (docs/adr/0010). FOR NO KEY UPDATE leaves the
    rows' keys free, so rows that merely refer to a doctor are written meanwhile."""
    query = select(Doctor.id).where(Doctor.id.in_(list(doctor_ids))).order_by(Doctor.id)
    session.execute(query.with_for_update(key_share=True))


def is_overlap(error: IntegrityError) -> bool:
    """Whether PostgreSQL refused a write for two absences of one doctor sharing a day (ABS-TYPES)."""
    diagnostics = getattr(error.orig, "diag", None)
    return getattr(diagnostics, "constraint_name", None) == OVERLAP_CONSTRAINT


def vikar_periods(session: Session, *, agreement_id: int, vikar_id: int | None) -> list[Period]:
    """The vikar's doctor periods on the agreement."""
    found = session.get(Agreement, agreement_id)
    assert found is not None
    return [p.period for p in found.doctor_periods if p.role == "vikar" and p.doctor_id == vikar_id]


def agreement_of(session: Session, doctor_id: int, *, agreement_id: int | None, start: date) -> Agreement:
    """The agreement the doctor is absent from (ABS-TYPES): `rules.agreement_of_absence` on the lists the
    doctor serves."""
    serving = [
        p for p in registry_queries.agreements_of_doctor(session, doctor_id) if p.role in rules.SERVING_ROLES
    ]
    chosen = rules.agreement_of_absence(
        [(p.agreement_id, p.period) for p in serving], agreement_id=agreement_id, start=start
    )
    return next(p.agreement for p in serving if p.agreement_id == chosen)
