"""The register's part of the municipality file: `offices`, `doctors`, `agreements` (each with its
`doctor_periods`) and `list_counts`, after the file's `municipality` — the interface of
municipality_file/sections.py.

Offices are keyed by organisation number, doctors by HPR number, agreements by id, list counts by agreement
and month.
"""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry.file_section import queries, rules
from legetjeneste.registry.file_section.schemas import AgreementIn, ListCountIn
from legetjeneste.registry.schemas import DoctorBase, OfficeBase
from legetjeneste.registry.service import limits_on

KEYS = {
    "offices": list[OfficeBase],
    "doctors": list[DoctorBase],
    "agreements": list[AgreementIn],
    "list_counts": list[ListCountIn],
}


def known(session: Session, parsed: ParsedFile) -> rules.Keys:
    """The offices, doctors and agreements the file's other sections may name: the file's own (also those
    that failed to parse) and the municipality's."""
    return rules.mentioned_keys(parsed.document) | queries.existing(session, parsed.number).own


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    limits = limits_on(today)
    return rules.check_file(
        parsed.items,
        mentioned=rules.mentioned_keys(parsed.document),
        existing=queries.existing(session, parsed.number),
        max_listetak=limits.max_listetak,
        min_listetak=limits.min_listetak,
        today=today,
    )


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    queries.apply_register(session, parsed.municipality, parsed.items, changes)
    return []


def export(session: Session, *, municipality_number: str) -> dict:
    return queries.register_sections(session, municipality_number)
