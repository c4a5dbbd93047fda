"""The `population` section of the municipality file: population by age band by year, actual or projected
(STAT-POPULATION); key: year, age_band. The source says where the figures come from (an SSB table, or the
plan's own figures when there is no SSB file)."""

from datetime import date
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.planning.capacity import queries, rules
from legetjeneste.planning.capacity.schemas import PopulationIn

KEYS = {
    "population": Annotated[
        list[PopulationIn],
        Field(description="Befolkning per aldersgruppe og år, faktisk og framskrevet (STAT-POPULATION)"),
    ],
}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    problems, seen = [], set()
    for index, p in parsed.items["population"]:
        prefix = f"population[{index}]."
        problems += rules.population_problems(p.age_band, p.count, prefix)
        if (p.year, p.age_band) in seen:
            problems.append(
                Problem(f"{prefix}age_band", f"{p.age_band} i {p.year} står to ganger", rules.POPULATION.id)
            )
        seen.add((p.year, p.age_band))
    return problems


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    for _, p in parsed.items["population"]:
        existed, changed = queries.store(
            session,
            municipality_number=parsed.number,
            year=p.year,
            age_band=p.age_band,
            count=p.count,
            projected=p.projected,
            source=p.source,
        )
        changes.count("population_figure", existed=existed, same=not changed)
    return []


def export(session: Session, *, municipality_number: str) -> dict:
    return {
        "population": [
            PopulationIn.model_validate(f, from_attributes=True).model_dump(
                mode="json", exclude_defaults=True
            )
            for f in queries.population(session, municipality_number=municipality_number)
        ]
    }
