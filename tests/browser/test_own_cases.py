"""A GP's own side in a real browser (issue 12, AGR-LISTREDUCE): lege@vefsn.example asks for a list reduction
from Min side, confirms it, sees the case in «Mine saker» and its deadline in «Mine frister»; Min side fits a
phone's width without sideways scrolling and, where axe-core is installed, has no accessibility violations.

Sending a request opens a case for the demo GP, so this module has a live server and database of its own."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.dates import add_months, today_oslo
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.norwegian import day_text
from tests.browser.checks import axe_violations
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, log_in, serve

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 800}


@pytest.fixture(scope="module")
def own_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("own-cases-browser"))
    with serve(engine, "own-cases-server") as server:
        yield server


@pytest.fixture
def gp_page(browser: Browser, own_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=own_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, next(login for login in DEMO_LOGINS if login.email == "lege@vefsn.example"))
    page.wait_for_url("**/min-side")
    yield page
    context.close()


def fits_the_width(page: Page, selector: str) -> bool:
    """The element ends within the window and needs no sideways scrolling of its own (a wide table scrolls
    inside its .table-wrap, as on every page)."""
    return page.locator(selector).evaluate(
        "e => e.getBoundingClientRect().right <= window.innerWidth && e.scrollWidth <= e.clientWidth"
    )


def test_the_gp_asks_for_a_list_reduction_confirms_and_sees_the_case_and_its_deadline(gp_page):
    page = gp_page
    due = add_months(today_oslo(), 3)
    page.locator("summary#own-list_reduction-heading").click()
    form = page.locator("form[aria-labelledby=own-list_reduction-heading]")
    form.get_by_label("Grunn").select_option("health")
    form.get_by_label("Skal gjelde fra").fill(due.isoformat())
    form.get_by_label("Ønsket listetak (valgfritt)").fill("700")
    form.get_by_role("button", name="Gå videre til bekreftelse").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bekreft: listereduksjon")
    expect(page.locator("#konsekvens")).to_have_text(
        "Jonas Brekkan ber om listereduksjon på fastlegeavtale 182402"
    )
    expect(page.get_by_role("main")).to_contain_text(f"kan tidligst gjelde fra {day_text(due)}")
    page.get_by_role("button", name="Send listereduksjon til kommunen").click()

    page.wait_for_url("**/min-side*")
    expect(page.get_by_role("status")).to_contain_text("er sendt til kommunen")
    cases = page.locator("section[aria-labelledby=mine-saker]")
    expect(cases).to_contain_text("Jonas Brekkan ber om listereduksjon på fastlegeavtale 182402")
    expect(cases).to_contain_text("av deg")
    deadlines = page.locator("section[aria-labelledby=mine-frister]")
    expect(deadlines).to_contain_text(day_text(due))
    expect(deadlines).to_contain_text("AGR-LISTREDUCE")
    expect(page.locator("a[href^='/saker/']")).to_have_count(0)

    page.set_viewport_size(PHONE)
    page.reload()
    for section in ("section[aria-labelledby=mine-saker]", "section[aria-labelledby=mine-frister]"):
        assert fits_the_width(page, section), section
    page.locator("summary#own-notice-heading").click()
    assert fits_the_width(page, "form[aria-labelledby=own-notice-heading]")


def test_min_side_with_my_cases_and_deadlines_has_no_accessibility_violations(gp_page):
    assert axe_violations(gp_page) == []
