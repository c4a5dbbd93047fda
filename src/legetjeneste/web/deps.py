"""Request dependencies: a database session, the actor (bearer token or session cookie), CSRF."""

import hmac
import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Forbidden, NotAuthenticated

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def get_session(request: Request) -> Iterator[Session]:
    session = request.app.state.sessionmaker()
    try:
        yield session
    finally:
        session.close()


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use; forms send it back as `csrf_token`."""
    if "csrf" not in request.session:
        request.session["csrf"] = secrets.token_urlsafe(32)
    return request.session["csrf"]


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise Forbidden(
            "Skjemaet er utløpt eller mangler sikkerhetsnøkkel (CSRF). Last siden på nytt og prøv igjen."
        )


async def get_actor(request: Request, session: Session = Depends(get_session)) -> Actor:
    """A bearer token, or the session cookie; with the cookie, writes need the CSRF token (header or form)."""
    authorization = request.headers.get("authorization")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthenticated("Autorisasjonen må være «Bearer <API-nøkkel>».")
        return await run_in_threadpool(auth_service.authenticate_token, session, token=token.strip())
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        raise NotAuthenticated("Du må logge inn.")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get("x-csrf-token")
        if sent is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
            field = (await request.form()).get("csrf_token")
            sent = field if isinstance(field, str) else None
        check_csrf(request, sent)
    return await run_in_threadpool(auth_service.actor_for_user, session, user_id=user_id)


# The one set of dependency aliases for routers and pages.
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
Number = Annotated[str, Path(pattern=r"^\d{4}$")]
Month = Annotated[str, Path(pattern=r"^\d{4}-\d{2}$")]
