"""Login and logout pages."""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from legetjeneste.auth import service
from legetjeneste.errors import NotAuthenticated
from legetjeneste.web.deps import check_csrf, get_session
from legetjeneste.web.pages import render

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
    session: Annotated[Session, Depends(get_session)],
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
