"""Issue 15's «done when» in a real browser: the Vefsn kommuneoverlege sends the new-agreement case of the
life cycle to the SU (AGR-NEW-SU), convenes a meeting with the case on the agenda (the e-mail of the
invitation is tested at service level, tests/committees/test_email.py), records a 3–1 statement with the
minority's view (SU-CASES), and the life-cycle case shows it; Bodø, without committees, sets up its SU and
constitutes the next term (SU-COMPOSITION); the new pages pass axe and fit a phone.

The journeys write, so this module has a live server and database of its own."""

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.dates import add_months, today_oslo
from legetjeneste.db import session_factory
from legetjeneste.demo import DemoLogin
from legetjeneste.norwegian import day_text
from tests.browser.checks import assert_accessible, assert_fits_phone
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, demo_login, log_in, serve
from tests.committees.support import BODO, BODO_KOL, BODO_PASSWORD, municipality_without_committees

pytestmark = pytest.mark.browser


def meeting_day() -> date:
    """Two weeks ahead, on a weekday: a meeting date that never ages into the past."""
    day = today_oslo() + timedelta(days=14)
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


@pytest.fixture(scope="module")
def committees_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("committees-browser"))
    with session_factory(engine)() as session:
        municipality_without_committees(session)
    with serve(engine, "committees-server") as server:
        yield server


@pytest.fixture
def kommuneoverlege(browser: Browser, committees_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=committees_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, demo_login("1824"))
    page.wait_for_url("**/kommuner/1824")
    yield page
    context.close()


@pytest.fixture
def bodo_kommuneoverlege(browser: Browser, committees_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=committees_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, DemoLogin(BODO_KOL, BODO_PASSWORD, "kommuneoverlege", BODO))
    page.wait_for_url(f"**/kommuner/{BODO}")
    yield page
    context.close()


def open_new_agreement_case(page: Page) -> None:
    page.goto("/kommuner/1824/saker")
    page.locator("#case-kind").select_option("new_agreement")
    page.locator("#case-date").fill("2026-12-01")
    page.locator("#case-title").fill("Ny fastlegeavtale i Mosjøen")
    page.get_by_role("button", name="Opprett sak").click()
    expect(page.get_by_role("heading", name="Samarbeidsutvalget")).to_be_visible()


def convene(page: Page) -> None:
    page.get_by_role("link", name="Samarbeidsutvalget i Vefsn").first.click()
    assert_accessible(page)
    page.locator("summary#kall-inn").click()
    page.locator("#meeting-date").fill(meeting_day().isoformat())
    page.locator("#meeting-starts").fill("14:00")
    page.locator("#meeting-ends").fill("15:30")
    page.locator("#meeting-place").fill("Mosjøen rådhus, møterom Vefsna")
    page.get_by_role("button", name="Kall inn").click()
    expect(page.get_by_role("heading", name="Kalle inn til møtet?")).to_be_visible()  # invitations go at once
    page.get_by_role("button", name="Ja, kall inn").click()
    expect(page.get_by_text("Møtet er innkalt")).to_be_visible()


def test_the_su_statement_on_a_new_agreement_reaches_the_life_cycle_case(kommuneoverlege: Page):
    page = kommuneoverlege
    open_new_agreement_case(page)
    case_url = page.url
    assert_accessible(page)
    page.get_by_role("button", name="Send til utvalget").click()
    expect(page.get_by_text("Saken er sendt til Samarbeidsutvalget i Vefsn")).to_be_visible()
    assert_accessible(page)

    convene(page)
    expect(page.get_by_role("cell", name="Ny fastlegeavtale i Mosjøen")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    pdf = page.request.get(page.url + "/referat.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    ics = page.request.get(page.url.replace("/utvalg/moter/", "/api/v1/committee-meetings/") + "/invitation")
    assert ics.ok and "BEGIN:VEVENT" in ics.text()

    page.get_by_role("link", name="Ny fastlegeavtale i Mosjøen").click()
    page.locator("#given-on").fill(meeting_day().isoformat())
    page.locator("#votes-for").fill("3")
    page.locator("#votes-against").fill("1")
    page.locator("#majority").fill("Samarbeidsutvalget støtter en ny fastlegeavtale ved Mosjøen legesenter.")
    page.get_by_role("button", name="Lagre uttalelsen").click()
    expect(page.get_by_role("alert")).to_contain_text("SU-CASES")  # the minority's view is required
    page.locator("#minority").fill("Mindretallet mener listetaket bør økes på de eksisterende listene først.")
    page.get_by_role("button", name="Lagre uttalelsen").click()
    expect(page.get_by_role("heading", name="Registrere uttalelsen?")).to_be_visible()  # given once: asked
    assert_accessible(page)
    page.get_by_role("button", name="Ja, registrer uttalelsen").click()
    expect(page.get_by_text("Uttalelsen er registrert")).to_be_visible()
    assert_fits_phone(page)

    page.goto(case_url)
    panel = page.locator("section[aria-labelledby=utvalg-uttalelse]")
    expect(panel).to_contain_text(f"Uttalelse {day_text(meeting_day())} (3–1)")
    expect(panel).to_contain_text("Mindretallet mener listetaket bør økes")
    expect(page.get_by_role("cell", name="Uttalelse fra samarbeidsutvalget (AGR-NEW-SU)")).to_be_visible()
    assert_accessible(page)
    page.goto("/kommuner/1824/utvalg")
    expect(
        page.get_by_text("Allmennlegeutvalget i Vefsn: møte i halvåret")
    ).to_be_visible()  # no meeting since July
    assert_accessible(page)
    assert_fits_phone(page)


# Fictional members of Bodø's SU, in the rows the form offers: two a side, then as many deputies.
BODO_MEMBERS = ("Hanne Storvik", "Ola Saltdal", "Trine Moe", "Per Kjerringøy")
BODO_MEMBERS += ("Siri Fauske", "Jon Rønvik", "Aud Hunstad", "Lars Mørkved")


def test_a_municipality_without_committees_sets_up_its_su_and_constitutes_the_next_term(
    bodo_kommuneoverlege: Page,
):
    page = bodo_kommuneoverlege
    page.goto(f"/kommuner/{BODO}/utvalg")
    page.get_by_role("link", name="Opprett et utvalg").click()
    assert_accessible(page)
    assert_fits_phone(page)
    constituted = add_months(today_oslo(), -24) + timedelta(days=30)  # the term ends within a month
    page.locator("#committee-name").fill("Samarbeidsutvalget i Bodø")
    page.locator("#committee-constituted").fill(constituted.isoformat())
    for n, name in enumerate(BODO_MEMBERS, start=1):
        page.locator(f"#m{n}-name").fill(name)
    page.get_by_role("button", name="Opprett utvalget").click()
    expect(page.get_by_text("Samarbeidsutvalget i Bodø er opprettet med 8 medlemmer.")).to_be_visible()

    page.get_by_role("link", name="Ny funksjonsperiode").click()
    expect(page.locator("#m8-name")).to_have_value("Lars Mørkved")  # the members proposed again
    assert_accessible(page)
    assert_fits_phone(page)
    page.locator("#m1-role").select_option("chair")
    page.get_by_role("button", name="Se gjennom").click()
    expect(page.get_by_role("heading", name="Bekreft ny funksjonsperiode")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Bekreft ny funksjonsperiode").click()
    expect(page.get_by_text("Samarbeidsutvalget i Bodø har ny funksjonsperiode")).to_be_visible()
    expect(page.get_by_text("Sammensetningen følger reglene")).to_be_visible()
