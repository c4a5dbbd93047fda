"""The threat journey in a real browser (issue 17, «done when»): the GP asks for help from Min side and
demands a decision; the kommuneoverlege records a measure, decides after a confirmation, and once the
patient's deadline has passed assigns the new GP; the SU member cannot open the case (404). Every new page
kind passes axe-core and fits a 320 px wide screen."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import update

from legetjeneste.citizens.threats.models import ThreatCase
from legetjeneste.dates import today_oslo
from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS
from tests.browser.checks import assert_accessible, sideways_overflow
from tests.browser.conftest import EXPECT_TIMEOUT_MS, LiveServer, demo_engine, log_in, serve
from tests.citizens.threats.support import patient

pytestmark = pytest.mark.browser
NARROW = {"width": 320, "height": 800}


@pytest.fixture(scope="module")
def threat_server(sqlite_template, tmp_path_factory) -> Iterator[tuple[LiveServer, object, str]]:
    """The demo with a synthetic patient on Jonas Brekkan's list, served in a thread."""
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("threat-browser"))
    _, national_id = patient(session_factory(engine)())
    with serve(engine, "threat-server") as server:
        yield server, engine, national_id


def _as(browser: Browser, server: LiveServer, email: str) -> Page:
    context = browser.new_context(base_url=server.url, locale="nb-NO", viewport=NARROW)
    # Each step waits as long as an expectation does: a loaded 2-core machine is slow, not wrong.
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    page = context.new_page()
    log_in(page, next(login for login in DEMO_LOGINS if login.email == email))
    page.wait_for_load_state()
    return page


def _checked(page: Page) -> None:
    assert_accessible(page)
    assert sideways_overflow(page) <= 0, f"{page.url} is wider than 320 px"


def test_a_threat_case_runs_from_the_gps_request_to_a_new_gp_and_the_su_member_cannot_open_it(
    browser: Browser, threat_server
):
    server, engine, national_id = threat_server
    gp = _as(browser, server, "lege@vefsn.example")
    gp.get_by_role("link", name="Be kommunen om hjelp med en truende pasient").click()
    _checked(gp)
    gp.get_by_label("Pasientens fødselsnummer (11 siffer)").fill(national_id)
    gp.get_by_label("Hva har skjedd").fill("Truet legen i skranken.")
    gp.get_by_role("button", name="Be om hjelp").click()
    expect(gp.get_by_text("saken T-1 er opprettet")).to_be_visible()
    gp.get_by_role("button", name="Krev vedtak om flytting").click()
    expect(gp.get_by_text("Kravet om vedtak er sendt til kommunen.")).to_be_visible()
    case_url = gp.url
    gp.context.close()

    kol = _as(browser, server, "kommuneoverlege@vefsn.example")
    kol.locator("summary", has_text="Meny").click()  # a 320 px page folds the menu behind «Meny»
    kol.get_by_role("link", name="Truende pasienter").click()
    _checked(kol)
    kol.get_by_role("link", name="T-1").click()
    kol.get_by_label("Tiltak", exact=True).select_option(label="Vekter")
    kol.get_by_label("Status").select_option(label="Forkastet")
    kol.get_by_label("Dato").fill(today_oslo().isoformat())
    kol.get_by_role("button", name="Registrer tiltaket").click()
    expect(kol.get_by_role("row", name="Vekter Forkastet")).to_be_visible()
    kol.get_by_label("Pasienten flyttes til en annen fastlege").check()
    kol.get_by_label("Vurdering").fill("Det er forsvarlig at en annen fastlege tar imot pasienten.")
    kol.get_by_label("Ny fastlege ved tildeling (ved flytting)").select_option(value="182403")
    kol.get_by_role("button", name="Fatt vedtak").click()
    expect(kol.get_by_text("Bekreft:")).to_be_visible()
    _checked(kol)
    kol.get_by_role("button", name="Bekreft").click()
    expect(kol.get_by_text("Vedtaket er fattet")).to_be_visible()
    kol.get_by_role("link", name="Brev til pasienten").click()
    expect(kol.get_by_role("heading", name="Vedtak om fastlegen din")).to_be_visible()
    _checked(kol)
    kol.get_by_role("link", name="Tilbake til saken").click()

    # The patient's deadline passes without a choice: the case is dated back past it.
    with session_factory(engine)() as session, session.begin():
        session.execute(update(ThreatCase).values(deadline=today_oslo() - timedelta(days=1)))
    kol.reload()
    kol.get_by_role("button", name="Tildel Magnus Tverrå").click()
    kol.get_by_role("button", name="Bekreft").click()
    expect(kol.get_by_text("Pasienten er tildelt ny fastlege.")).to_be_visible()
    expect(kol.get_by_text("Magnus Tverrå fra")).to_be_visible()
    _checked(kol)
    kol.context.close()

    su = _as(browser, server, "su@vefsn.example")
    assert su.goto(case_url).status == 404
    su.context.close()
