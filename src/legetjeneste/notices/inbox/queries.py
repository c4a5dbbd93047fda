"""Inserts and selects for the inbox; never commits."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from legetjeneste.auth.models import User
from legetjeneste.dates import now_oslo
from legetjeneste.notices.inbox.models import InboxNotice


def recipients(session: Session, *, doctor_id: int | None, user_ids: Sequence[int]) -> list[User]:
    """The active users a notice goes to: those named, and every user linked to the doctor."""
    found: dict[int, User] = {}
    if doctor_id is not None:
        query = select(User).where(User.doctor_id == doctor_id, User.is_active.is_(True))
        found |= {user.id: user for user in session.scalars(query)}
    if user_ids:
        query = select(User).where(User.id.in_(list(user_ids)), User.is_active.is_(True))
        found |= {user.id: user for user in session.scalars(query)}
    return sorted(found.values(), key=lambda user: user.id)


def add(
    session: Session,
    *,
    user: User,
    municipality_number: str | None,
    kind: str,
    subject: str,
    body: str,
    link: str,
    rule_id: str,
) -> InboxNotice:
    notice = InboxNotice(
        user_id=user.id,
        municipality_number=municipality_number,
        kind=kind,
        subject=subject,
        body=body,
        link=link,
        rule_id=rule_id,
        created_at=now_oslo(),
    )
    session.add(notice)
    return notice


def unread_count(session: Session, user_id: int) -> int:
    query = select(func.count()).where(InboxNotice.user_id == user_id, InboxNotice.read_at.is_(None))
    return session.scalar(query) or 0


def of_user(session: Session, user_id: int) -> list[InboxNotice]:
    query = select(InboxNotice).where(InboxNotice.user_id == user_id).order_by(InboxNotice.id.desc())
    return list(session.scalars(query))


def notice(session: Session, notice_id: int) -> InboxNotice | None:
    return session.get(InboxNotice, notice_id)


def mark_read(session: Session, *, user_id: int, at: datetime) -> list[int]:
    """The user's unread notices, now read at `at`: their ids."""
    query = (
        update(InboxNotice)
        .where(InboxNotice.user_id == user_id, InboxNotice.read_at.is_(None))
        .values(read_at=at)
        .returning(InboxNotice.id)
    )
    return sorted(session.scalars(query))
