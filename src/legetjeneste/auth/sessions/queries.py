"""Reading and writing browser sessions and the login throttle; never commits."""

from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, joinedload

from legetjeneste.auth.models import LoginSession, LoginThrottle


def add_session(
    session: Session,
    *,
    key_hash: str,
    user_id: int,
    now: datetime,
    expires_at: datetime,
    client_address: str | None,
    user_agent: str | None,
    provider_session_hash: str | None = None,
) -> None:
    session.add(
        LoginSession(
            key_hash=key_hash,
            user_id=user_id,
            created_at=now,
            last_seen_at=now,
            expires_at=expires_at,
            client_address=client_address,
            user_agent=user_agent,
            provider_session_hash=provider_session_hash,
        )
    )


def session_by_hash(session: Session, key_hash: str) -> LoginSession | None:
    return session.scalar(
        select(LoginSession).options(joinedload(LoginSession.user)).where(LoginSession.key_hash == key_hash)
    )


def touch_session(session: Session, session_id: int, now: datetime) -> None:
    session.execute(
        update(LoginSession)
        .where(LoginSession.id == session_id, LoginSession.ended_at.is_(None))
        .values(last_seen_at=now)
    )


def end_session(session: Session, key_hash: str, now: datetime) -> int | None:
    """End the session with this key; its user's id, or None when there was no live one."""
    return session.scalar(
        update(LoginSession)
        .where(LoginSession.key_hash == key_hash, LoginSession.ended_at.is_(None))
        .values(ended_at=now)
        .returning(LoginSession.user_id)
    )


def end_provider_sessions(session: Session, provider_session_hash: str, now: datetime) -> list[int]:
    """End every live session started from this session at the identity provider; their users' ids."""
    return list(
        session.scalars(
            update(LoginSession)
            .where(LoginSession.provider_session_hash == provider_session_hash)
            .where(LoginSession.ended_at.is_(None))
            .values(ended_at=now)
            .returning(LoginSession.user_id)
        )
    )


def end_sessions_of_user(session: Session, user_id: int, now: datetime) -> int:
    """End every session of the user still going; how many there were."""
    ended = session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user_id, LoginSession.ended_at.is_(None))
        .values(ended_at=now)
    )
    return ended.rowcount or 0  # type: ignore[attr-defined]


def delete_dead_sessions(session: Session, user_id: int, *, now: datetime, seen_before: datetime) -> None:
    """Forget the user's sessions that have ended, expired or been idle too long."""
    session.execute(
        delete(LoginSession).where(
            LoginSession.user_id == user_id,
            or_(
                LoginSession.ended_at.is_not(None),
                LoginSession.expires_at <= now,
                LoginSession.last_seen_at < seen_before,
            ),
        )
    )


def throttles_for_update(session: Session, key_hashes: list[str], now: datetime) -> list[LoginThrottle]:
    """The throttle rows of these keys in the keys' sorted order, created when missing, locked until the
    transaction ends (on SQLite the write transaction holds the database's one write lock already)."""
    key_hashes = sorted(key_hashes)  # one order of locking for every process: no deadlock
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    rows = [{"key_hash": key, "failures": 0, "last_attempt_at": now} for key in key_hashes]
    session.execute(insert(LoginThrottle).values(rows).on_conflict_do_nothing(index_elements=["key_hash"]))
    found = session.scalars(
        select(LoginThrottle)
        .where(LoginThrottle.key_hash.in_(key_hashes))
        .order_by(LoginThrottle.key_hash)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(found)


def forget_failures(session: Session, key_hash: str) -> None:
    session.execute(delete(LoginThrottle).where(LoginThrottle.key_hash == key_hash))


def ease_failures(session: Session, key_hash: str) -> None:
    """One attempt of this key succeeded: it no longer counts as a failure."""
    session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.key_hash == key_hash, LoginThrottle.failures > 0)
        .values(failures=LoginThrottle.failures - 1)
    )


def purge_throttles(session: Session, *, attempted_before: datetime) -> None:
    """Forget keys with no attempt for a long time (and so no block)."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.last_attempt_at < attempted_before))
