"""Notices on the municipality's start page: what is open, and marking one as read."""

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo
from legetjeneste.notices import queries
from legetjeneste.notices.models import Notice
from legetjeneste.notices.schemas import NoticeRead


def open_notices(session: Session, *, actor: Actor, municipality_number: str) -> list[NoticeRead]:
    auth_service.require(actor, "register.read")
    scope.require_municipality(actor, municipality_number)
    with session.begin():
        return [NoticeRead.of(notice) for notice in queries.open_notices(session, municipality_number)]


def acknowledge(session: Session, *, actor: Actor, notice_id: int) -> NoticeRead:
    """Mark a notice as read for the whole municipality, recording who read it."""
    auth_service.require(actor, "register.read")
    with session.begin():
        notice = scope.row(session, actor, Notice, notice_id, missing=f"Varsel {notice_id} finnes ikke.")
        if notice.acknowledged_at is None:
            notice.acknowledged_at, notice.acknowledged_by = now_oslo(), actor.email
            audit_service.record(
                session,
                actor=actor,
                action="update",
                entity="notice",
                record_ids=[notice.id],
                municipality_number=notice.municipality_number,
                detail={"fields": ["acknowledged_at"]},
            )
        return NoticeRead.of(notice)
