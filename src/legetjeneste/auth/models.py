"""Local user accounts, API tokens and browser sessions (only hashes of their secrets are stored), and the
login throttle. Times of sessions, tokens and the throttle are UTC: they are compared across processes."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(30))
    municipality_number: Mapped[str | None] = mapped_column(ForeignKey("municipality.number"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"))
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))
    # A citizen's own row in the citizen register: set for the user a citizen's OpenID Connect login makes.
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id"), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)


class ApiToken(Base):
    """A bearer token; `scope` "api" reaches the whole API, "calendar" only the .ics feeds (GET)."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(10), default="api")
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    expires_at: Mapped[datetime] = mapped_column(Timestamp)
    last_used_at: Mapped[datetime | None] = mapped_column(Timestamp)

    user: Mapped[User] = relationship()


class LoginSession(Base):
    """A browser session: the cookie holds a random key, the row its SHA-256. Ended at logout, when the
    user is deactivated or changes password; expired after the idle time or the lifetime."""

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    last_seen_at: Mapped[datetime] = mapped_column(Timestamp)
    expires_at: Mapped[datetime] = mapped_column(Timestamp)
    ended_at: Mapped[datetime | None] = mapped_column(Timestamp)
    client_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    # After a login through an outside identity provider: SHA-256 of its issuer and session id (`sid`), so the
    # provider's front-channel logout can end this session (docs/citizen-login.md).
    provider_session_hash: Mapped[str | None] = mapped_column(String(64), index=True)

    user: Mapped[User] = relationship()


class LoginThrottle(Base):
    """Recent failed logins of one e-mail address or one client address, known by a SHA-256 of it."""

    __tablename__ = "login_throttle"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime] = mapped_column(Timestamp, index=True)
    blocked_until: Mapped[datetime | None] = mapped_column(Timestamp)
