"""Use cases for API tokens and calendar keys: making, using and withdrawing them."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth.models import ApiToken, User
from legetjeneste.auth.rules import Actor
from legetjeneste.auth.schemas import TokenRead, actor_of
from legetjeneste.auth.tokens import queries, rules
from legetjeneste.dates import OSLO
from legetjeneste.db import write_transaction
from legetjeneste.errors import Forbidden, NotAuthenticated, NotFound, SessionExpired
from legetjeneste.settings import get_settings


def _now() -> datetime:
    return datetime.now(UTC)


def add_token(session: Session, user: User, *, scope: str) -> str:
    """A new token for `user` in the caller's transaction; returns it (shown once, only its hash is kept)."""
    settings = get_settings()
    token, now = rules.new_token(), _now()
    expires_at = rules.expires_at(
        scope=scope, now=now, api_days=settings.api_token_days, calendar_days=settings.calendar_key_days
    )
    queries.add_token(
        session,
        user_id=user.id,
        token_hash=rules.hash_token(token),
        scope=scope,
        created_at=now,
        expires_at=expires_at,
    )
    return token


def new_calendar_token(session: Session, *, actor: Actor) -> str:
    """A new calendar key for the logged-in user, for calendar apps that cannot log in. It reads the .ics
    feeds the user may read and nothing else."""
    if actor.user_id is None:
        raise Forbidden("Bare en innlogget bruker kan lage en kalendernøkkel.")
    with write_transaction(session):
        user = session.get(User, actor.user_id)
        if user is None or not user.is_active:
            raise SessionExpired("Økten er utløpt. Logg inn på nytt.")
        token = add_token(session, user, scope=rules.CALENDAR)
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="api_token",
            record_ids=[user.id],
            municipality_number=user.municipality_number,
            detail={"purpose": "calendar", "scope": rules.CALENDAR},
        )
    return token


def own_tokens(session: Session, *, actor: Actor) -> list[TokenRead]:
    """The user's tokens (calendar keys among them), oldest first."""
    if actor.user_id is None:
        return []
    with session.begin():
        found = queries.tokens_of_user(session, actor.user_id)
    return [
        TokenRead(
            id=row.id,
            scope=row.scope,
            created_at=_oslo(row.created_at),
            expires_at=_oslo(row.expires_at),
            last_used_at=_oslo(row.last_used_at) if row.last_used_at else None,
        )
        for row in found
    ]


def my_calendar(session: Session, *, actor: Actor, doctor_id: int | None = None) -> dict:
    """Min side: the feeds the GP can subscribe to, and the calendar keys they have (a key is shown only
    when it is made, so the panel offers to make one)."""
    if not auth_rules.can(actor, "minside.read"):
        raise Forbidden(f"Du har ikke tilgang til å {auth_rules.PERMISSION_NAMES_NB['minside.read']}.")
    keys = [key for key in own_tokens(session, actor=actor) if key.scope == rules.CALENDAR]
    return {"feeds": [title for title, _ in rules.calendar_feeds(actor)], "keys": keys}


def _oslo(moment: datetime) -> datetime:
    return rules.utc(moment).astimezone(OSLO)


def revoke_own_token(session: Session, *, actor: Actor, token_id: int) -> None:
    """Withdraw one of the user's own tokens: calendars using it stop updating. Another user's token is
    not found."""
    with write_transaction(session):
        token = session.get(ApiToken, token_id)
        if token is None or actor.user_id is None or token.user_id != actor.user_id:
            raise NotFound("Fant ikke nøkkelen.")
        session.delete(token)
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="api_token",
            record_ids=[actor.user_id],
            municipality_number=actor.municipality_number,
            detail={"token_id": token_id},
        )


def authenticate_token(session: Session, *, token: str, calendar_feed: bool = False) -> Actor:
    """The actor a bearer token stands for. `calendar_feed`: the request reads an .ics feed, the one thing
    a calendar key may do; anywhere else a calendar key is refused (403)."""
    now = _now()
    with session.begin():
        row = queries.token_by_hash(session, rules.hash_token(token))
        if row is None or not row.user.is_active:
            raise NotAuthenticated(rules.INVALID)
        if rules.is_expired(row.expires_at, now):
            raise NotAuthenticated(rules.EXPIRED)
        if not rules.reaches(row.scope, calendar_feed=calendar_feed):
            raise Forbidden(rules.CALENDAR_ONLY)
        actor, token_id, touch = actor_of(row.user), row.id, rules.needs_touch(row.last_used_at, now)
    if touch:
        with write_transaction(session):
            queries.touch_token(session, token_id, now)
    return actor
