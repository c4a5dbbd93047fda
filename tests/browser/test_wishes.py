"""LV-WISH in a real browser, as the issue's «done when»: lege@vefsn.example goes from Min side to «Mine
ønsker», enters two wishes for autumn 2027, sees them listed with what is left of the month, and a wish
beyond the scheme's number a month is refused in Norwegian with the rule; the pages fit a phone's width.

The Vefsn scheme's number of wishes a month is set to 2 here, so this module has a server of its own."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.schemes import forms as scheme_forms
from legetjeneste.legevakt.schemes import service as scheme_service
from tests.browser.checks import assert_accessible
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, log_in, serve

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 800}


@pytest.fixture(scope="module")
def wish_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    """The demo data with Vefsn legevakt allowing two wishes a month, served in a thread."""
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("wish-browser"))
    factory = session_factory(engine)
    scheme_id = roster_service.find_scheme(
        factory(), actor=SYSTEM, reference="legevakt", municipality_number="1824"
    )
    scheme = scheme_service.get_scheme(factory(), actor=SYSTEM, scheme_id=scheme_id)
    data = scheme_forms.scheme_in(scheme_forms.document(scheme) | {"max_wishes_per_month": 2})
    scheme_service.save_scheme(factory(), actor=SYSTEM, municipality_number="1824", data=data)
    with serve(engine, "wish-server") as server:
        yield server


@pytest.fixture
def gp_page(browser: Browser, wish_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=wish_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, next(login for login in DEMO_LOGINS if login.email == "lege@vefsn.example"))
    page.wait_for_url("**/min-side")
    yield page
    context.close()


def _enter(page: Page, day: str, kind: str, note: str = "") -> None:
    page.locator("input[id^='new-day-']").fill(day)
    page.locator("select[id^='new-kind-']").select_option(label=kind)
    page.locator("input[id^='new-note-']").fill(note)
    page.get_by_role("button", name="Legg inn ønsket").click()


def _fits_the_width(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_gp_enters_two_wishes_for_autumn_2027_from_min_side_and_a_third_is_refused_lv_wish(gp_page: Page):
    page = gp_page
    expect(page.get_by_role("heading", name="Mine ønsker til vaktlister")).to_be_visible()
    page.get_by_role("link", name="Mine ønsker").click()
    page.wait_for_url("**/mine-onsker")

    _enter(page, "2027-09-10", "Fri", "Bryllup i familien")
    expect(page.get_by_text("Ønsket er lagret: ønsker fri fredag 10. september 2027")).to_be_visible()
    _enter(page, "2027-09-21", "Vakt")
    expect(page.get_by_text("Ønsket er lagret: ønsker vakt tirsdag 21. september 2027")).to_be_visible()

    table = page.get_by_role("table", name="Mine ønsker, andre halvår 2027")
    expect(table.get_by_role("row")).to_have_count(3)
    expect(table).to_contain_text("Fredag 10. september 2027")
    expect(table).to_contain_text("Bryllup i familien")
    expect(table).to_contain_text("Tirsdag 21. september 2027")
    expect(page.get_by_text("September 2027: 2 av 2 ønsker brukt, 0 igjen")).to_be_visible()

    _enter(page, "2027-09-28", "Fri")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Ønsket ble ikke lagret")
    expect(alert).to_contain_text(
        "Dato: du har allerede 2 ønsker i september 2027, og ordningen tillater 2 per måned (LV-WISH)"
    )
    expect(alert).to_be_focused()  # the error summary takes the focus (app.js)
    alert.get_by_role("link", name=re.compile("^Dato: du har allerede 2 ønsker")).click()
    expect(page.locator("input[id^='new-day-']")).to_be_focused()  # the link leads to the field
    expect(table.get_by_role("row")).to_have_count(3)


def test_mine_onsker_and_min_side_fit_a_phone_without_sideways_scrolling(gp_page: Page):
    page = gp_page
    page.set_viewport_size(PHONE)
    for path in ("/min-side", "/mine-onsker"):
        page.goto(path)
        assert _fits_the_width(page), path


def test_mine_onsker_has_no_accessibility_violations_axe(gp_page: Page):
    page = gp_page
    for path in ("/min-side", "/mine-onsker"):
        page.goto(path)
        assert_accessible(page)
