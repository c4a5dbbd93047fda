"""Selects and inserts for the national statistics; never commits."""

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from legetjeneste.planning.models import NationalKeyFigure
from legetjeneste.planning.ssb import Figure


def replace_year(session: Session, figures: list[Figure]) -> None:
    for year in {figure.year for figure in figures}:
        session.execute(delete(NationalKeyFigure).where(NationalKeyFigure.year == year))
    if figures:
        session.execute(
            insert(NationalKeyFigure),
            [
                {
                    "municipality_number": f.municipality_number,
                    "year": f.year,
                    "code": f.code,
                    "value": f.value,
                }
                for f in figures
            ],
        )


def latest_year(session: Session) -> int | None:
    return session.scalar(select(func.max(NationalKeyFigure.year)))


def figures_by_municipality(session: Session, year: int) -> dict[str, dict[str, Decimal]]:
    result: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for figure in session.scalars(select(NationalKeyFigure).where(NationalKeyFigure.year == year)):
        result[figure.municipality_number][figure.code] = figure.value
    return dict(result)
