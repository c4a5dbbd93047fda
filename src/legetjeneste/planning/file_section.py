"""The planning sections of the municipality file: the plan (`plans`), the yearly statistics and quality
indicators, fee-code counts and population figures. Each sub-feature keeps its own section; this module
joins them in one order (docs/municipality-file.md)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.planning.capacity import file_section as capacity_section
from legetjeneste.planning.plan import file_section as plan_section
from legetjeneste.planning.statistics import file_section as statistics_section

PARTS = (plan_section, statistics_section, capacity_section)
KEYS = {key: annotation for part in PARTS for key, annotation in part.KEYS.items()}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    return [problem for part in PARTS for problem in part.check(session, parsed, today=today)]


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    return [problem for part in PARTS for problem in part.apply(session, parsed, changes, actor=actor)]


def export(session: Session, *, municipality_number: str) -> dict:
    found: dict = {}
    for part in PARTS:
        found |= part.export(session, municipality_number=municipality_number)
    return found
