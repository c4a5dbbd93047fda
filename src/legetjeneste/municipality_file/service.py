"""Use cases for the municipality file (import and export) and Helfo's monthly list overview."""

from typing import Any

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import parse_month, today_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Forbidden, ValidationFailed
from legetjeneste.municipality_file import helfo
from legetjeneste.municipality_file.format import parse_file
from legetjeneste.municipality_file.sections import Changes, sections
from legetjeneste.registry import queries
from legetjeneste.registry.file_section.queries import apply_list_counts


def import_municipality_file(session: Session, *, actor: Actor, document: Any, source: str = "") -> dict:
    """All or nothing: every problem is reported and nothing is written, or everything is. Idempotent.

    Every section is checked before any is written; then each is written in the features' order, and a
    problem found while writing one undoes them all."""
    auth_service.require(actor, "register.import")
    parsed, problems = parse_file(document)
    if parsed.municipality is None:
        raise ValidationFailed(problems)
    number = parsed.municipality.number
    if not (actor.sees_all_municipalities or actor.municipality_number == number):
        raise Forbidden(f"Du kan bare importere filer for din egen kommune ({actor.municipality_number}).")
    today = today_oslo()
    with write_transaction(session):
        for section in sections():
            problems += section.check(session, parsed, today=today)
        if any(problem.severity == "error" for problem in problems):
            raise ValidationFailed(sorted(problems, key=lambda p: p.severity != "error"))
        changes = Changes()
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
