"""Selects and writes of population figures; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.planning.capacity.models import PopulationFigure


def population(session: Session, *, municipality_number: str) -> list[PopulationFigure]:
    statement = select(PopulationFigure).where(PopulationFigure.municipality_number == municipality_number)
    return list(session.scalars(statement.order_by(PopulationFigure.year, PopulationFigure.age_band)))


def figure(
    session: Session, *, municipality_number: str, year: int, age_band: str
) -> PopulationFigure | None:
    return session.get(PopulationFigure, (municipality_number, year, age_band))


def store(
    session: Session,
    *,
    municipality_number: str,
    year: int,
    age_band: str,
    count: int,
    projected: bool,
    source: str,
) -> tuple[bool, bool]:
    """Upsert one figure; (existed, changed)."""
    row = figure(session, municipality_number=municipality_number, year=year, age_band=age_band)
    values = {"count": count, "projected": projected, "source": source}
    if row is None:
        session.add(
            PopulationFigure(municipality_number=municipality_number, year=year, age_band=age_band, **values)
        )
        return False, True
    changed = any(getattr(row, k) != v for k, v in values.items())
    for k, v in values.items():
        setattr(row, k, v)
    return True, changed
