"""Absence's part of the municipality file: `absences`, `digital_services`, `absence_assistant` and
`office_notices` — the interface of municipality_file/sections.py. They name the register's doctors,
agreements and offices, in the file or already in the municipality."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.absence import rules as absence_rules
from legetjeneste.absence.file_section import queries, rules
from legetjeneste.absence.file_section.schemas import (
    AbsenceAssistantIn,
    AbsenceIn,
    DigitalServicesIn,
    OfficeNoticeIn,
)
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry import file_section as registry_file

KEYS = {
    "absences": list[AbsenceIn],
    "digital_services": list[DigitalServicesIn],
    "absence_assistant": list[AbsenceAssistantIn],
    "office_notices": list[OfficeNoticeIn],
}


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    known = registry_file.known(session, parsed)
    return rules.check_absence_sections(
        parsed.items,
        existing=queries.existing_absences(session, parsed.number),
        hprs=known.hpr_numbers,
        agreement_ids=known.agreement_ids,
        orgnrs=known.organisation_numbers,
    )


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    """Write the sections. Should PostgreSQL refuse an absence for an overlap with one registered since
    `check` read the municipality (docs/adr/0010), the file is refused with the check's own problems,
    read again (ABS-TYPES)."""
    if queries.apply_absence_sections(session, parsed.items, parsed.number, changes, actor=actor.email):
        return []
    again = [p for p in check(session, parsed, today=today_oslo()) if p.severity == "error"]
    return again or [absence_rules.concurrent_collision()]


def export(session: Session, *, municipality_number: str) -> dict:
    return queries.absence_sections(session, municipality_number)
