"""Inserts into the append-only audit log; never commits (the calling service does)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo


def add_entry(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    record_ids: list,
    municipality_number: str | None,
    detail: dict | None = None,
) -> None:
    session.add(
        AuditEntry(
            at=now_oslo(),
            actor=actor.email,
            action=action,
            entity=entity,
            record_ids=[str(record_id) for record_id in record_ids],
            municipality_number=municipality_number,
            detail=detail or {},
        )
    )


def entries(session: Session, *, municipality_number: str | None, limit: int) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if municipality_number is not None:
        query = query.where(AuditEntry.municipality_number == municipality_number)
    return list(session.scalars(query))
