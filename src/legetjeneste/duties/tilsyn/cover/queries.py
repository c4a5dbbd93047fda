"""Reading and writing cover: municipal doctors with their absences, and named substitutes; never commits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.duties.tilsyn.cover.models import MunicipalDoctor, Substitute


def municipal_doctors(session: Session, *, municipality_number: str) -> list[MunicipalDoctor]:
    query = (
        select(MunicipalDoctor)
        .options(selectinload(MunicipalDoctor.absences))
        .where(MunicipalDoctor.municipality_number == municipality_number)
        .order_by(MunicipalDoctor.id)
    )
    return list(session.scalars(query))


def municipal_doctor_by_code(
    session: Session, *, municipality_number: str, code: str
) -> MunicipalDoctor | None:
    return session.scalar(
        select(MunicipalDoctor).where(
            MunicipalDoctor.municipality_number == municipality_number, MunicipalDoctor.code == code
        )
    )


def substitutes(session: Session, *, unit_ids: list[int], first: date, last: date) -> list[Substitute]:
    query = select(Substitute).where(
        Substitute.unit_id.in_(unit_ids), Substitute.day >= first, Substitute.day <= last
    )
    return list(session.scalars(query))


def standins(session: Session, *, doctor_ids: list[int], first: date, last: date) -> list[Substitute]:
    query = select(Substitute).where(
        Substitute.municipal_doctor_id.in_(doctor_ids), Substitute.day >= first, Substitute.day <= last
    )
    return list(session.scalars(query))


def substitute(
    session: Session, *, unit_id: int | None = None, municipal_doctor_id: int | None = None, day: date
) -> Substitute | None:
    query = select(Substitute).where(Substitute.day == day)
    if unit_id is not None:
        return session.scalar(query.where(Substitute.unit_id == unit_id))
    return session.scalar(query.where(Substitute.municipal_doctor_id == municipal_doctor_id))
