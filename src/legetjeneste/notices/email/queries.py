"""Selects, inserts and conditional updates of preferences, the outbox and the delivery log; never commits.

A sender claims a mail with one conditional UPDATE (pending and due → sending), so of two senders running
at once only one gets it: a mail is sent once however often delivery runs."""

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from legetjeneste.notices.email.models import EmailAttempt, EmailPreference, OutboxEmail
from legetjeneste.notices.email.rules import PENDING, SENDING

_PREFERENCES = cast(Table, EmailPreference.__table__)


def choices_of(session: Session, *, user_ids: Sequence[int]) -> dict[int, dict[str, bool]]:
    """Each user's own choices, kind → by e-mail (kinds they never chose are absent)."""
    found: dict[int, dict[str, bool]] = {user_id: {} for user_id in user_ids}
    query = select(EmailPreference).where(EmailPreference.user_id.in_(list(user_ids)))
    for preference in session.scalars(query):
        found[preference.user_id][preference.kind] = preference.by_email
    return found


def set_choice(session: Session, *, user_id: int, kind: str, by_email: bool, now: datetime) -> None:
    """The user's choice for the kind: one row per user and kind, inserted or updated in one statement
    (ON CONFLICT), so two saves at the same moment never collide."""
    make = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = make(_PREFERENCES).values(user_id=user_id, kind=kind, by_email=by_email, changed_at=now)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["user_id", "kind"], set_={"by_email": by_email, "changed_at": now}
        )
    )


def add_email(
    session: Session,
    *,
    user_id: int | None,
    notice_id: int | None,
    recipient: str,
    subject: str,
    body: str,
    now: datetime,
) -> OutboxEmail:
    email = OutboxEmail(
        user_id=user_id,
        inbox_notice_id=notice_id,
        recipient=recipient,
        subject=subject,
        body=body,
        status=PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(email)
    return email


def due(session: Session, *, now: datetime, limit: int) -> list[int]:
    """The oldest pending mails whose next attempt is due."""
    query = select(OutboxEmail.id).where(OutboxEmail.status == PENDING, OutboxEmail.next_attempt_at <= now)
    return list(session.scalars(query.order_by(OutboxEmail.id).limit(limit)))


def claim(session: Session, *, email_id: int, now: datetime) -> OutboxEmail | None:
    """The mail, now being sent by this caller; None when another sender has it or it is not due."""
    claimed = session.scalar(
        update(OutboxEmail)
        .where(OutboxEmail.id == email_id, OutboxEmail.status == PENDING, OutboxEmail.next_attempt_at <= now)
        .values(status=SENDING, claimed_at=now)
        .returning(OutboxEmail.id)
    )
    return None if claimed is None else session.get(OutboxEmail, claimed, populate_existing=True)


def lost(session: Session, *, before: datetime) -> list[int]:
    """Mails claimed before `before` whose sender never told the outcome."""
    query = select(OutboxEmail.id).where(OutboxEmail.status == SENDING, OutboxEmail.claimed_at < before)
    return list(session.scalars(query))


def sending(session: Session, *, email_id: int) -> OutboxEmail | None:
    """The mail while it is still being sent (locked until the outcome is written), else None."""
    query = select(OutboxEmail).where(OutboxEmail.id == email_id, OutboxEmail.status == SENDING)
    return session.scalar(query.with_for_update().execution_options(populate_existing=True))


def add_attempt(session: Session, *, email_id: int, at: datetime, outcome: str, reply: str) -> None:
    session.add(EmailAttempt(email_id=email_id, attempted_at=at, outcome=outcome, reply=reply))


def earliest_pending(session: Session) -> datetime | None:
    """When the next pending mail is due."""
    return session.scalar(select(func.min(OutboxEmail.next_attempt_at)).where(OutboxEmail.status == PENDING))


def newest(session: Session, *, limit: int) -> list[OutboxEmail]:
    return list(session.scalars(select(OutboxEmail).order_by(OutboxEmail.id.desc()).limit(limit)))


def counts(session: Session) -> dict[str, int]:
    """How many mails have each status."""
    query = select(OutboxEmail.status, func.count()).group_by(OutboxEmail.status)
    return {status: count for status, count in session.execute(query)}


def attempts_of(session: Session, *, email_ids: Sequence[int]) -> dict[int, list[EmailAttempt]]:
    found: dict[int, list[EmailAttempt]] = {email_id: [] for email_id in email_ids}
    query = select(EmailAttempt).where(EmailAttempt.email_id.in_(list(email_ids))).order_by(EmailAttempt.id)
    for attempt in session.scalars(query):
        found[attempt.email_id].append(attempt)
    return found
