"""Use cases of the browser session: logging in (throttled), resuming a session on each request, logging
out. The cookie holds only the session key; the row decides whether the session still holds."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import passwords
from legetjeneste.auth import queries as user_queries
from legetjeneste.auth.models import User
from legetjeneste.auth.rules import Actor
from legetjeneste.auth.schemas import actor_of
from legetjeneste.auth.sessions import queries, rules
from legetjeneste.db import write_transaction
from legetjeneste.errors import NotAuthenticated, SessionExpired, TooManyAttempts
from legetjeneste.settings import get_settings


def _now() -> datetime:
    return datetime.now(UTC)


def log_in(
    session: Session,
    *,
    email: str,
    password: str,
    client_address: str | None = None,
    user_agent: str | None = None,
    replacing: str | None = None,
) -> tuple[Actor, str]:
    """Check the password and start a session; returns the actor and the new session key for the cookie.
    `replacing`: the key the browser had before (from its cookie), whose session ends now.

    Before the password is checked, the attempt is counted against the e-mail address and the client
    address; a key with too many failures in a row is refused (429) until its wait is over. The password
    is always verified, against a dummy hash when there is no usable account, so the answer takes as long
    whether the account exists or not."""
    email = email.strip().lower()
    keys = _throttle_keys(email, client_address)
    with write_transaction(session):
        _count_attempt(session, keys)
    with session.begin():
        user = user_queries.user_by_email(session, email)
        stored = user.password_hash if user is not None and user.is_active else None
    if not passwords.verify(stored, password) or user is None:
        raise NotAuthenticated(rules.WRONG_LOGIN)
    return _start(
        session, user.id, keys, client_address=client_address, user_agent=user_agent, replacing=replacing
    )


def log_in_citizen(
    session: Session,
    *,
    citizen_id: int,
    municipality_number: str,
    client_address: str | None = None,
    user_agent: str | None = None,
    replacing: str | None = None,
    provider_session: str | None = None,
) -> tuple[Actor, str]:
    """Start a session for a citizen whom the identity provider (OpenID Connect) has vouched for and whom
    the caller has found in the citizen register. The citizen acts through a user row of role "citizen"
    linked to the register, made at the first login, without a password (so only the provider logs it in);
    the session, its expiry, CSRF and logout are those of staff. `provider_session` (the provider's issuer and
    session id) lets the provider's front-channel logout end it (`end_at_provider`)."""
    with write_transaction(session):
        user = user_queries.user_of_citizen(session, citizen_id)
        if user is None:
            user = User(
                email=rules.citizen_email(citizen_id),
                role="citizen",
                municipality_number=municipality_number,
                citizen_id=citizen_id,
                password_hash=None,
                is_active=True,
                created_at=_now(),
            )
            session.add(user)
        user.municipality_number = municipality_number  # the home municipality may have changed
        session.flush()
        user_id, email = user.id, user.email
    keys = _throttle_keys(email, None)
    return _start(
        session,
        user_id,
        keys,
        client_address=client_address,
        user_agent=user_agent,
        replacing=replacing,
        provider_session=provider_session,
    )


def _throttle_keys(email: str, client_address: str | None) -> dict[str, str]:
    keys = {"email": rules.digest(f"email:{email}")}
    if client_address:
        keys["address"] = rules.digest(f"address:{client_address}")
    return keys


def _count_attempt(session: Session, keys: dict[str, str]) -> None:
    settings, now = get_settings(), _now()
    forgotten_after = timedelta(seconds=settings.login_failures_forgotten_after_seconds)
    free = {"email": settings.login_free_failures, "address": settings.login_free_failures_per_address}
    limits = {
        key: rules.Limits(free[name], settings.login_max_delay_seconds, forgotten_after)
        for name, key in keys.items()
    }
    rows = queries.throttles_for_update(session, list(keys.values()), now)
    verdicts = [
        rules.attempt(
            failures=row.failures,
            last_attempt_at=row.last_attempt_at,
            blocked_until=row.blocked_until,
            now=now,
            limits=limits[row.key_hash],
        )
        for row in rows
    ]
    refused = [verdict.retry_after for verdict in verdicts if not verdict.allowed]
    if refused:
        raise TooManyAttempts(rules.throttled_message(max(refused)), retry_after=max(refused))
    for row, verdict in zip(rows, verdicts, strict=True):
        row.failures, row.blocked_until, row.last_attempt_at = verdict.failures, verdict.blocked_until, now
    queries.purge_throttles(session, attempted_before=now - max(forgotten_after, timedelta(days=1)))


def _start(
    session: Session,
    user_id: int,
    keys: dict[str, str],
    *,
    client_address: str | None,
    user_agent: str | None,
    replacing: str | None,
    provider_session: str | None = None,
) -> tuple[Actor, str]:
    settings, now, key = get_settings(), _now(), rules.new_key()
    with write_transaction(session):
        user = session.get(User, user_id)
        if user is None or not user.is_active:
            raise NotAuthenticated(rules.WRONG_LOGIN)
        queries.forget_failures(session, keys["email"])
        if "address" in keys:
            queries.ease_failures(session, keys["address"])
        if replacing is not None:
            queries.end_session(session, rules.digest(replacing), now)
        idle = timedelta(seconds=settings.session_idle_seconds)
        queries.delete_dead_sessions(session, user.id, now=now, seen_before=now - idle)
        queries.add_session(
            session,
            key_hash=rules.digest(key),
            user_id=user.id,
            now=now,
            expires_at=now + timedelta(seconds=settings.session_lifetime_seconds),
            client_address=client_address,
            user_agent=(user_agent or "")[:300] or None,
            provider_session_hash=rules.digest(provider_session) if provider_session else None,
        )
        actor = actor_of(user)
        audit_service.record(
            session,
            actor=actor,
            action="login",
            entity="user",
            record_ids=[user.id],
            municipality_number=user.municipality_number,
        )
    return actor, key


def resume(session: Session, *, key: str) -> Actor:
    """The actor of a live session; an ended, expired or idle session, or a deactivated user, is refused
    with «Økten er utløpt. Logg inn på nytt.»"""
    settings, now = get_settings(), _now()
    with session.begin():
        row = queries.session_by_hash(session, rules.digest(key))
        alive = row is not None and rules.is_alive(
            last_seen_at=row.last_seen_at,
            expires_at=row.expires_at,
            ended_at=row.ended_at,
            now=now,
            idle=timedelta(seconds=settings.session_idle_seconds),
        )
        if row is None or not alive or not row.user.is_active:
            raise SessionExpired(rules.EXPIRED)
        actor, session_id, touch = actor_of(row.user), row.id, rules.needs_touch(row.last_seen_at, now)
    if touch:
        with write_transaction(session):
            queries.touch_session(session, session_id, now)
    return actor


def end(session: Session, *, key: str) -> None:
    """Log out: the session with this key ends on the server, so a copy of the cookie no longer works."""
    with write_transaction(session):
        user_id = queries.end_session(session, rules.digest(key), _now())
        if user_id is not None:
            _audit_logout(session, user_id)


def end_at_provider(session: Session, *, provider_session: str) -> int:
    """The identity provider's front-channel logout: every live session started from that session at the
    provider ends, as if its user had logged out here (each audited as a logout); how many ended."""
    with write_transaction(session):
        user_ids = queries.end_provider_sessions(session, rules.digest(provider_session), _now())
        for user_id in sorted(set(user_ids)):
            _audit_logout(session, user_id, detail={"by": "identity provider"})
    return len(user_ids)


def _audit_logout(session: Session, user_id: int, detail: dict | None = None) -> None:
    user = session.get(User, user_id)
    if user is not None:
        audit_service.record(
            session,
            actor=actor_of(user),
            action="logout",
            entity="user",
            record_ids=[user.id],
            municipality_number=user.municipality_number,
            detail=detail,
        )
