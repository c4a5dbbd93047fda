"""Shared page helpers: render a template with the actor, the CSRF token and the message of the last write."""

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from legetjeneste.auth.rules import Actor
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
