"""Reading and writing tilsyn: institutions with units and norms, plan versions with their hours,
substitutes and vikar budgets; never commits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.duties.tilsyn.models import Institution, Plan, PlanHours, Substitute, Unit, VikarBudget


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
        .options(selectinload(Plan.hours).selectinload(PlanHours.doctor))
        .where(Plan.municipality_number == municipality_number)
        .order_by(Plan.valid_from, Plan.id)
    )
    return list(session.scalars(query))


def plan_by_code(session: Session, *, municipality_number: str, code: str) -> Plan | None:
    return session.scalar(
        select(Plan).where(Plan.municipality_number == municipality_number, Plan.code == code)
    )


def substitutes(session: Session, *, unit_ids: list[int], first: date, last: date) -> list[Substitute]:
    query = select(Substitute).where(
        Substitute.unit_id.in_(unit_ids), Substitute.day >= first, Substitute.day <= last
    )
    return list(session.scalars(query))


def budget(session: Session, *, municipality_number: str, year: int) -> VikarBudget | None:
    return session.scalar(
        select(VikarBudget).where(
            VikarBudget.municipality_number == municipality_number, VikarBudget.year == year
        )
    )


def budgets(session: Session, *, municipality_number: str) -> list[VikarBudget]:
    query = (
        select(VikarBudget)
        .where(VikarBudget.municipality_number == municipality_number)
        .order_by(VikarBudget.year)
    )
    return list(session.scalars(query))


def substitute(session: Session, *, unit_id: int, day: date) -> Substitute | None:
    return session.scalar(select(Substitute).where(Substitute.unit_id == unit_id, Substitute.day == day))
