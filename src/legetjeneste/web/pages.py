"""Shared page helpers: render a template with the actor, the CSRF token, the message of the last write and
the header's count of unread notices."""

from collections.abc import Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor, can
from legetjeneste.features import features, resolve
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.web.deps import csrf_token
from legetjeneste.web.templating import templates


def render(
    request: Request, name: str, context: dict, *, actor: Actor | None, status_code: int = 200
) -> HTMLResponse:
    flash = request.session.pop("flash", None)
    return templates.TemplateResponse(
        request,
        name,
        {
            "actor": actor,
            "csrf": csrf_token(request),
            "flash": flash,
            "unread_count": _unread_count(request, actor),
            **context,
        },
        status_code=status_code,
    )


def _unread_count(request: Request, actor: Actor | None) -> Callable[[], int]:
    """The header's «Innboks (N)»: counted only when base.html shows it (not for htmx fragments), with a
    short session of its own after the page's use case has committed."""

    def count() -> int:
        if actor is None:
            return 0
        with request.app.state.sessionmaker() as session:
            return inbox_service.unread_count(session, actor=actor)

    return count


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
