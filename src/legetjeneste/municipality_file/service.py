"""Use cases for the municipality file (import and export) and Helfo's monthly list overview."""

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import parse_month, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Conflict, Forbidden, ValidationFailed
from legetjeneste.municipality_file import helfo
from legetjeneste.municipality_file.format import ParsedFile, parse_file
from legetjeneste.municipality_file.sections import Changes, sections
from legetjeneste.registry import queries
from legetjeneste.registry.file_section import queries as file_queries
from legetjeneste.registry.file_section.queries import apply_list_counts

COLLIDED = (
    "Filen kolliderer med data som ble lagret samtidig av en annen (samme HPR-nummer, organisasjonsnummer "
    "eller avtale). Ingenting ble lagret; prøv igjen."
)


def import_municipality_file(session: Session, *, actor: Actor, document: Any, source: str = "") -> dict:
    """All or nothing: every problem is reported and nothing is written, or everything is. Idempotent.

    Imports of one municipality follow one another (docs/adr/0010): each locks the municipality before it
    checks anything, so one that waited sees what the one before it wrote and reports it as unchanged. An
    import that collides on a unique key with a write made at the same moment outside an import (the
    backstop) is tried once more, and then sees that write."""
    auth_service.require(actor, "register.import")
    parsed, problems = parse_file(document)
    if parsed.municipality is None:
        raise ValidationFailed(problems)
    number = parsed.municipality.number
    if not (actor.sees_all_municipalities or actor.municipality_number == number):
        raise Forbidden(f"Du kan bare importere filer for din egen kommune ({actor.municipality_number}).")
    try:
        return _import(session, actor=actor, parsed=parsed, problems=list(problems), source=source)
    except IntegrityError:
        pass
    try:
        return _import(session, actor=actor, parsed=parsed, problems=list(problems), source=source)
    except IntegrityError as error:
        raise Conflict(COLLIDED) from error


@when_free
def _import(session: Session, *, actor: Actor, parsed: ParsedFile, problems: list, source: str) -> dict:
    """One try: every section is checked before any is written; then each is written in the features'
    order, and a problem found while writing one undoes them all."""
    assert parsed.municipality is not None, "checked by the caller"
    number, today = parsed.municipality.number, today_oslo()
    with write_transaction(session):
        changes = Changes()
        if file_queries.lock_municipality(session, number, parsed.municipality.name):
            changes.created["municipality"] += 1
        for section in sections():
            problems += section.check(session, parsed, today=today)
        if any(problem.severity == "error" for problem in problems):
            raise ValidationFailed(sorted(problems, key=lambda p: p.severity != "error"))
        for section in sections():
            refused = section.apply(session, parsed, changes, actor=actor)
            if refused:
                raise ValidationFailed(refused)
        report = {
            "municipality": number,
            **changes.as_dict(),
            "warnings": [problem.as_dict() for problem in problems],
        }
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="municipality_file",
            record_ids=[number],
            municipality_number=number,
            detail={"source": source, **changes.as_dict()},
        )
    return report


def export_municipality_file(session: Session, *, actor: Actor, municipality_number: str) -> dict:
    """The municipality as one document in the import format; export → import changes nothing.

    It holds the absences' grounds (health data), so only those who may import may export."""
    auth_service.require(actor, "register.import")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        document: dict = {}
        for section in sections():
            document.update(section.export(session, municipality_number=municipality_number))
        audit_service.record(
            session,
            actor=actor,
            action="export",
            entity="municipality_file",
            record_ids=[municipality_number],
            municipality_number=municipality_number,
            detail={"doctors": len(document["doctors"])},
        )
        return document


def import_helfo_monthly_list(
    session: Session, *, actor: Actor, municipality_number: str, month: str, text: str
) -> dict:
    """Helfo's monthly list overview (CSV, see docs/helfo-monthly-list.md) for one month; all or nothing."""
    auth_service.require(actor, "register.import")
    scope.require_municipality(actor, municipality_number)
    rows, problems = helfo.parse_monthly_list(text, month=month)
    with session.begin():
        first_day = parse_month(month) if not problems else None
        facts = {
            a.id: helfo.AgreementFacts(
                listetak=a.listetak,
                regular_hpr=next((p.doctor.hpr_number for p in a.periods_on("regular", first_day)), None)
                if first_day
                else None,
            )
            for a in queries.agreements(session, municipality_number=municipality_number)
        }
        problems += helfo.check_rows(rows, agreements=facts, municipality_number=municipality_number)
        if any(problem.severity == "error" for problem in problems):
            raise ValidationFailed(sorted(problems, key=lambda p: p.severity != "error"))
        changes = apply_list_counts(session, [row.list_count for row in rows], municipality_number).as_dict()
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="helfo_monthly_list",
            record_ids=[f"{municipality_number}:{month}"],
            municipality_number=municipality_number,
            detail={"rows": len(rows), **changes},
        )
    return {
        "municipality": municipality_number,
        "month": month,
        "rows": len(rows),
        **changes,
        "warnings": [p.as_dict() for p in problems],
    }
