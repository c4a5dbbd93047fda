"""Who is asking: a calendar key made on «Min kalender» reads the .ics feeds and nothing else — no write, no
JSON, no page — while an API token and the session cookie reach what the user may reach."""

import importlib
import re

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.tokens.rules import CALENDAR_ONLY
from legetjeneste.features import features
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.web.deps import get_actor, get_feed_actor
from tests.web.conftest import csrf_of, log_in

FEED_URL = re.compile(r"<code>http://testserver(/api/v1/[^<?]+\.ics)\?token=([^<]+)</code>")
VALUES = {"number": "1824", "month": "2026-12"}


def routes() -> list[APIRoute]:
    return [
        route
        for feature in features()
        for module in feature.routers
        for route in importlib.import_module(module).router.routes
        if isinstance(route, APIRoute)
    ]


def depends_on(route: APIRoute) -> set:
    found, waiting = set(), list(route.dependant.dependencies)
    while waiting:
        dependency = waiting.pop()
        found.add(dependency.call)
        waiting += dependency.dependencies
    return found


def filled(path: str, **values: int | str) -> str:
    return re.sub(r"\{(\w+)\}", lambda name: str(values.get(name[1], VALUES.get(name[1], 1))), path)


@pytest.fixture
def keys(browser_client, open_session):
    """Vefsn's kommuneoverlege's calendar key (made on «Min kalender») and an API token for the same role."""
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    page = browser_client.get("/min-kalender")
    made = browser_client.post("/min-kalender", data={"csrf_token": csrf_of(page.text)})
    calendar = {token for _, token in FEED_URL.findall(made.text)}
    assert len(calendar) == 1
    _, api = auth_service.add_user(
        open_session(),
        email="api@vefsn.example",
        role="kommuneoverlege",
        municipality_number="1824",
        with_token=True,
    )
    browser_client.cookies.clear()
    return calendar.pop(), api


@pytest.fixture
def feeds(open_session) -> list[str]:
    """Every .ics feed of the app, filled in for Vefsn."""
    with open_session() as session:
        scheme_id = session.scalar(select(Scheme.id).where(Scheme.municipality_number == "1824"))
    return [filled(route.path, scheme_id=scheme_id) for route in routes() if route.path.endswith(".ics")]


def test_the_feeds_and_only_the_feeds_take_the_feed_actor_and_only_to_read():
    feed_routes = [route for route in routes() if get_feed_actor in depends_on(route)]
    assert sorted(route.path for route in feed_routes) == sorted(
        route.path for route in routes() if route.path.endswith(".ics")
    )
    assert len(feed_routes) == 5 and all(route.methods == {"GET"} for route in feed_routes)
    assert all(get_actor not in depends_on(route) for route in feed_routes)


def test_a_calendar_key_reads_every_feed_in_the_address_or_as_a_bearer_token(browser_client, keys, feeds):
    calendar, _ = keys
    for feed in feeds:
        for answer in (
            browser_client.get(f"{feed}?token={calendar}"),
            browser_client.get(feed, headers={"Authorization": f"Bearer {calendar}"}),
        ):
            assert answer.status_code == 200, (feed, answer.text)
            assert answer.headers["content-type"].startswith("text/calendar")


def test_a_calendar_key_changes_nothing_and_reads_no_json_and_no_page(browser_client, keys):
    calendar, api = keys
    changing = ("/api/v1/offices/1", {"name": "Kalendernøkkelen var her"})
    assert browser_client.patch(changing[0], json=changing[1], headers=bearer(calendar)).status_code == 403
    assert browser_client.patch(changing[0], json=changing[1], headers=bearer(api)).status_code == 200
    wrong = []
    for route in routes():
        if get_actor not in depends_on(route):
            continue
        for method in route.methods:
            answer = browser_client.request(method, filled(route.path), headers=bearer(calendar))
            said = answer.json()["detail"]["message"] if route.path.startswith("/api/") else answer.text
            if answer.status_code != 403 or CALENDAR_ONLY.split(" (")[0] not in said:
                wrong.append((method, route.path, answer.status_code))
    assert wrong == []


def test_a_calendar_key_in_the_address_of_anything_but_a_feed_is_ignored(browser_client, keys):
    calendar, _ = keys
    assert browser_client.get(f"/api/v1/agreements/182404?token={calendar}").status_code == 401
    refused = browser_client.get(f"/kommuner/1824?token={calendar}", follow_redirects=False)
    assert refused.status_code == 303 and refused.headers["location"].startswith("/logg-inn")


def test_an_api_token_still_reads_the_feeds_and_the_json(browser_client, keys, feeds):
    _, api = keys
    assert browser_client.get(f"{feeds[0]}?token={api}").status_code == 200
    assert browser_client.get("/api/v1/agreements/182404", headers=bearer(api)).status_code == 200


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
