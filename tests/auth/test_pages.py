"""Logging in and out through the pages: the session lives on the server, the cookie holds only its key
and the CSRF token, and repeated failures wait with 429 and Retry-After."""

import base64
import json
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from legetjeneste.auth.sessions import service as session_service
from tests.web.conftest import csrf_of, log_in

COOKIE = "legetjeneste_session"
VEFSN = ("kommuneoverlege@vefsn.example", "vefsn-demo")


def cookie_content(client: TestClient) -> dict:
    signed = client.cookies[COOKIE]
    payload = signed.split(".")[0]
    return json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))


def test_a_copy_of_the_cookie_made_before_logout_no_longer_works(browser_client):
    log_in(browser_client, *VEFSN)
    stolen = browser_client.cookies[COOKIE]
    thief = TestClient(browser_client.app, cookies={COOKIE: stolen})
    assert thief.get("/api/v1/agreements/182404").status_code == 200
    csrf = csrf_of(browser_client.get("/kommuner/1824").text)
    browser_client.post("/logg-ut", data={"csrf_token": csrf})
    refused = thief.get("/api/v1/agreements/182404")
    assert (
        refused.status_code == 401
        and refused.json()["detail"]["message"] == "Økten er utløpt. Logg inn på nytt."
    )
    page = thief.get("/kommuner/1824", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/logg-inn?neste=/kommuner/1824&utlopt=1"
    assert thief.get(page.headers["location"]).text.count("Økten er utløpt. Logg inn på nytt.") == 1


def test_the_cookie_holds_only_the_session_key_and_the_csrf_token(browser_client):
    log_in(browser_client, *VEFSN)
    assert set(cookie_content(browser_client)) == {"session", "csrf"}
    assert "kommuneoverlege" not in json.dumps(cookie_content(browser_client))


def test_the_session_cookie_is_httponly_and_samesite_lax_and_not_secure_over_http(browser_client):
    browser_client.get("/logg-inn")
    page = browser_client.get("/logg-inn")
    answer = browser_client.post(
        "/logg-inn",
        data={"email": VEFSN[0], "password": VEFSN[1], "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    flags = [part.strip().lower() for part in answer.headers["set-cookie"].split(";")]
    assert "httponly" in flags and "samesite=lax" in flags and "secure" not in flags


def test_after_five_wrong_passwords_the_login_page_answers_429_with_retry_after(browser_client, monkeypatch):
    now = datetime.now(UTC)
    monkeypatch.setattr(session_service, "_now", lambda: now)  # the one second does not pass meanwhile
    answers = [log_in(browser_client, VEFSN[0], "feil-passord") for _ in range(6)]
    assert [answer.status_code for answer in answers] == [401] * 5 + [429]
    assert answers[5].headers["retry-after"] == "1"
    assert "For mange mislykkede innlogginger. Vent 1 sekund og prøv igjen." in answers[5].text


def test_logging_in_again_gives_a_new_session_key_and_ends_the_old_one(browser_client):
    log_in(browser_client, *VEFSN)
    first = browser_client.cookies[COOKIE]
    log_in(browser_client, *VEFSN)
    assert browser_client.cookies[COOKIE] != first
    old = TestClient(browser_client.app, cookies={COOKIE: first})
    assert old.get("/api/v1/agreements/182404").status_code == 401
    assert browser_client.get("/api/v1/agreements/182404").status_code == 200
