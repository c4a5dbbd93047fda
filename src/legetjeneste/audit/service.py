"""Reading the audit log."""

from sqlalchemy.orm import Session

from legetjeneste.audit import queries
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor


def list_entries(session: Session, *, actor: Actor, limit: int = 1000) -> list[dict]:
    """The newest entries first; a municipality's administrator sees only that municipality's."""
    auth_service.require(actor, "audit.read")
    scope = None if actor.sees_all_municipalities else actor.municipality_number
    with session.begin():
        found = queries.entries(session, municipality_number=scope, limit=limit)
        queries.add_entry(
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
