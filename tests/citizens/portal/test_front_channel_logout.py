"""ID-porten's front-channel logout: when the citizen logs out at ID-porten or at another service, the
provider loads `/innbygger/utlogget?iss=…&sid=…` in a hidden frame and the sessions from that login end here
too (docs/citizen-login.md). Only the trusted issuer can end them, and only that address may be framed, by
that issuer alone."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.sessions import service as session_service
from legetjeneste.citizens.portal import rules, service
from legetjeneste.errors import NotAuthenticated, SessionExpired
from legetjeneste.main import create_app
from legetjeneste.settings import get_settings
from legetjeneste.web.security import FRONT_CHANNEL_LOGOUT
from tests.citizens.people import add_citizen
from tests.support import load_demo

ISSUER = "https://test.idporten.example"


def _citizen(session) -> str:
    load_demo(session)
    with session.begin():
        return add_citizen(session, "Kari Utlogget", date(1985, 3, 14), agreement_id=182401).national_id


def _log_in(session, number: str, sid: str | None) -> str:
    claims = {"pid": number, "iss": ISSUER, **({"sid": sid} if sid else {})}
    return service.log_in(session, claims=claims, claim="pid")[1]


def _live(session, key: str) -> bool:
    try:
        session_service.resume(session, key=key)
    except SessionExpired:
        return False
    return True


def test_the_providers_logout_ends_every_session_of_that_login_and_no_other(session):
    number = _citizen(session)
    first, second = _log_in(session, number, "sid-1"), _log_in(session, number, "sid-1")
    other = _log_in(session, number, "sid-2")
    ended = service.log_out_at_provider(session, issuer=ISSUER + "/", sid="sid-1", expected_issuer=ISSUER)
    assert ended == 2
    assert not _live(session, first) and not _live(session, second)
    assert _live(session, other)
    with session.begin():
        logouts = session.query(AuditEntry).filter(AuditEntry.action == "logout").all()
    assert [entry.detail for entry in logouts] == [{"by": "identity provider"}]


@pytest.mark.parametrize(
    ("issuer", "sid"),
    [("https://evil.example", "sid-1"), (None, "sid-1"), (ISSUER, None), (ISSUER, " ")],
)
def test_a_logout_from_another_issuer_or_without_a_session_id_is_refused_and_ends_nothing(
    session, issuer, sid
):
    number = _citizen(session)
    key = _log_in(session, number, "sid-1")
    with pytest.raises(NotAuthenticated, match="innloggingstjenesten"):
        service.log_out_at_provider(session, issuer=issuer, sid=sid, expected_issuer=ISSUER)
    assert _live(session, key)


def test_a_login_without_a_session_id_is_kept_apart_from_the_providers_logout():
    assert rules.provider_session(ISSUER, "abc") == f"{ISSUER} abc"
    assert rules.provider_session(ISSUER + "/", " abc") == f"{ISSUER} abc"
    assert rules.provider_session(ISSUER, None) is None
    assert rules.provider_session(None, "abc") is None
    assert rules.provider_session("", "abc") is None


@pytest.fixture
def app_with_provider(engine, monkeypatch):
    monkeypatch.setenv("LEGETJENESTE_OIDC_ISSUER", ISSUER)
    monkeypatch.setenv("LEGETJENESTE_OIDC_CLIENT_ID", "legetjeneste")
    get_settings.cache_clear()
    with TestClient(create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False) as c:
        yield c
    get_settings.cache_clear()


def test_the_logout_address_ends_the_session_and_only_the_issuer_may_frame_it(app_with_provider, session):
    number = _citizen(session)
    key = _log_in(session, number, "sid-9")
    answer = app_with_provider.get(FRONT_CHANNEL_LOGOUT, params={"iss": ISSUER, "sid": "sid-9"})
    assert answer.status_code == 200 and "Du er logget ut." in answer.text
    assert f"frame-ancestors {ISSUER}" in answer.headers["content-security-policy"]
    assert "x-frame-options" not in answer.headers
    assert answer.headers["cache-control"] == "no-store"
    assert not _live(session, key)

    refused = app_with_provider.get(FRONT_CHANNEL_LOGOUT, params={"iss": "https://evil.example", "sid": "x"})
    assert refused.status_code == 400 and "ble ikke utført" in refused.text
    page = app_with_provider.get("/finn-fastlege")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
