"""Issue 17's citizen journey in a real browser, over a year of the service's clock: a citizen finds Vefsn GPs
with room without logging in, logs in through the local OpenID Connect test provider, switches and sees the
day it takes effect in words (CIT-SWITCH), switches again the next month and is refused a third switch in the
year naming CIT-SWITCH, joins the waiting list of a full list (CIT-WAIT); when a place opens the daily run —
the job the scheduler queues — passes over the citizen while the year's switches are used, and in December
moves them from the 1st of the next month with a letter (CIT-WAIT-EFFECT), which the citizen reads in Min
fastlege and the inbox. Logging out ends the provider's session too. The kommuneoverlege prints the letters
that wait for the post and marks them sent. The new pages are axe-clean and fit a 320 px phone."""

from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import Browser, Page, expect

from legetjeneste.citizens.finder import service as finder_service
from legetjeneste.citizens.letters import service as letters
from legetjeneste.citizens.portal import service as portal_service
from legetjeneste.citizens.switching import service as switching_service
from legetjeneste.db import session_factory
from legetjeneste.jobs import service as jobs_service
from legetjeneste.jobs.worker import run_here
from legetjeneste.registry.models import Agreement
from legetjeneste.settings import get_settings
from tests.browser.checks import assert_accessible
from tests.browser.conftest import _new_context, demo_engine, demo_login, log_in, serve
from tests.citizens.people import add_citizen, synthetic_national_id
from tests.citizens.portal.test_browser import assert_fits_320

pytestmark = pytest.mark.browser
CITIZEN_NUMBER = synthetic_national_id(date(1984, 6, 9))
# The lists of the journey (Vefsn): three with room, one full whose waiting list the citizen joins.
FIRST, SECOND, THIRD, FULL = 182402, 182403, 182404, 182405
# The service's clock: the first switch in December 2026, the second in January 2027 (from 1 February), the
# refused third and the waiting list in February (a switch for the same 1st would replace the booked one, not
# count), the move in December.
DECEMBER, JANUARY, FEBRUARY = date(2026, 12, 4), date(2027, 1, 11), date(2027, 2, 8)
NEXT_DECEMBER = date(2027, 12, 6)
CLOCK = {"today": DECEMBER}


def _with_citizens(engine) -> None:
    """Three Vefsn lists open with two places each and one full (one place, taken); the citizen on 182401."""
    with session_factory(engine)() as session, session.begin():
        for agreement_id, listetak in ((FIRST, 2), (SECOND, 2), (THIRD, 2), (FULL, 1)):
            agreement = session.get(Agreement, agreement_id)
            agreement.list_status, agreement.listetak = "open", listetak
        add_citizen(session, "Kari Bytter", date(1984, 6, 9), agreement_id=182401)
        listed = add_citizen(session, "Per Fastliste", date(1970, 2, 1), agreement_id=FULL)
        # Per has no user: his letter waits for the post (the kommuneoverlege's page, the second test).
        body = "Fra 1. januar 2027 er Siri Halsøy fastlegen din (fastlegeavtale 182405)."
        letters.send(
            session, municipality_number="1824", letters=[(listed.id, body)], rule_id="AGR-VACANT", cause=None
        )


@pytest.fixture(scope="module")
def journey(sqlite_template, tmp_path_factory) -> Iterator[tuple]:
    """The test provider with the citizen, the service set up to use it and on the journey's clock, and a
    live server of this module's own on the demo with the lists above."""
    users = [User(sub="kari-bytter", claims={"pid": CITIZEN_NUMBER})]
    with pytest.MonkeyPatch.context() as patch, run_server_in_thread(user_claims=users) as provider:
        setup = {"ISSUER": f"http://localhost:{provider.server_port}", "CLIENT_ID": "legetjeneste"}
        for name, value in (setup | {"CLIENT_SECRET": "test", "ACR_VALUES": ""}).items():
            patch.setenv(f"LEGETJENESTE_OIDC_{name}", value)
        get_settings.cache_clear()
        for module in (finder_service, portal_service, switching_service):
            patch.setattr(module, "today_oslo", lambda: CLOCK["today"])
        engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("journey"))
        _with_citizens(engine)
        with serve(engine, "journey-server") as server:
            yield server, engine
    get_settings.cache_clear()


def _daily_run(engine, day: date) -> dict:
    """The daily run as the scheduler runs it: a `citizens.runs` job for the day, run through the queue."""
    with session_factory(engine)() as session, session.begin():
        job_id = jobs_service.enqueue(
            session, kind="citizens.runs", payload={"day": day.isoformat(), "kind": "daily"}, here=True
        )
    assert run_here(engine, job_id=job_id, on_progress=lambda report: None) == "done"
    with session_factory(engine)() as session:
        job = jobs_service.get(session, job_id=job_id)
    assert job is not None and job.result is not None
    return job.result["daily"]["municipalities"]["1824"]


def _checked(page: Page) -> None:
    assert_accessible(page)
    assert_fits_320(page)


def _switch(page: Page, agreement_id: int, doctor: str) -> None:
    page.goto(f"/innbygger/bytt?agreement={agreement_id}")
    page.get_by_role("button", name=f"Bytt til {doctor}").click()


def test_a_citizen_switches_twice_is_refused_a_third_and_is_moved_from_the_waiting_list_with_a_letter(
    browser: Browser, journey
):
    server, engine = journey
    context = _new_context(browser, server)
    page = context.new_page()
    try:
        # Without logging in: Vefsn's lists with room.
        page.goto("/finn-fastlege?kommune=1824&ledig=true")
        cards = page.get_by_role("list", name="Fastlegelister").get_by_role("listitem")
        expect(cards).to_have_count(3)
        brekkan = cards.filter(has_text="Jonas Brekkan")
        expect(brekkan).to_contain_text("2 ledige plasser")
        expect(brekkan.get_by_role("link", name="Bytt til denne legen")).to_have_attribute(
            "href", f"/innbygger/bytt?agreement={FIRST}"
        )

        page.goto("/logg-inn")
        page.get_by_role("link", name="Logg inn som innbygger").click()
        page.get_by_role("button", name="kari-bytter").click()  # the test provider's one-click user
        page.wait_for_url("**/min-fastlege")

        # December 2026: the first switch takes effect on 1 January 2027.
        _switch(page, FIRST, "Jonas Brekkan")
        expect(page.get_by_text("Byttet: Jonas Brekkan er fastlegen fra 1. januar 2027.")).to_be_visible()
        expect(page.get_by_text("Bytter i 2027: 1 av 2 (CIT-SWITCH).")).to_be_visible()
        _checked(page)

        # January 2027: the second switch (from 1 February); in February a third in the year is refused.
        CLOCK["today"] = JANUARY
        _switch(page, SECOND, "Magnus Tverrå")
        expect(page.get_by_text("Byttet: Magnus Tverrå er fastlegen fra 1. februar 2027.")).to_be_visible()
        CLOCK["today"] = FEBRUARY
        _switch(page, THIRD, "Eirik Sandnesmo")
        refusal = page.get_by_role("alert")
        expect(refusal).to_contain_text("Du har allerede byttet fastlege 2 ganger i 2027")
        expect(refusal).to_contain_text("(CIT-SWITCH, PBR § 6)")
        _checked(page)

        # The full list: the citizen joins its waiting list instead.
        page.goto(f"/innbygger/bytt?agreement={FULL}")
        page.get_by_role("link", name="Sett deg på ventelisten").click()
        page.get_by_role("button", name="Sett meg på ventelisten").click()
        expect(page.get_by_text("Du står på ventelisten til Siri Halsøy: nummer 1 av 1.")).to_be_visible()
        _checked(page)

        # A place opens; the day's run passes over the citizen while the year's two switches are used.
        with session_factory(engine)() as session, session.begin():
            session.get(Agreement, FULL).listetak = 2
        february = _daily_run(engine, FEBRUARY)
        assert (february["moved"], february["skipped"]) == (0, {"CIT-SWITCH": 1})

        # December 2027: the run moves the citizen from 1 January 2028 and writes the letter.
        CLOCK["today"] = NEXT_DECEMBER
        december = _daily_run(engine, NEXT_DECEMBER)
        assert (december["moved"], december["by_reason"]) == (1, {"waiting_list": 1})
        page.goto("/min-fastlege")
        expect(page.get_by_role("status")).to_have_text(
            "Fra 1. januar 2028 er fastlegen Siri Halsøy, Mosjøen legesenter."
        )
        letter = "Fra 1. januar 2028 er Siri Halsøy fastlegen din (fastlegeavtale 182405)."
        expect(page.get_by_text(letter, exact=False)).to_contain_text("(CIT-WAIT-EFFECT)")
        _checked(page)
        page.goto("/innboks")
        page.get_by_role("link", name="Brev om fastlegen din").click()
        expect(page.get_by_text(letter, exact=False)).to_be_visible()

        # Logging out ends the provider's session too, and comes back to the login page.
        page.get_by_role("button", name="Logg ut").click()
        page.wait_for_url("**/oauth2/end_session?**")
        sent = parse_qs(urlsplit(page.url).query)
        assert sent["post_logout_redirect_uri"] == [server.at("/logg-inn")] and sent["id_token_hint"][0]
        page.get_by_role("button", name="End session").click()  # the test provider's own page
        page.wait_for_url(server.at("/logg-inn"))
        page.goto("/min-fastlege")
        expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()
    finally:
        context.close()


def test_the_kommuneoverlege_prints_the_letters_waiting_for_the_post_and_marks_them_sent(
    browser: Browser, journey
):
    server, _ = journey
    context = _new_context(browser, server)
    page = context.new_page()
    try:
        log_in(page, demo_login("1824"))
        page.goto("/kommuner/1824/innbyggere")
        page.get_by_role("link", name="Se brevene og skriv dem ut").click()
        expect(page.get_by_role("heading", name="Brev til utsending")).to_be_visible()
        expect(page.get_by_role("list", name="Brev som venter")).to_contain_text("Per Fastliste")
        pdf = page.request.get(
            page.get_by_role("link", name="Skriv ut brevene", exact=False).get_attribute("href")
        )
        assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
        _checked(page)
        page.get_by_text("Marker som sendt", exact=True).click()
        expect(page.get_by_text("Det kan ikke angres.", exact=False)).to_be_visible()
        page.get_by_role("button", name="Ja, marker 1 brev som sendt").click()
        expect(page.get_by_text("1 brev er markert som sendt.")).to_be_visible()
        expect(page.get_by_text("Ingen brev venter på utsending.")).to_be_visible()
        _checked(page)
    finally:
        context.close()
