"""Telling people: a notice in the inbox of each user it concerns, and e-mail to those who want its kind
by e-mail; reading one's own inbox.

`tell` is called by other features inside their own transaction (like `audit_service.record`), so that a
decision and the notice of it are written together or not at all."""

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor, can
from legetjeneste.errors import NotFound
from legetjeneste.notices.email import service as email_service
from legetjeneste.notices.inbox import queries, rules
from legetjeneste.notices.inbox.models import InboxNotice
from legetjeneste.notices.inbox.schemas import InboxNoticeRead


def tell(
    session: Session,
    *,
    municipality_number: str | None,
    kind: str,
    subject: str,
    body: str,
    link: str = "",
    rule_id: str = "",
    doctor_id: int | None = None,
    user_ids: Sequence[int] = (),
) -> list[InboxNotice]:
    """A notice of `kind` to every active user linked to `doctor_id` and to each of `user_ids`; the caller
    owns the transaction. A doctor without a user account gets none (the letter is still on the case).

    The `subject` also goes out by e-mail to those who want the kind by e-mail (MAIL-CONTENT): it must name
    the matter, not its contents — «Vedtak i saken om fritak fra legevakt», never the outcome or a health
    ground. The `body` stays in the inbox; `link` is a path on this server («/fritak/12»)."""
    if not rules.is_kind(kind):
        raise ValueError(f"unknown notice kind: {kind}")
    users = queries.recipients(session, doctor_id=doctor_id, user_ids=user_ids)
    told = [
        queries.add(
            session,
            user=user,
            municipality_number=municipality_number,
            kind=kind,
            subject=subject,
            body=body,
            link=link,
            rule_id=rule_id,
        )
        for user in users
    ]
    email_service.queue_emails(session, notices=told, users=users)
    return told


def _reader(actor: Actor) -> int | None:
    auth_service.require(actor, "inbox.read")
    return actor.user_id


def unread_count(session: Session, *, actor: Actor) -> int:
    """How many of the user's notices are unread (the header's count): one indexed count, 0 for an actor
    without an inbox (the system, a user who may not read one)."""
    if actor.user_id is None or not can(actor, "inbox.read"):
        return 0
    with session.begin():
        return queries.unread_count(session, actor.user_id)


def my_notices(session: Session, *, actor: Actor) -> list[InboxNoticeRead]:
    """The user's own notices, newest first."""
    user_id = _reader(actor)
    if user_id is None:
        return []
    with session.begin():
        return [InboxNoticeRead.of(notice) for notice in queries.of_user(session, user_id)]


def open_notice(session: Session, *, actor: Actor, notice_id: int) -> InboxNoticeRead:
    """One of the user's own notices, now marked read; another user's answers as if it did not exist."""
    user_id = _reader(actor)
    with session.begin():
        notice = queries.notice(session, notice_id)
        if notice is None or user_id is None or notice.user_id != user_id:
            raise NotFound(f"Meldingen {notice_id} finnes ikke i innboksen din.")
        if notice.read_at is None:
            notice.read_at = datetime.now(UTC)
        return InboxNoticeRead.of(notice)


def mark_all_read(session: Session, *, actor: Actor) -> list[int]:
    """Every unread notice of the user, now read: their ids. Whether one's own notice is read is the
    user's own business, not audited."""
    user_id = _reader(actor)
    if user_id is None:
        return []
    with session.begin():
        return queries.mark_read(session, user_id=user_id, at=datetime.now(UTC))
