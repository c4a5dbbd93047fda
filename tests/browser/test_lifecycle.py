"""The agreement life cycle in a real browser, as issue 6's «done when» (AGR-ANNOUNCE, AGR-HJEMFALL,
AGR-AWARD, AGR-OFFER-5W, AGR-TRANSFER-5W):

Vefsn's kommuneoverlege sees the overdue hjemfall clock on the start page, is refused a 14-day announcement
with the rule named, follows the vacant list 182415 through a third announcement to hjemfall, then awards
the agreement Thomas Kvalvik gave notice on and sees the offer and transfer clocks appear.

Hjemfall closes a demo case, so this module has a live server and database of its own.
"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import (
    TIMEOUT_MS,
    LiveServer,
    demo_engine,
    demo_login,
    log_in,
    serve,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lifecycle_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("lifecycle-browser"))
    with serve(engine, "lifecycle-server") as server:
        yield server


@pytest.fixture
def kommuneoverlege(browser: Browser, lifecycle_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=lifecycle_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, demo_login("1824"))
    page.wait_for_url("**/kommuner/1824")
    yield page
    context.close()


def open_form(page: Page, kind: str) -> None:
    """Unfold the step's form unless a refusal left it open."""
    if page.locator(f"details:has(summary#{kind}-heading)").get_attribute("open") is None:
        page.locator(f"summary#{kind}-heading").click()


def announce(page: Page, *, published: str, deadline: str) -> None:
    open_form(page, "announcement")
    page.locator("#announcement-date").fill(published)
    page.locator("#announcement-application_deadline").fill(deadline)
    page.locator("#announcement-medium").fill("Tidsskriftet og legejobber.no")
    page.locator("#announcement-location").fill("Vefsn legesenter, Mosjøen")
    page.locator("#announcement-listetak").fill("700")
    page.locator("#announcement-operating_model").select_option("salaried")
    page.locator("#announcement-practice_type").select_option("group")
    # Sent from the keyboard, as a keyboard user does: a mouse click on this button far down the page was
    # lost once in about ten runs on a loaded machine (no request reached the server).
    page.get_by_role("button", name="Registrer: Utlysning (AGR-ANNOUNCE)").press("Enter")


def test_the_kommuneoverlege_follows_a_vacancy_to_hjemfall_and_awards_another_agreement(kommuneoverlege):
    page = kommuneoverlege
    pressing = page.locator("section[aria-labelledby=frister]")
    expect(pressing).to_contain_text("Frister som haster")
    expect(pressing).to_contain_text("AGR-HJEMFALL")

    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Saker").click()
    page.get_by_role("link", name="Ledig fastlegeavtale 182415").click()
    expect(page.locator("#announcement-count")).to_have_text("2")

    announce(page, published="2026-09-01", deadline="2026-09-15")
    summary = page.locator(".ds-error-summary")
    expect(summary).to_contain_text("AGR-ANNOUNCE")
    expect(summary).to_contain_text("minst 21 dager")
    expect(page.locator("#announcement-count")).to_have_text("2")

    announce(page, published="2026-09-01", deadline="2026-09-29")
    expect(page.get_by_role("status")).to_contain_text("Utlysning (AGR-ANNOUNCE) er registrert")
    expect(page.locator("#announcement-count")).to_have_text("3")
    expect(page.locator("tr[data-code=hjemfall]")).to_contain_text("3 av minst 3 korrekte utlysninger")

    open_form(page, "hjemfall")
    page.locator("#hjemfall-date").fill("2026-10-15")
    page.locator("#hjemfall-text").fill("Ingen kvalifisert lege vil overta etter tre utlysninger.")
    page.get_by_role("button", name="Registrer: Hjemfall (AGR-HJEMFALL)").click()
    expect(page.locator("dl.facts")).to_contain_text("avsluttet")

    page.get_by_role("link", name="Alle saker").click()
    page.get_by_role("link", name="Thomas Kvalvik sier opp fastlegeavtale 182406").click()
    open_form(page, "award")
    page.locator("#award-date").fill("2026-11-02")
    page.locator("#award-awarded_to").fill("Ida Vefsnmo")
    page.locator("#award-group_statement_on").fill("2026-10-28")
    page.locator("#award-group_statement").fill("Gruppen ved Mosjøen legesenter støtter tildelingen.")
    page.locator("#award-practice_transfer").check()
    page.get_by_role("button", name="Registrer: Tildeling – enkeltvedtak (AGR-AWARD)").click()
    expect(page.locator("tr[data-code=offer]")).to_contain_text("AGR-OFFER-5W")
    expect(page.locator("tr[data-code=transfer]")).to_contain_text("AGR-TRANSFER-5W")
    expect(page.locator("tr[data-code=offer]")).to_contain_text("07.12.2026")

    page.get_by_role("link", name="Alle frister").click()
    expect(page.locator("tr[data-code=transfer]")).to_contain_text("AGR-TRANSFER-5W")
