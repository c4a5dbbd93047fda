"""Reading tilsyn: institutions with units and norms, plan versions with their hours; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.duties.tilsyn.models import Institution, Plan, PlanHours, Unit


def institutions(session: Session, *, municipality_number: str) -> list[Institution]:
    query = (
        select(Institution)
        .options(selectinload(Institution.units).selectinload(Unit.norms))
        .where(Institution.municipality_number == municipality_number)
        .order_by(Institution.id)
    )
    return list(session.scalars(query))


def institution_by_code(session: Session, *, municipality_number: str, code: str) -> Institution | None:
    return session.scalar(
        select(Institution).where(
            Institution.municipality_number == municipality_number, Institution.code == code
        )
    )


def plans(session: Session, *, municipality_number: str) -> list[Plan]:
    query = (
        select(Plan)
        .options(
            selectinload(Plan.hours).selectinload(PlanHours.doctor),
            selectinload(Plan.hours).selectinload(PlanHours.municipal_doctor),
        )
        .where(Plan.municipality_number == municipality_number)
        .order_by(Plan.valid_from, Plan.id)
    )
    return list(session.scalars(query))


def plan_by_code(session: Session, *, municipality_number: str, code: str) -> Plan | None:
    return session.scalar(
        select(Plan).where(Plan.municipality_number == municipality_number, Plan.code == code)
    )
