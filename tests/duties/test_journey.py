"""The issue's «done when» in a real browser: the kommuneoverlege in Vefsn sees every GP against the cap, is
refused an order notified 21 days ahead and an order on a GP who supervises a LIS1 beyond what may be
ordered, lets the system propose an even distribution of the new 7.5-hour task and orders it, and sees the
nursing-home hours against the norm per unit and in total with the chart, and the cover while the
sykehjemslege and the kommuneoverlege are away with the vikar budget; each new page kind fits a phone and
passes axe. The orders write, so the journey has a server of its own."""

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.dates import today_oslo
from tests.browser.checks import assert_accessible, assert_fits_phone
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, demo_login, log_in, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def duty_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("duties-browser"))
    with serve(engine, "duties-server") as server:
        yield server


@pytest.fixture
def kol_page(browser: Browser, duty_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=duty_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, demo_login("1824"))
    yield page
    context.close()


def _order(page: Page, doctor: str, hours: str, notified: str | None = None) -> None:
    """The order form, its first day left as the page suggests (the task's start, at least 28 days on)."""
    form = page.locator("#palegg ~ form")
    if notified:
        form.get_by_label("Varslet dato").fill(notified)
    form.get_by_label("Lege").select_option(label=doctor)
    form.get_by_label("Timer per uke").fill(hours)
    form.get_by_role("button", name="Gi pålegg").click()


def test_the_kommuneoverlege_orders_the_lawful_way_and_sees_tilsyn_against_the_norm(kol_page: Page):
    page = kol_page
    page.get_by_role("link", name="Kommunale oppgaver").click()
    expect(page.get_by_role("heading", name="Kommunale oppgaver i Vefsn")).to_be_visible()
    expect(page.get_by_role("row", name="Lars Drevja")).to_contain_text("3 t")
    expect(page.get_by_text("Kan ikke pålegges: statlig legearbeid")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    page.get_by_role("link", name="Styrket legedekning ved LMS korttid og ØHD").click()
    fustvatn = page.locator("#doctor option", has_text="Ole Fustvatn").inner_text()
    first_day = date.fromisoformat(
        page.locator("#palegg ~ form").get_by_label("Første arbeidsdag").input_value()
    )
    _order(page, fustvatn, "2", (first_day - timedelta(days=21)).isoformat())
    expect(page.get_by_role("alert")).to_contain_text("minst 28 dager")
    expect(page.get_by_role("alert")).to_contain_text("DUTY-VOLUNTARY")
    drevja = page.locator("#doctor option", has_text="Lars Drevja").inner_text()
    _order(page, drevja, "1", today_oslo().isoformat())
    expect(page.get_by_role("alert")).to_contain_text("DUTY-CAP")
    assert_accessible(page)

    page.get_by_role("link", name="Foreslå jevn fordeling").click()
    expect(page.get_by_role("row", name="Ole Fustvatn")).to_contain_text("5,63 t")
    page.get_by_role("button", name="Pålegg etter forslaget").click()
    expect(page.get_by_role("heading", name="Gi pålegget?")).to_be_visible()  # an enkeltvedtak asks first
    assert_accessible(page)
    page.get_by_role("button", name="Ja, gi pålegget").click()
    expect(page.get_by_text("Pålegget er gitt som vedtak til 2 leger.")).to_be_visible()
    expect(page.get_by_role("link", name="vedtaket")).to_have_count(2)
    assert_fits_phone(page)

    page.get_by_role("link", name="Tilsyn", exact=True).click()
    expect(page.get_by_text("Totalt planlagt 85,75 t per uke mot norm 112,84 t")).to_be_visible()
    expect(page.locator("svg.chart-svg")).to_have_count(2)  # the norm, and the vikar budget per year
    expect(
        page.get_by_role("row", name="Vefsn sykehjem: LMS ØHD/rehab ØHD og rehabilitering")
    ).to_contain_text("18,00")
    assert_accessible(page)
    assert_fits_phone(page)

    page.goto(
        "/kommuner/1824/tilsyn?dato=2027-06-14"
    )  # the sykehjemslege and kommuneoverlege away (TILSYN-COVER)
    expect(page.get_by_role("heading", name="Stedfortreder for kommuneoverlegen")).to_be_visible()
    expect(page.get_by_text("33 dager uten stedfortreder der det trengs")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
