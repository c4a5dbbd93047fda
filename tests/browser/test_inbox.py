"""A GP follows the header's unread count to the inbox, opens a notice and sees the count drop; on a
phone-sized screen without sideways scrolling, and without accessibility faults that axe-core finds.

The test runs a server of its own so it can put notices in the GP's inbox directly."""

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.settings import get_settings
from tests.browser.checks import open_menu
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, log_in, serve
from tests.conftest import skip_or_fail
from tests.notices.support import BODY, tell

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
GP = next(login for login in DEMO_LOGINS if login.email == "lege@vefsn.example")
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def axe_script() -> Path | None:
    """axe-core from the front-end assets (npm) or from the axe-playwright-python package."""
    candidates = [get_settings().assets_dir / "axe-core" / "axe.min.js"]
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is not None and spec.origin is not None:
        candidates.append(Path(spec.origin).parent / "axe.min.js")
    return next((path for path in candidates if path.exists()), None)


def axe_violations(page: Page) -> list[str]:
    script = axe_script()
    if script is None:
        skip_or_fail(
            "axe-core is not installed (npm package axe-core in the assets, or axe-playwright-python)"
        )
    # Evaluated through the browser's debugging protocol: the page's CSP refuses inline scripts (rightly).
    page.evaluate(script.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{v['id']}: {json.dumps([n['target'] for n in v['nodes']])}" for v in found]


@pytest.fixture
def inbox_server(sqlite_template, tmp_path) -> Iterator[tuple[LiveServer, list[int]]]:
    """A server of its own with two notices in the GP's inbox (the newest a decision letter)."""
    engine = demo_engine(sqlite_template, tmp_path)
    factory = session_factory(engine)
    with factory() as session:
        told = tell(session, kind="vacancy", subject="Ledig vakt julaften") + tell(session)
    with serve(engine, "inbox-server") as server:
        yield server, told


def phone_page(browser: Browser, server: LiveServer) -> BrowserContext:
    context = browser.new_context(base_url=server.url, locale="nb-NO", viewport=PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def test_a_gp_follows_the_header_count_to_the_inbox_opens_a_notice_and_the_count_drops(
    browser: Browser, inbox_server
):
    server, [_, letter] = inbox_server
    context = phone_page(browser, server)
    page = context.new_page()
    try:
        log_in(page, GP)
        page.wait_for_url("**/min-side")
        assert page.evaluate(SIDEWAYS) <= 0
        open_menu(page)
        page.get_by_role("link", name="Innboks, 2 uleste").click()
        page.wait_for_url("**/innboks")
        expect(page.get_by_role("heading", level=1)).to_have_text("Innboks")
        assert page.evaluate(SIDEWAYS) <= 0
        unread = page.get_by_role("listitem").filter(has_text="Ulest")
        expect(unread).to_have_count(2)
        unread.get_by_role("link", name="Vedtak i saken om fritak fra legevakt").click()
        page.wait_for_url(f"**/innboks/{letter}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Vedtak i saken om fritak fra legevakt")
        expect(page.get_by_text(BODY)).to_be_visible()
        expect(page.get_by_role("link", name="Gå til saken")).to_have_attribute("href", "/fritak/1")
        open_menu(page)
        expect(page.get_by_role("link", name="Innboks, 1 ulest")).to_be_visible()
        assert page.evaluate(SIDEWAYS) <= 0
        page.get_by_role("link", name="Tilbake til innboksen").click()
        page.get_by_role("button", name="Merk alle som lest").click()
        expect(page.get_by_role("status")).to_contain_text("Alle meldingene er merket som lest.")
        open_menu(page)
        expect(page.get_by_role("link", name="Innboks, 0 uleste")).to_be_visible()
    finally:
        context.close()


def test_the_inbox_a_notice_and_the_email_choices_have_no_faults_axe_core_finds(
    browser: Browser, inbox_server
):
    server, [_, letter] = inbox_server
    context = phone_page(browser, server)
    page = context.new_page()
    try:
        log_in(page, GP)
        page.wait_for_url("**/min-side")
        for path in ("/innboks", f"/innboks/{letter}", "/innboks/innstillinger"):
            page.goto(path)
            assert page.evaluate(SIDEWAYS) <= 0, path
            assert axe_violations(page) == [], path
    finally:
        context.close()


def test_the_outbox_has_no_faults_axe_core_finds_and_does_not_scroll_sideways(browser: Browser, inbox_server):
    server, _ = inbox_server
    admin = next(login for login in DEMO_LOGINS if login.email == "admin@legetjeneste.example")
    context = phone_page(browser, server)
    page = context.new_page()
    try:
        log_in(page, admin)
        page.wait_for_url("**/kommuner")
        open_menu(page)
        page.get_by_role("link", name="Utboks").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Utboks for e-post")
        expect(page.get_by_role("cell", name="lege@vefsn.example")).to_have_count(1)
        assert page.evaluate(SIDEWAYS) <= 0
        assert axe_violations(page) == []
    finally:
        context.close()
