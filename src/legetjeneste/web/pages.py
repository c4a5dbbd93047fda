"""Shared page helpers: render a template with the actor, the CSRF token and the message of the last write."""

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor, can
from legetjeneste.features import features, resolve
from legetjeneste.web.deps import csrf_token
from legetjeneste.web.templating import templates


def render(
    request: Request, name: str, context: dict, *, actor: Actor | None, status_code: int = 200
) -> HTMLResponse:
    flash = request.session.pop("flash", None)
    return templates.TemplateResponse(
        request,
        name,
        {"actor": actor, "csrf": csrf_token(request), "flash": flash, **context},
        status_code=status_code,
    )


def redirect_with_message(
    request: Request, url: str, title: str, lines: list[str] | None = None
) -> RedirectResponse:
    """After a write: go to the page to show (303, so a reload does not post again) and say what happened."""
    request.session["flash"] = {"title": title, "lines": lines or []}
    return RedirectResponse(url, status_code=303)


def panels(page: str, session: Session, actor: Actor, **key) -> dict:
    """What other features add to `page` for this user: each panel's value under its name, and `panels`,
    the templates that show them, in the features' order."""
    found: dict = {"panels": []}
    for feature in features():
        for panel in feature.panels:
            if panel.page == page and can(actor, panel.permission):
                found[panel.name] = resolve(panel.target)(session, actor=actor, **key)
                found["panels"].append(panel.template)
    return found
