"""The citizen's pages: logging in through OpenID Connect (ID-porten in production, a local test provider
in tests and the demo; authlib as the client), «Min fastlege» for the citizen and their children under 16,
and the download of their own data."""

import json
from functools import lru_cache

import httpx
from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from legetjeneste.citizens.portal import rules, service
from legetjeneste.errors import NotAuthenticated
from legetjeneste.settings import get_settings
from legetjeneste.web.deps import LOGOUT_TO, SESSION_KEY, ActorDep, Id, SessionDep, client_address
from legetjeneste.web.pages import render
from legetjeneste.web.security import FRONT_CHANNEL_LOGOUT

router = APIRouter(include_in_schema=False)
CALLBACK = "/innbygger/innlogget"
NOT_SET_UP = "Innlogging for innbyggere er ikke satt opp på denne tjenesten."
FAILED = "Innloggingen ble avbrutt eller mislyktes. Prøv igjen."
UNREACHABLE = "Innloggingstjenesten svarer ikke akkurat nå. Prøv igjen om litt."


@lru_cache(maxsize=4)
def _client(issuer: str, client_id: str, client_secret: str, scopes: str):
    """The provider's client, from its discovery document (fetched on first use)."""
    oauth = OAuth()
    return oauth.register(
        "citizen_login",
        server_metadata_url=f"{issuer.rstrip('/')}/.well-known/openid-configuration",
        client_id=client_id,
        client_secret=client_secret,
        # ID-porten requires PKCE; a provider that does not know it ignores it.
        client_kwargs={"scope": scopes, "code_challenge_method": "S256"},
    )


def provider():
    settings = get_settings()
    if not settings.oidc_issuer:
        return None
    secret = settings.oidc_client_secret.get_secret_value()
    return _client(settings.oidc_issuer, settings.oidc_client_id, secret, settings.oidc_scopes)


def _failed(request: Request, message: str, status_code: int = 401):
    context = {"message": message}
    return render(request, "citizens/portal/login_failed.html", context, actor=None, status_code=status_code)


@router.get("/innbygger/logg-inn")
async def log_in(request: Request):
    """To the identity provider; it sends the citizen back to CALLBACK."""
    client = provider()
    if client is None:
        return _failed(request, NOT_SET_UP, status_code=404)
    extra = {"ui_locales": "nb"}
    if get_settings().oidc_acr_values:
        extra["acr_values"] = get_settings().oidc_acr_values
    try:
        return await client.authorize_redirect(request, str(request.url_for("citizen_logged_in")), **extra)
    except httpx.HTTPError:
        return _failed(request, UNREACHABLE, status_code=503)


@router.get(CALLBACK, name="citizen_logged_in")
async def logged_in(request: Request, session: SessionDep):
    client = provider()
    if client is None:
        return _failed(request, NOT_SET_UP, status_code=404)
    try:
        token = await client.authorize_access_token(request)
    except OAuthError:
        return _failed(request, FAILED)
    except httpx.HTTPError:
        return _failed(request, UNREACHABLE, status_code=503)
    claims = dict(token.get("userinfo") or {})
    try:
        _, key = await run_in_threadpool(
            service.log_in,
            session,
            claims=claims,
            claim=get_settings().oidc_national_id_claim,
            client_address=client_address(request),
            user_agent=request.headers.get("user-agent"),
            replacing=request.session.get(SESSION_KEY),
        )
    except NotAuthenticated as error:
        return _failed(request, error.message)
    request.session.clear()  # a new session key and CSRF token after login: no fixation
    request.session[SESSION_KEY] = key
    logout_to = await _end_session_url(client, token, str(request.url_for("login_form")))
    if logout_to is not None:
        request.session[LOGOUT_TO] = logout_to
    return RedirectResponse("/min-fastlege", status_code=303)


async def _end_session_url(client, token: dict, after: str) -> str | None:
    """Where logout goes to end the provider's session too, from its discovery document (already loaded)."""
    try:
        metadata = await client.load_server_metadata()
    except httpx.HTTPError:
        return None
    return rules.end_session_url(
        metadata.get("end_session_endpoint"), id_token=token.get("id_token"), after=after
    )


@router.get(FRONT_CHANNEL_LOGOUT)
def logged_out_at_provider(session: SessionDep, iss: str | None = None, sid: str | None = None):
    """ID-porten's front-channel logout (docs/citizen-login.md): the citizen logged out there or at another
    service; the sessions from that login end here too. Loaded in a hidden frame, so the answer is short."""
    try:
        service.log_out_at_provider(session, issuer=iss, sid=sid, expected_issuer=get_settings().oidc_issuer)
    except NotAuthenticated as error:
        return HTMLResponse(_LOGGED_OUT.format(text=error.message), status_code=400)
    return HTMLResponse(_LOGGED_OUT.format(text="Du er logget ut."))


_LOGGED_OUT = '<!doctype html><html lang="nb"><title>Utlogging</title><p>{text}</p></html>'


@router.get("/min-fastlege")
def my_gp(request: Request, session: SessionDep, actor: ActorDep):
    page = service.my_gp(session, actor=actor)
    return render(request, "citizens/portal/my_gp.html", {"page": page}, actor=actor)


@router.get("/min-fastlege/barn/{citizen_id}")
def child_gp(request: Request, citizen_id: Id, session: SessionDep, actor: ActorDep):
    page = service.my_gp(session, actor=actor, citizen_id=citizen_id)
    return render(request, "citizens/portal/my_gp.html", {"page": page}, actor=actor)


@router.get("/min-fastlege/mine-data.json")
def my_data(session: SessionDep, actor: ActorDep):
    """Item 9 — the citizen's own data and their children's, as a JSON file to keep."""
    found = service.my_data(session, actor=actor)
    body = json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2)
    headers = {"Content-Disposition": 'attachment; filename="mine-data.json"', "Cache-Control": "no-store"}
    return Response(body, media_type="application/json", headers=headers)
