"""The audit log: `record` is the one way to write it; `list_entries` reads it (and is audited itself)."""

from sqlalchemy.orm import Session

from legetjeneste.audit import queries
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Forbidden


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    record_ids: list,
    municipality_number: str | None,
    detail: dict | None = None,
) -> None:
    """Append one entry in the caller's transaction: who did what to which records, in which municipality."""
    queries.add_entry(
        session,
        actor=actor,
        action=action,
        entity=entity,
        record_ids=record_ids,
        municipality_number=municipality_number,
        detail=detail,
    )


def list_entries(session: Session, *, actor: Actor, limit: int = 1000) -> list[dict]:
    """The newest entries first; a municipality's administrator sees only that municipality's."""
    if not auth_rules.can(actor, "audit.read"):
        raise Forbidden(f"Du har ikke tilgang til å {auth_rules.PERMISSION_NAMES_NB['audit.read']}.")
    scope = None if actor.sees_all_municipalities else actor.municipality_number
    with session.begin():
        found = queries.entries(session, municipality_number=scope, limit=limit)
        record(
            session,
            actor=actor,
            action="read",
            entity="audit_entry",
            record_ids=[entry.id for entry in found],
            municipality_number=scope,
        )
        return [
            {
                "id": entry.id,
                "at": entry.at.isoformat(),
                "actor": entry.actor,
                "action": entry.action,
                "entity": entry.entity,
                "record_ids": entry.record_ids,
                "municipality": entry.municipality_number,
                "detail": entry.detail,
            }
            for entry in found
        ]
