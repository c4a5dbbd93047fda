"""Login and logout pages, and the user's own calendar feeds and keys (withdrawing a key asks first)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.auth.sessions import service as session_service
from legetjeneste.auth.sessions.rules import EXPIRED
from legetjeneste.auth.tokens import rules as token_rules
from legetjeneste.auth.tokens import service as token_service
from legetjeneste.errors import NotAuthenticated, NotFound, TooManyAttempts
from legetjeneste.settings import get_settings
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import LOGOUT_TO, SESSION_KEY, ActorDep, SessionDep, check_csrf, client_address
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only a local path: never redirect a user to another site after login."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/logg-inn")
def login_form(request: Request, neste: str | None = None, utlopt: str | None = None):
    context: dict = {
        "next": _safe_next(neste),
        "error": None,
        "email": "",
        "notice": EXPIRED if utlopt else None,
    }
    context["citizen_login"] = bool(get_settings().oidc_issuer)
    return render(request, "auth/login.html", context, actor=None)


@router.post("/logg-inn")
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    csrf_token: Annotated[str, Form()] = "",
    neste: Annotated[str, Form()] = "/",
):
    check_csrf(request, csrf_token)
    try:
        _, key = session_service.log_in(
            session,
            email=email,
            password=password,
            client_address=client_address(request),
            user_agent=request.headers.get("user-agent"),
            replacing=request.session.get(SESSION_KEY),
        )
    except (NotAuthenticated, TooManyAttempts) as error:
        context = {"next": _safe_next(neste), "error": error.message, "email": email, "notice": None}
        answer = render(request, "auth/login.html", context, actor=None, status_code=error.status_code)
        if isinstance(error, TooManyAttempts):
            answer.headers["Retry-After"] = str(error.retry_after)
        return answer
    request.session.clear()  # a new session key and CSRF token after login: no fixation
    request.session[SESSION_KEY] = key
    return RedirectResponse(_safe_next(neste), status_code=303)


@router.post("/logg-ut")
def logout(request: Request, session: SessionDep, csrf_token: Annotated[str, Form()] = ""):
    """The session ends on the server, so a copy of the cookie made before no longer works. After a login
    through an outside provider (ID-porten) the browser goes on to the provider's end-session address, which
    ends the provider's session and sends it back to the login page (docs/citizen-login.md)."""
    check_csrf(request, csrf_token)
    key = request.session.get(SESSION_KEY)
    if isinstance(key, str):
        session_service.end(session, key=key)
    after = request.session.get(LOGOUT_TO)
    request.session.clear()
    return RedirectResponse(after if isinstance(after, str) else "/logg-inn", status_code=303)


def _calendar(request: Request, session: Session, actor: Actor, token: str | None):
    """The feeds' addresses: with the key just made, also as a one-click webcal:// subscription."""
    base = str(request.base_url).rstrip("/")
    addresses = [
        (title, f"{base}{path}?token={token or 'API-NØKKELEN-DIN'}")
        for title, path in token_rules.calendar_feeds(actor)
    ]
    feeds = [(title, url, token_rules.webcal(url) if token else None) for title, url in addresses]
    context = {"feeds": feeds, "token": token, "keys": token_service.own_tokens(session, actor=actor)}
    return render(request, "auth/calendar.html", context, actor=actor)


@router.get("/min-kalender")
def my_calendar(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
):
    return _calendar(request, session, actor, None)


@router.post("/min-kalender")
def new_calendar_token(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
):
    """A new calendar key, which reads the feeds and nothing else; the addresses with it are shown on this
    answer only (CSRF checked by get_actor)."""
    token = token_service.new_calendar_token(session, actor=actor)
    return _calendar(request, session, actor, token)


@router.post("/min-kalender/nokler/{token_id}/trekk-tilbake")
def revoke_key(
    request: Request,
    token_id: int,
    session: SessionDep,
    actor: ActorDep,
    confirmed: Annotated[str | None, Form(max_length=10)] = None,
):
    """Withdrawing a key cannot be undone, so it asks first (web/confirm.py)."""
    if not is_confirmed(confirmed):
        key = next((k for k in token_service.own_tokens(session, actor=actor) if k.id == token_id), None)
        if key is None:
            raise NotFound("Fant ikke nøkkelen.")
        question = "auth/_key_revoke_question.html"
        title = "Trekke tilbake nøkkelen?"
        return ask_first(request, actor=actor, title=title, question=question, context={"key": key})
    token_service.revoke_own_token(session, actor=actor, token_id=token_id)
    return redirect_with_message(request, "/min-kalender", "Nøkkelen er trukket tilbake.")
