"""E-mail of notices: each user's choice per kind, the outbox, and the log of every delivery attempt."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class EmailPreference(Base):
    """A user's own choice whether notices of `kind` also reach them by e-mail; without a row the default
    holds (notices/email/rules.py, MAIL-DEFAULTS)."""

    __tablename__ = "email_preference"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    kind: Mapped[str] = mapped_column(String(30))
    by_email: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[datetime] = mapped_column(Timestamp)


class OutboxEmail(Base):
    """One e-mail about one inbox notice: `pending` (waiting for its next attempt at `next_attempt_at`) →
    `sending` (claimed by one sender) → `sent`, or `failed` after the last attempt (MAIL-RETRY). The text
    is kept as it goes out, so the administrator sees exactly what was sent."""

    __tablename__ = "outbox_email"
    __table_args__ = (Index("ix_outbox_email_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Both empty for a mail to an address that is no user's (`queue_email_to_address`: a citizen's alert).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    inbox_notice_id: Mapped[int | None] = mapped_column(ForeignKey("inbox_notice.id"), unique=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(Timestamp)
    claimed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    last_error: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp)


class EmailAttempt(Base):
    """The delivery log: one row per attempt, with its outcome and the SMTP server's reply or the error."""

    __tablename__ = "email_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_id: Mapped[int] = mapped_column(ForeignKey("outbox_email.id"), index=True)
    attempted_at: Mapped[datetime] = mapped_column(Timestamp)
    outcome: Mapped[str] = mapped_column(String(10))
    reply: Mapped[str] = mapped_column(String(1000))
