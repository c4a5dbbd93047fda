"""The statistics sections of the municipality file: `statistics_years` (key: year), `quality_indicators`
(year, indicator), `office_quality_indicators` (office, year, indicator) and `fee_code_counts` (office, year,
code). Items are upserted by key; the fee codes of an office's year are replaced whole."""

from datetime import date
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes, upsert
from legetjeneste.planning.statistics import queries, rules
from legetjeneste.planning.statistics.fee_codes import service as fee_code_service
from legetjeneste.planning.statistics.models import OfficeQualityIndicator, QualityIndicator, StatisticsYear
from legetjeneste.planning.statistics.schemas import (
    FeeCodeCountIn,
    OfficeQualityIndicatorIn,
    QualityIndicatorIn,
    StatisticsYearIn,
    plain_decimal,
)

KEYS = {
    "statistics_years": Annotated[
        list[StatisticsYearIn],
        Field(description="Kommunens tall per år (STAT-LV, STAT-LV-COST); nøkkel: year"),
    ],
    "quality_indicators": Annotated[
        list[QualityIndicatorIn],
        Field(description="Legevaktens seks kvalitetsindikatorer per år (STAT-QI); nøkkel: year, indicator"),
    ],
    "office_quality_indicators": Annotated[
        list[OfficeQualityIndicatorIn],
        Field(
            description="Kontorenes kvalitetsindikatorer (STAT-OFFICE-QI); nøkkel: office, year, indicator",
        ),
    ],
    "fee_code_counts": Annotated[
        list[FeeCodeCountIn],
        Field(description="Takstbruk per kontor og år (STAT-LV); nøkkel: office, year, code"),
    ],
}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    problems: list[Problem] = []
    for index, q in parsed.items["quality_indicators"]:
        problems += rules.quality_problems(
            indicator=q.indicator,
            status=q.status,
            evidence=q.evidence,
            reported_on=q.reported_on,
            year=q.year,
            prefix=f"quality_indicators[{index}].",
        )
    for index, q in parsed.items["office_quality_indicators"]:
        if q.indicator not in rules.OFFICE_INDICATORS:
            problems.append(
                Problem(
                    f"office_quality_indicators[{index}].indicator",
                    f"Kvalitetsindikatoren «{q.indicator}» er ukjent",
                    rules.OFFICE_QI.id,
                )
            )
    return problems


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    number = parsed.number
    for _, item in parsed.items["statistics_years"]:
        existing = queries.year(session, municipality_number=number, year=item.year)
        upsert(
            session,
            changes,
            "statistics_year",
            existing,
            {"municipality_number": number, **item.model_dump()},
            StatisticsYear,
        )
    for _, q in parsed.items["quality_indicators"]:
        existing = queries.quality_indicator(
            session, municipality_number=number, year=q.year, indicator=q.indicator
        )
        upsert(
            session,
            changes,
            "quality_indicator",
            existing,
            {"municipality_number": number, **q.model_dump()},
            QualityIndicator,
        )
    offices = queries.offices_by_organisation_number(session, municipality_number=number)
    problems = []
    for index, q in parsed.items["office_quality_indicators"]:
        office = offices.get(q.office)
        if office is None:
            problems.append(
                Problem(
                    f"office_quality_indicators[{index}].office",
                    f"Legekontoret {q.office} finnes ikke i kommunen",
                    rules.OFFICE_QI.id,
                )
            )
            continue
        stored = session.get(OfficeQualityIndicator, (office.id, q.year, q.indicator))
        values = {"office_id": office.id, **q.model_dump(exclude={"office"})}
        upsert(session, changes, "office_quality_indicator", stored, values, OfficeQualityIndicator)
    return problems + _fee_codes(session, parsed, changes)


def _fee_codes(session: Session, parsed: ParsedFile, changes: Changes) -> list[Problem]:
    found = parsed.items["fee_code_counts"]
    if not found:
        return []
    items = [(f.office, f.year, f.code, f.count) for _, f in found]
    where = [f"fee_code_counts[{index}]." for index, _ in found]
    rows, problems = fee_code_service.fee_code_rows(session, parsed.number, items, where=where)
    if problems:
        return problems
    stored = {
        (c.office_id, c.year, c.code): c.count
        for c in queries.fee_code_counts(session, municipality_number=parsed.number)
    }
    if all(stored.get((r["office_id"], r["year"], r["code"])) == r["count"] for r in rows) and len(
        stored
    ) == len(rows):
        changes.unchanged["fee_code_count"] += len(rows)
        return []
    queries.replace_fee_codes(
        session, office_ids={r["office_id"] for r in rows}, years={r["year"] for r in rows}, rows=rows
    )
    changes.updated["fee_code_count"] += len(rows)
    return []


def export(session: Session, *, municipality_number: str) -> dict:
    number = municipality_number
    return {
        "statistics_years": [
            StatisticsYearIn.model_validate(r, from_attributes=True).model_dump(
                mode="json", exclude_defaults=True
            )
            for r in queries.years(session, municipality_number=number)
        ],
        "quality_indicators": [
            QualityIndicatorIn.model_validate(q, from_attributes=True).model_dump(
                mode="json", exclude_defaults=True
            )
            for q in queries.quality_indicators(session, municipality_number=number)
        ],
        "office_quality_indicators": [
            {
                "office": q.office.organisation_number,
                "year": q.year,
                "indicator": q.indicator,
                "value": str(plain_decimal(q.value)),
                **({"note": q.note} if q.note else {}),
            }
            for q in queries.office_quality_indicators(session, municipality_number=number)
        ],
        "fee_code_counts": [
            {"office": c.office.organisation_number, "year": c.year, "code": c.code, "count": c.count}
            for c in queries.fee_code_counts(session, municipality_number=number)
        ],
    }
