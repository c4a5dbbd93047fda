"""Request dependencies: a database session, the actor (bearer token or session cookie), CSRF, and the
actor of a calendar feed (which alone also takes a calendar key, in the URL or as a bearer token)."""

import hmac
import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from legetjeneste.auth.rules import Actor
from legetjeneste.auth.sessions import service as session_service
from legetjeneste.auth.tokens import service as token_service
from legetjeneste.errors import Forbidden, NotAuthenticated, SessionExpired
from legetjeneste.settings import get_settings

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
#: What the signed session cookie holds: the session key and the CSRF token (and a message to show once).
SESSION_KEY, CSRF_KEY = "session", "csrf"
#: After a login through an outside identity provider: the provider's end-session address (with the ID token
#: as `id_token_hint`), where logout sends the browser so the provider's session ends too.
LOGOUT_TO = "logout_to"


def get_session(request: Request) -> Iterator[Session]:
    session = request.app.state.sessionmaker()
    try:
        yield session
    finally:
        session.close()


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use; forms send it back as `csrf_token`."""
    if CSRF_KEY not in request.session:
        request.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return request.session[CSRF_KEY]


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get(CSRF_KEY)
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise Forbidden(
            "Skjemaet er utløpt eller mangler sikkerhetsnøkkel (CSRF). Last siden på nytt og prøv igjen."
        )


def client_address(request: Request) -> str | None:
    """The client's address: the proxy's X-Forwarded-For (the entry it added) only when it is trusted."""
    if get_settings().trust_proxy:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:45]
    return request.client.host[:45] if request.client else None


async def _actor(request: Request, session: Session, *, calendar_feed: bool) -> Actor:
    """A bearer token, or the session cookie; with the cookie, writes need the CSRF token (header or form)."""
    authorization = request.headers.get("authorization")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthenticated("Autorisasjonen må være «Bearer <API-nøkkel>».")
        return await run_in_threadpool(
            token_service.authenticate_token, session, token=token.strip(), calendar_feed=calendar_feed
        )
    key = request.session.get(SESSION_KEY)
    if not isinstance(key, str):
        raise NotAuthenticated("Du må logge inn.")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get("x-csrf-token")
        if sent is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
            field = (await request.form()).get("csrf_token")
            sent = field if isinstance(field, str) else None
        check_csrf(request, sent)
    try:
        return await run_in_threadpool(session_service.resume, session, key=key)
    except SessionExpired:
        request.session.clear()  # the answer also removes the dead cookie
        raise


async def get_actor(request: Request, session: Session = Depends(get_session)) -> Actor:
    """The actor of every route but the calendar feeds: a calendar key is refused here (403)."""
    return await _actor(request, session, calendar_feed=False)


async def get_optional_actor(request: Request, session: Session = Depends(get_session)) -> Actor | None:
    """The actor of a public page (e.g. «Finn fastlege»): who is logged in, or None for anyone else (an
    expired session, too); the page is the same, with the menu for those logged in."""
    if not isinstance(request.session.get(SESSION_KEY), str) and not request.headers.get("authorization"):
        return None
    try:
        return await _actor(request, session, calendar_feed=False)
    except (NotAuthenticated, SessionExpired, Forbidden):
        return None


async def get_feed_actor(
    request: Request,
    session: Session = Depends(get_session),
    token: Annotated[
        str | None,
        Query(max_length=200, description="API-nøkkelen, for kalenderprogrammer som ikke kan logge inn"),
    ] = None,
) -> Actor:
    """The actor of an .ics feed: the `token` query parameter (calendar apps cannot log in or send a
    header), else a bearer token or the session cookie. Only here does a calendar key count, and only to
    read (GET)."""
    reading = request.method in ("GET", "HEAD")
    if token is not None:
        return await run_in_threadpool(
            token_service.authenticate_token, session, token=token, calendar_feed=reading
        )
    return await _actor(request, session, calendar_feed=reading)


async def read_form(request: Request) -> FormData:
    """The posted form, read before the handler runs. Page handlers that work with the database are plain
    `def`s, which FastAPI runs in its thread pool: a transaction waiting for SQLite's write lock then never
    blocks the server's event loop (an `async def` calling a synchronous service would)."""
    return await request.form()


# The one set of dependency aliases for routers and pages.
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
OptionalActorDep = Annotated[Actor | None, Depends(get_optional_actor)]
FeedActorDep = Annotated[Actor, Depends(get_feed_actor)]
FormDep = Annotated[FormData, Depends(read_form)]
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
Number = Annotated[str, Path(pattern=r"^\d{4}$")]
Month = Annotated[str, Path(pattern=r"^\d{4}-\d{2}$")]
