"""Reading the vikar budgets; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.duties.tilsyn.budget.models import VikarBudget


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
