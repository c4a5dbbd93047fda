"""Selects for absences and the GP panel settings; never commits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence.models import Absence
from legetjeneste.registry.models import Agreement


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
    return session.scalar(_absence_query().where(Absence.id == absence_id))
