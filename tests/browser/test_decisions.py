"""A decision letter and an appeal in a real browser (DEC-REASONS, DEC-NOTIFY, DEC-APPEAL): Kragerø's
kommuneoverlege refuses Tone Fikkjebakke's nødnett application from a form that starts with no choice; Tone
finds the letter under «Mine vedtak» on Min side with its reasons and deadline and appeals; the
kommuneoverlege sees the appeal on the overview and, after confirming, sends it on to the Statsforvalter.

The server is the test's own (it decides a demo application that other browser tests count as pending)."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.auth import service as auth_service
from legetjeneste.dates import today_oslo
from legetjeneste.db import session_factory
from legetjeneste.decisions import rules
from legetjeneste.demo import DemoLogin
from legetjeneste.norwegian import day_text
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, demo_login, log_in, serve

pytestmark = pytest.mark.browser

TONE = DemoLogin("tone@kragero.example", "et langt passord for testen", "doctor", "4014", doctor="9401406")
PHONE = {"width": 375, "height": 740}
NUMBER = f"{today_oslo().year}/0002"  # the demo's own decision is the year's first


@pytest.fixture(scope="module")
def server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("decisions"))
    with session_factory(engine)() as session:
        auth_service.add_user(
            session,
            email=TONE.email,
            role="doctor",
            municipality_number="4014",
            password=TONE.password,
            doctor=TONE.doctor,
        )
    with serve(engine, "decisions-server") as live:
        yield live


def _page(browser: Browser, server: LiveServer, **options) -> Page:
    context = browser.new_context(base_url=server.url, locale="nb-NO", **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


WIDE = """() => [...document.querySelectorAll("main *")]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
    && !e.closest(".table-wrap"))
  .map(e => e.tagName + "." + e.className + ": " + e.textContent.trim().slice(0, 40))"""


def _fits_the_phone(page: Page) -> None:
    """Nothing in the page's content sticks out at phone width (a table scrolls inside its own frame). The
    header's menu is the navigation's own concern."""
    assert page.evaluate(WIDE) == [], f"{page.url} is wider than the phone"


def _refuse(page: Page) -> None:
    log_in(page, demo_login("4014"))
    page.wait_for_url("**/kommuner/4014")
    page.goto("/kommuner/4014/legevakt")
    page.get_by_role("link", name="Tone Fikkjebakke").first.click()
    granted = page.get_by_label("Innvilget", exact=True)
    refused = page.get_by_label("Avslått", exact=True)
    expect(granted).not_to_be_checked()
    expect(refused).not_to_be_checked()
    page.get_by_label("Begrunnelse").fill("Barnepass kan ordnes på kontorets to faste nødnettdager.")
    page.get_by_role("button", name="Lagre vedtaket").click()
    expect(page.get_by_role("alert")).to_contain_text("velg om søknaden innvilges eller avslås")
    refused.check()
    page.get_by_label("Vektlegging av beredskap").fill("Beredskapen ved GKL er vektlagt mot omsorgen.")
    page.get_by_role("button", name="Lagre vedtaket").click()
    expect(page.get_by_text("er avslått (NN-EXEMPT)")).to_be_visible()
    expect(page.get_by_role("link", name=f"Vedtak {NUMBER}")).to_be_visible()


def _appeal(page: Page, deadline: str) -> None:
    log_in(page, TONE)
    page.wait_for_url("**/min-side")
    mine = page.get_by_role("region", name="Mine vedtak")
    row = mine.get_by_role("row").filter(has_text=NUMBER)
    expect(row).to_contain_text("Fritak fra legevakt eller nødnett: avslått")
    expect(row).to_contain_text(deadline)
    _fits_the_phone(page)
    row.get_by_role("link", name=NUMBER).click()
    expect(page.get_by_text("NN-EXEMPT (KRAGERØ SU 17.3.2026): Barnepass kan ordnes")).to_be_visible()
    expect(page.get_by_text(f"Klagen må komme fram senest {deadline}")).to_be_visible()
    expect(page.get_by_role("heading", name="Du har rett til å se dokumentene")).to_be_visible()
    _fits_the_phone(page)
    page.get_by_label("Hva klager du på, og hvorfor?").fill("Jeg har ingen barnepass før kl. 9.")
    page.get_by_role("button", name="Send klagen").click()
    expect(page.get_by_text("Klagen er mottatt")).to_be_visible()
    expect(page.get_by_text("Til behandling")).to_be_visible()


def _send_on(page: Page) -> None:
    page.goto("/kommuner/4014")
    expect(page.get_by_role("heading", name="Klager til behandling (1)")).to_be_visible()
    page.get_by_role("link", name="Behandle klagen").click()
    page.get_by_label("Send klagen til klageinstansen").check()
    page.get_by_label("Begrunnelse", exact=True).fill("Klagen gir ingen nye opplysninger.")
    page.get_by_role("button", name="Gå videre").click()
    expect(page.get_by_role("alert")).to_contain_text("Dette kan ikke angres")
    page.get_by_role("button", name="Bekreft").click()
    expect(page.get_by_text("Klagen er sendt til Statsforvalteren i Vestfold og Telemark")).to_be_visible()
    expect(page.get_by_text("Oversendt klageinstansen")).to_be_visible()


def test_a_refused_application_reaches_the_gp_who_appeals_and_the_appeal_is_sent_on(browser, server):
    deadline = day_text(rules.appeal_deadline(today_oslo(), weeks=3))
    kol = _page(browser, server)
    _refuse(kol)
    _appeal(_page(browser, server, viewport=PHONE), deadline)
    _send_on(kol)
    _fits_the_phone(_page(browser, server, viewport=PHONE))
