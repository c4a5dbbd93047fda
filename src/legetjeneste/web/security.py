"""Security headers on every answer, in one place: the Content-Security-Policy, no sniffing, no framing,
no referrer to other sites, no caching of what may hold personal data, and over HTTPS Strict-Transport-
Security and the Secure flag on every cookie.

HTTPS is known from the setting `https`, from the server's own scheme (TLS, or a proxy the server itself
trusts), or — only with the setting `trust_proxy` — from the proxy's X-Forwarded-Proto."""

import re
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from legetjeneste.settings import get_settings
from legetjeneste.web.deps import LOGOUT_TO

# Scripts and style sheets only from this site; no inline script, no eval, no inline <style>. Style
# attributes are allowed: they cannot run code, and the pages of several features use them for layout.
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
    )
)
# FastAPI's Swagger UI (/api/v1/docs) starts with an inline script and loads itself from jsDelivr.
DOCS_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
        "style-src 'self' https://cdn.jsdelivr.net",
        "img-src 'self' data: https://fastapi.tiangolo.com",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
    )
)
DOCS = ("/api/v1/docs", "/docs/oauth2-redirect")
#: The identity provider's front-channel logout (OpenID Connect Front-Channel Logout 1.0, as ID-porten calls
#: it): the provider loads it in a hidden frame of its own logout page, so that origin alone may frame it.
FRONT_CHANNEL_LOGOUT = "/innbygger/utlogget"
# Public and the same for everyone: may be cached. Everything else may hold personal data.
CACHEABLE = ("/static/", "/api/v1/openapi.json", *DOCS)
HSTS = "max-age=31536000"
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """ASGI middleware around the whole app, so error answers and refusals carry the headers too."""

    def __init__(self, app: ASGIApp) -> None:
        settings = get_settings()
        self.app, self.https, self.trust_proxy = app, settings.https, settings.trust_proxy
        self.provider = _origin(settings.oidc_issuer)

    def is_https(self, scope: Scope) -> bool:
        if self.https or scope.get("scheme") == "https":
            return True
        if not self.trust_proxy:
            return False
        proto = Headers(scope=scope).get("x-forwarded-proto", "")
        return proto.split(",")[0].strip().lower() == "https"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, https = scope["path"], self.is_https(scope)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = DOCS_CSP if path in DOCS else _csp(scope)
                headers.update(ALWAYS)
                if path == FRONT_CHANNEL_LOGOUT and self.provider:
                    headers["Content-Security-Policy"] = CSP.replace(
                        "frame-ancestors 'none'", f"frame-ancestors {self.provider}"
                    )
                    del headers["X-Frame-Options"]
                if not path.startswith(CACHEABLE) and "cache-control" not in headers:
                    headers["Cache-Control"] = "no-store"
                if https:
                    headers["Strict-Transport-Security"] = HSTS
                    _secure_cookies(headers)
            await send(message)

        await self.app(scope, receive, with_headers)


def _csp(scope: Scope) -> str:
    """The policy; after a citizen login through ID-porten, logout's form may go on to the provider's
    end-session address (the session's LOGOUT_TO, set by the server: docs/citizen-login.md), so `form-action`
    also names that one origin."""
    session = scope.get("session")
    target = _origin(session.get(LOGOUT_TO) if isinstance(session, dict) else None)
    return CSP.replace("form-action 'self'", f"form-action 'self' {target}") if target else CSP


def _origin(address: object) -> str | None:
    """The scheme and host of an http(s) address, or None for anything else (nothing that could add to a
    policy: no user part, no spaces or semicolons)."""
    parts = urlsplit(address) if isinstance(address, str) else None
    if parts is None or parts.scheme not in ("https", "http") or not _HOST.fullmatch(parts.netloc):
        return None
    return f"{parts.scheme}://{parts.netloc}"


_HOST = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?")


def _secure_cookies(headers: MutableHeaders) -> None:
    cookies = headers.getlist("set-cookie")
    if not cookies:
        return
    del headers["set-cookie"]
    for cookie in cookies:
        flags = {part.strip().lower() for part in cookie.split(";")[1:]}
        headers.append("Set-Cookie", cookie if "secure" in flags else f"{cookie}; Secure")
