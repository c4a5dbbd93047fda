"""Shared page helpers: render a template with the actor and the CSRF token."""

from fastapi import Request
from fastapi.responses import HTMLResponse

from legetjeneste.auth.rules import Actor
from legetjeneste.web.deps import csrf_token
from legetjeneste.web.templating import templates


def render(
    request: Request, name: str, context: dict, *, actor: Actor | None, status_code: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"actor": actor, "csrf": csrf_token(request), **context}, status_code=status_code
    )
