"""Login and logout pages, and the user's own calendar feeds."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from legetjeneste.auth import rules, service
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import NotAuthenticated
from legetjeneste.web.deps import ActorDep, SessionDep, check_csrf
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only a local path: never redirect a user to another site after login."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/logg-inn")
def login_form(request: Request, neste: str | None = None):
    return render(
        request, "auth/login.html", {"next": _safe_next(neste), "error": None, "email": ""}, actor=None
    )


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
        actor = service.authenticate_password(session, email=email, password=password)
    except NotAuthenticated as error:
        context = {"next": _safe_next(neste), "error": error.message, "email": email}
        return render(request, "auth/login.html", context, actor=None, status_code=401)
    request.session.clear()
    request.session["user_id"] = actor.user_id
    return RedirectResponse(_safe_next(neste), status_code=303)


@router.post("/logg-ut")
def logout(request: Request, csrf_token: Annotated[str, Form()] = ""):
    check_csrf(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/logg-inn", status_code=303)


def calendar_feeds(actor: Actor) -> list[tuple[str, str]]:
    """The iCalendar feeds the user can subscribe to: title and path (without the token)."""
    feeds = []
    if actor.doctor_id is not None:
        feeds.append(("Mine legevakt- og nødnettvakter", f"/api/v1/doctors/{actor.doctor_id}/roster.ics"))
    number = actor.municipality_number
    if number and rules.can(actor, "absence.read"):
        if actor.office_id is not None:
            feeds.append(("Fravær ved legekontoret", f"/api/v1/offices/{actor.office_id}/absences.ics"))
        feeds.append(("Fravær i kommunen", f"/api/v1/municipalities/{number}/absences.ics"))
    if number and rules.can(actor, "deadlines.read"):
        feeds.append(
            ("Frister i sakene om fastlegeavtalene", f"/api/v1/municipalities/{number}/deadlines.ics")
        )
    return feeds


def _calendar(request: Request, session: Session, actor: Actor, token: str | None):
    base = str(request.base_url).rstrip("/")
    feeds = [
        (title, f"{base}{path}?token={token or 'API-NØKKELEN-DIN'}") for title, path in calendar_feeds(actor)
    ]
    context = {"feeds": feeds, "token": token, "keys": service.own_tokens(session, actor=actor)}
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
    """A new calendar key; the addresses with it are shown on this answer only (CSRF checked by get_actor)."""
    token = service.new_calendar_token(session, actor=actor)
    return _calendar(request, session, actor, token)


@router.post("/min-kalender/nokler/{token_id}/trekk-tilbake")
def revoke_key(
    request: Request,
    token_id: int,
    session: SessionDep,
    actor: ActorDep,
):
    service.revoke_own_token(session, actor=actor, token_id=token_id)
    return redirect_with_message(request, "/min-kalender", "Nøkkelen er trukket tilbake.")
