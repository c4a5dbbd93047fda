"""Every answer carries the security headers; over HTTPS the cookie is Secure and HSTS is sent; nothing
that may hold personal data is cached; the templates hold no inline script."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import legetjeneste
from legetjeneste.main import create_app
from legetjeneste.settings import get_settings
from tests.web.conftest import csrf_of, log_in

SOURCE = Path(legetjeneste.__file__).parent
CSP_PARTS = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
}
# Inline handlers the Content-Security-Policy blocks, in templates of features this change may not touch;
# each becomes `data-action="…"` (web/static/app.js), and then leaves this list.
KNOWN_INLINE: set[str] = set()
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


def csp_of(answer) -> set[str]:
    return {part.strip() for part in answer.headers["content-security-policy"].split(";")}


@contextmanager
def client_with(engine, base_url: str = "http://testserver", **env: str) -> Iterator[TestClient]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(f"LEGETJENESTE_{name.upper()}", value)
        get_settings.cache_clear()
        try:
            app = create_app(engine=engine, secret_key="test-secret")
            with TestClient(app, base_url=base_url, raise_server_exceptions=False) as client:
                yield client
        finally:
            get_settings.cache_clear()


@pytest.mark.parametrize(
    "path", ["/logg-inn", "/kommuner/1824", "/api/v1/agreements/182404", "/finnes-ikke", "/static/app.css"]
)
def test_every_answer_carries_the_security_headers(vefsn_client, path):
    answer = vefsn_client.get(path, follow_redirects=False)
    assert csp_of(answer) >= CSP_PARTS
    assert {part for part in csp_of(answer) if "unsafe" in part} == {"style-src-attr 'unsafe-inline'"}
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "same-origin"
    assert answer.headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in answer.headers


def test_a_refusal_before_the_app_also_carries_them(browser_client):
    answer = browser_client.get("/api/v1/agreements/182404")
    assert answer.status_code == 401 and answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"


def test_json_and_pages_are_not_stored_but_the_openapi_document_and_static_files_may_be(vefsn_client):
    for path in (
        "/api/v1/agreements/182404",
        "/api/v1/municipalities/1824/vacation-overview",
        "/kommuner/1824",
    ):
        assert vefsn_client.get(path).headers["cache-control"] == "no-store", path
    assert "cache-control" not in vefsn_client.get("/api/v1/openapi.json").headers
    assert vefsn_client.get("/static/app.css").headers["cache-control"] == "public, max-age=3600"


def test_over_https_the_session_cookie_is_secure_and_hsts_is_sent(engine):
    with client_with(engine, https="true") as client:
        page = client.get("/logg-inn")
        assert page.headers["strict-transport-security"] == "max-age=31536000"
        assert "secure" in [flag.strip().lower() for flag in page.headers["set-cookie"].split(";")]


def test_the_servers_own_https_scheme_makes_the_cookie_secure(engine):
    with client_with(engine, base_url="https://testserver") as client:
        page = client.get("/logg-inn")
        assert "strict-transport-security" in page.headers and "; Secure" in page.headers["set-cookie"]


def test_x_forwarded_proto_counts_only_behind_a_trusted_proxy(engine):
    forwarded = {"X-Forwarded-Proto": "https"}
    with client_with(engine) as client:
        page = client.get("/logg-inn", headers=forwarded)
        assert "strict-transport-security" not in page.headers and "Secure" not in page.headers["set-cookie"]
    with client_with(engine, trust_proxy="true") as client:
        page = client.get("/logg-inn", headers=forwarded)
        assert "strict-transport-security" in page.headers and "; Secure" in page.headers["set-cookie"]


def test_the_api_docs_page_gets_its_own_policy_and_no_other_page_does(browser_client):
    docs = browser_client.get("/api/v1/docs")
    assert "https://cdn.jsdelivr.net" in docs.headers["content-security-policy"]
    assert "cdn.jsdelivr.net" not in browser_client.get("/logg-inn").headers["content-security-policy"]


def test_the_templates_hold_no_inline_script_or_event_handler():
    offenders = {
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("templates/*.html")
        if INLINE.search(path.read_text(encoding="utf-8"))
    }
    assert offenders == KNOWN_INLINE


def test_the_login_still_works_with_the_headers_on(browser_client):
    landed = log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    assert landed.status_code == 200 and landed.url.path == "/kommuner/1824"
    assert csrf_of(landed.text)
