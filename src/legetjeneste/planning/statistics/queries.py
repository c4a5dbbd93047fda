"""Selects and writes of the yearly statistics; never commits."""

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from legetjeneste.planning.statistics.models import (
    FeeCodeCount,
    OfficeQualityIndicator,
    QualityIndicator,
    StatisticsYear,
)
from legetjeneste.registry.models import Office


def years(session: Session, *, municipality_number: str) -> list[StatisticsYear]:
    statement = select(StatisticsYear).where(StatisticsYear.municipality_number == municipality_number)
    return list(session.scalars(statement.order_by(StatisticsYear.year)))


def year(session: Session, *, municipality_number: str, year: int) -> StatisticsYear | None:
    return session.get(StatisticsYear, (municipality_number, year))


def quality_indicators(session: Session, *, municipality_number: str) -> list[QualityIndicator]:
    statement = select(QualityIndicator).where(QualityIndicator.municipality_number == municipality_number)
    return list(session.scalars(statement.order_by(QualityIndicator.year, QualityIndicator.indicator)))


def quality_indicator(session: Session, *, municipality_number: str, year: int, indicator: str):
    return session.get(QualityIndicator, (municipality_number, year, indicator))


def office_quality_indicators(session: Session, *, municipality_number: str) -> list[OfficeQualityIndicator]:
    statement = (
        select(OfficeQualityIndicator)
        .join(Office)
        .where(Office.municipality_number == municipality_number)
        .order_by(Office.name, OfficeQualityIndicator.year, OfficeQualityIndicator.indicator)
    )
    return list(session.scalars(statement))


def fee_code_counts(session: Session, *, municipality_number: str) -> list[FeeCodeCount]:
    statement = (
        select(FeeCodeCount)
        .join(Office)
        .where(Office.municipality_number == municipality_number)
        .order_by(Office.name, FeeCodeCount.year, FeeCodeCount.code)
    )
    return list(session.scalars(statement))


def replace_fee_codes(session: Session, *, office_ids: set[int], years: set[int], rows: list[dict]) -> None:
    """The counts of these offices and years replaced by `rows` (an import is the whole year's figures)."""
    if office_ids and years:
        session.execute(
            delete(FeeCodeCount).where(FeeCodeCount.office_id.in_(office_ids), FeeCodeCount.year.in_(years))
        )
    for row in rows:
        session.add(FeeCodeCount(**row))
    session.flush()


def offices_by_organisation_number(session: Session, *, municipality_number: str) -> dict[str, Office]:
    statement = select(Office).where(Office.municipality_number == municipality_number)
    return {o.organisation_number: o for o in session.scalars(statement)}
