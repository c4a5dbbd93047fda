"""Selects and inserts for the register; never commits."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from legetjeneste.registry.models import (
    Agreement,
    Doctor,
    DoctorPeriod,
    ListCount,
    Municipality,
    Office,
)


def municipalities(session: Session, *, number: str | None = None) -> list[Municipality]:
    query = select(Municipality).options(selectinload(Municipality.populations)).order_by(Municipality.number)
    if number is not None:
        query = query.where(Municipality.number == number)
    return list(session.scalars(query))


def offices(session: Session, *, municipality_number: str | None) -> list[Office]:
    query = select(Office).order_by(Office.id)
    if municipality_number is not None:
        query = query.where(Office.municipality_number == municipality_number)
    return list(session.scalars(query))


def office_by_organisation_number(session: Session, organisation_number: str) -> Office | None:
    return session.scalar(select(Office).where(Office.organisation_number == organisation_number))


def doctors(session: Session, *, municipality_number: str | None) -> list[Doctor]:
    query = select(Doctor).order_by(Doctor.last_name, Doctor.first_name, Doctor.id)
    if municipality_number is not None:
        query = query.where(Doctor.municipality_number == municipality_number)
    return list(session.scalars(query))


def doctor_by_hpr(session: Session, *, municipality_number: str, hpr_number: str) -> Doctor | None:
    return session.scalar(
        select(Doctor).where(
            Doctor.municipality_number == municipality_number, Doctor.hpr_number == hpr_number
        )
    )


def _agreement_query():
    """Agreements with their office, periods and doctors. The many-to-one sides are joined rather than
    selected by long IN lists of ids, which is much cheaper for a large municipality (600 agreements)."""
    return select(Agreement).options(
        joinedload(Agreement.office, innerjoin=True),
        selectinload(Agreement.doctor_periods).joinedload(DoctorPeriod.doctor, innerjoin=True),
    )


def agreements(
    session: Session, *, municipality_number: str | None, office_id: int | None = None
) -> list[Agreement]:
    query = _agreement_query().order_by(Agreement.id)
    if municipality_number is not None:
        query = query.where(Agreement.municipality_number == municipality_number)
    if office_id is not None:
        query = query.where(Agreement.office_id == office_id)
    return list(session.scalars(query))


def agreement(session: Session, agreement_id: int) -> Agreement | None:
    return session.scalar(_agreement_query().where(Agreement.id == agreement_id))


def agreements_of_doctor(session: Session, doctor_id: int) -> list[DoctorPeriod]:
    query = (
        select(DoctorPeriod)
        .options(selectinload(DoctorPeriod.agreement).selectinload(Agreement.office))
        .where(DoctorPeriod.doctor_id == doctor_id)
        .order_by(DoctorPeriod.start)
    )
    return list(session.scalars(query))


def next_agreement_id(session: Session) -> int:
    return (session.scalar(select(func.max(Agreement.id))) or 0) + 1


def latest_list_counts(session: Session, agreement_ids: list[int], *, on: date) -> dict[int, ListCount]:
    """Each agreement's newest monthly count for a month that has begun by `on`."""
    if not agreement_ids:
        return {}
    newest = (
        select(ListCount.agreement_id, func.max(ListCount.month).label("month"))
        .where(ListCount.month <= on)
        .group_by(ListCount.agreement_id)
        .subquery()
    )
    query = select(ListCount).join(
        newest, (ListCount.agreement_id == newest.c.agreement_id) & (ListCount.month == newest.c.month)
    )
    if len(agreement_ids) < 900:
        query = query.where(ListCount.agreement_id.in_(agreement_ids))
    wanted = set(agreement_ids)
    return {count.agreement_id: count for count in session.scalars(query) if count.agreement_id in wanted}


def list_counts(session: Session, agreement_id: int) -> list[ListCount]:
    query = select(ListCount).where(ListCount.agreement_id == agreement_id).order_by(ListCount.month)
    return list(session.scalars(query))


def list_counts_of_municipality(session: Session, municipality_number: str) -> list[ListCount]:
    query = (
        select(ListCount)
        .join(Agreement, Agreement.id == ListCount.agreement_id)
        .where(Agreement.municipality_number == municipality_number)
        .order_by(ListCount.agreement_id, ListCount.month)
    )
    return list(session.scalars(query))
