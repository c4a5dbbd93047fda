"""The citizen's journey in a real browser: finds a Vefsn GP with room without logging in, asks for an
alert, logs in through the local OpenID Connect test provider and sees Min fastlege with the GP panel —
axe-clean and without sideways scrolling on a phone."""

from collections.abc import Iterator
from datetime import date

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import Browser, expect

from legetjeneste.db import session_factory
from legetjeneste.registry.models import Agreement
from legetjeneste.settings import get_settings
from tests.browser.checks import assert_accessible, assert_fits_phone, sideways_overflow
from tests.browser.conftest import _new_context, demo_engine, serve
from tests.citizens.people import add_child, add_citizen, synthetic_national_id

pytestmark = pytest.mark.browser
PARENT_NUMBER = synthetic_national_id(date(1985, 3, 14))


def assert_fits_320(page) -> None:
    """The brief's narrowest phone: 320 CSS pixels wide, nothing scrolls sideways."""
    assert_fits_phone(page)
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        assert sideways_overflow(page) <= 0, f"{page.url} is wider than 320 px"
    finally:
        page.set_viewport_size(size)


@pytest.fixture
def provider(monkeypatch) -> Iterator[str]:
    """The test provider in a thread, with one citizen to log in as, and the service set up to use it."""
    users = [User(sub="kari-test", claims={"pid": PARENT_NUMBER})]
    with run_server_in_thread(user_claims=users) as server:
        issuer = f"http://localhost:{server.server_port}"
        setup = {"ISSUER": issuer, "CLIENT_ID": "legetjeneste", "CLIENT_SECRET": "test", "ACR_VALUES": ""}
        for name, value in setup.items():
            monkeypatch.setenv(f"LEGETJENESTE_OIDC_{name}", value)
        get_settings.cache_clear()
        yield issuer
    get_settings.cache_clear()


def _with_citizens(engine) -> dict[str, int]:
    """Vefsn's first list open with one place left; a parent and a child on it, a stranger on another."""
    with session_factory(engine)() as session, session.begin():
        agreement = session.get(Agreement, 182401)
        agreement.list_status, agreement.listetak = "open", 3
        parent = add_citizen(session, "Kari Nordmann", date(1985, 3, 14), agreement_id=182401)
        child = add_citizen(session, "Ola Nordmann", date(2016, 5, 2), agreement_id=182401)
        stranger = add_citizen(session, "Siri Fremmed", date(1990, 2, 3), agreement_id=182402)
        add_child(session, parent, child)
        return {"parent": parent.id, "child": child.id, "stranger": stranger.id}


@pytest.fixture
def citizens_server(sqlite_template, tmp_path):
    engine = demo_engine(sqlite_template, tmp_path)
    ids = _with_citizens(engine)
    with serve(engine, "citizens-server") as server:
        yield server, ids


def test_a_citizen_finds_a_gp_with_room_logs_in_and_sees_min_fastlege(
    browser: Browser, citizens_server, provider
):
    server, ids = citizens_server
    context = _new_context(browser, server)
    page = context.new_page()
    try:
        page.goto("/finn-fastlege")
        page.get_by_label("Kommune").select_option(label="Vefsn")
        page.get_by_role("button", name="Søk").click()
        page.get_by_label("Bare med ledige plasser").check()
        page.get_by_role("button", name="Søk").click()
        expect(page.get_by_text("1 ledig plass", exact=True)).to_be_visible()
        expect(page.get_by_role("link", name="Bytt til denne legen")).to_have_attribute(
            "href", "/innbygger/bytt?agreement=182401"
        )
        assert_accessible(page)
        assert_fits_320(page)

        page.get_by_role("link", name="Få varsel om ledig plass").click()
        expect(page.get_by_role("heading", name="Få varsel om ledig plass")).to_be_visible()
        assert_accessible(page)

        page.goto("/logg-inn")
        page.get_by_role("link", name="Logg inn som innbygger").click()
        page.get_by_role("button", name="kari-test").click()  # the test provider's one-click user
        page.wait_for_url("**/min-fastlege")
        expect(page.get_by_role("heading", name="Min fastlege")).to_be_visible()
        expect(page.get_by_role("heading", name="Fastlegen din er", exact=False)).to_be_visible()
        expect(page.get_by_role("link", name="Ola Nordmann")).to_be_visible()
        expect(page.get_by_role("navigation", name="Hovedmeny").get_by_role("link")).to_have_text(
            ["Min fastlege", "Bytt fastlege", "Finn fastlege", "Innboks"]
        )
        assert_accessible(page)
        assert_fits_320(page)

        page.get_by_role("link", name="Ola Nordmann").click()
        expect(page.get_by_role("heading", name="Fastlegen til Ola Nordmann")).to_be_visible()
        assert page.goto(f"/min-fastlege/barn/{ids['stranger']}").status == 404
        data = page.request.get("/min-fastlege/mine-data.json").json()
        assert [c["name"] for c in data["children"]] == ["Ola Nordmann"]
    finally:
        context.close()
