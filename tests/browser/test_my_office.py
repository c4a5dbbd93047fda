"""Mitt kontor in a real browser: the office administrator of Mosjøen legesenter lands on it, sees the
office's doctors and the summer 2027 vacation, switches a digital service off and sees the citizen's panel
beside it change without leaving the place on the page, and is refused a contradicting setting with the
rule id (HN-PANEL). On a phone the page does not scroll sideways.

The live server is shared by the session: this module changes only Thomas Kvalvik's digital services
(agreement 182406), which no other browser test uses, and puts them back at the end. The pages are shown
as on 4 December 2026, so the demo's summer 2027 vacation is still coming whenever the tests run."""

import re
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office import service as office_service
from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.registry.start import service as start_service
from tests.browser.conftest import TIMEOUT_MS, LiveServer, log_in
from tests.browser.test_foundation import IDS, UNLABELLED_FIELDS, duplicates

pytestmark = pytest.mark.browser

OFFICE_ADMIN = next(login for login in DEMO_LOGINS if login.role == "office_admin")
TODAY = date(2026, 12, 4)
THOMAS = 182406
ALL_ON = dict.fromkeys(
    ("offers_digital_services", "booking", "e_consultation", "prescription_renewal", "e_contact"), True
)
PHONE = {"width": 375, "height": 800}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def on_demo_day(monkeypatch):
    for module in (start_service, office_service, panel_service, vacation_service):
        monkeypatch.setattr(module, "today_oslo", lambda: TODAY)


def _page(browser: Browser, live_server: LiveServer, **options) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nb-NO", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, OFFICE_ADMIN)
    page.wait_for_url("**/mitt-kontor")
    yield page
    csrf = page.locator("input[name=csrf_token]").first.get_attribute("value")
    answer = context.request.put(
        f"/api/v1/agreements/{THOMAS}/digital-services", data=ALL_ON, headers={"X-CSRF-Token": csrf or ""}
    )
    assert answer.ok, answer.text()
    context.close()


@pytest.fixture
def office_page(browser: Browser, live_server: LiveServer, on_demo_day: None) -> Iterator[Page]:
    """Logged in as the office administrator of Mosjøen legesenter, on Mitt kontor."""
    yield from _page(browser, live_server)


@pytest.fixture
def phone_page(browser: Browser, live_server: LiveServer, on_demo_day: None) -> Iterator[Page]:
    yield from _page(browser, live_server, viewport=PHONE, is_mobile=True, has_touch=True)


def test_the_office_administrator_lands_on_mitt_kontor_and_sees_the_doctors_and_the_vacation(
    office_page: Page,
):
    page = office_page
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitt kontor: Mosjøen legesenter")
    lists = page.get_by_role("table", name="Fastlegeavtalene ved Mosjøen legesenter 4. desember 2026")
    expect(lists.locator("tbody tr")).to_have_count(6)
    expect(lists.get_by_role("row").filter(has_text="182407").locator("td").nth(1)).to_have_text(
        "Anders Øyfjell"
    )
    coming = page.get_by_role("table", name="Kommende fravær")
    expect(coming.get_by_role("row").filter(has_text="Anders Øyfjell").locator("td")).to_have_text(
        ["Anders Øyfjell", "182407", "5. juli 2027 – 25. juli 2027", "ferie eller annet ordinært fravær",
         "kollegial fraværsordning"]
    )  # fmt: skip
    vacation = page.get_by_role("region", name="Ferieoversikt 1. juni 2027 – 31. august 2027")
    weeks = vacation.get_by_role("table", name="Fravær og dekning per uke ved Mosjøen legesenter")
    expect(weeks.locator("tbody")).to_have_count(3)
    expect(weeks).to_contain_text("uke 28 (12.–18. juli)")
    part = page.get_by_role("region", name="Avtale 182407 – Anders Øyfjell")
    expect(part.locator(".ds-alert").filter(has_text="HN-NO-COVER")).to_contain_text(
        "5. juli til og med 25. juli 2027"
    )


def test_switching_a_service_off_changes_the_panel_beside_it_without_leaving_the_place(office_page: Page):
    page = office_page
    part = page.get_by_role("region", name=f"Avtale {THOMAS} – Thomas Kvalvik")
    preview = part.get_by_role("region", name="Fastlegen din er Thomas Kvalvik")
    expect(preview.get_by_role("listitem").filter(has_text=re.compile("^E-konsultasjon:"))).to_have_count(1)
    page.evaluate("() => { window.samePage = true; }")
    group = part.get_by_role("group", name=f"Digitale tjenester på Helsenorge for avtale {THOMAS}")
    group.get_by_label("E-konsultasjon", exact=True).uncheck()
    save = part.get_by_role("button", name=f"Lagre tjenestene for avtale {THOMAS}")
    save.scroll_into_view_if_needed()
    before = part.get_by_role("heading", level=3).bounding_box()
    save.click()

    expect(part.get_by_role("status")).to_have_text(f"De digitale tjenestene for avtale {THOMAS} er lagret.")
    expect(preview.get_by_role("listitem").filter(has_text=re.compile("^E-konsultasjon:"))).to_have_count(0)
    expect(preview.get_by_role("listitem").filter(has_text=re.compile("^Timebestilling:"))).to_have_count(1)
    expect(part.locator(".ds-alert").filter(has_text="HN-KEEP-ON")).to_contain_text(
        "e-konsultasjon er slått av"
    )
    expect(group.get_by_label("E-konsultasjon", exact=True)).not_to_be_checked()
    assert page.evaluate("() => window.samePage") is True, "the page was loaded again"
    assert page.url.endswith("/mitt-kontor")
    after = part.get_by_role("heading", level=3).bounding_box()
    assert before and after and abs(after["y"] - before["y"]) < 2, "the part moved on the screen"
    expect(save).to_be_focused()


def test_a_contradicting_setting_is_refused_with_the_rule_id_and_the_panel_stays_as_it_was(office_page: Page):
    page = office_page
    part = page.get_by_role("region", name=f"Avtale {THOMAS} – Thomas Kvalvik")
    group = part.get_by_role("group", name=f"Digitale tjenester på Helsenorge for avtale {THOMAS}")
    group.get_by_label("Fastlegen tilbyr digitale tjenester på Helsenorge").uncheck()
    part.get_by_role("button", name=f"Lagre tjenestene for avtale {THOMAS}").click()

    alert = part.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("Endringen ble ikke lagret")
    expect(alert).to_contain_text(
        "Fastlegen tilbyr digitale tjenester på Helsenorge: er slått av, men timebestilling, e-konsultasjon, "
        "reseptfornyelse og e-kontakt står fortsatt på."
    )
    expect(alert).to_contain_text("(HN-PANEL)")
    expect(alert).to_be_focused()  # the summary in the part htmx put in place takes the focus (app.js)
    expect(group.get_by_label("Fastlegen tilbyr digitale tjenester på Helsenorge")).not_to_be_checked()
    preview = part.get_by_role("region", name="Fastlegen din er Thomas Kvalvik")
    expect(preview).not_to_contain_text("tilbyr ikke timebestilling")
    expect(preview.get_by_role("listitem").filter(has_text=re.compile("^Timebestilling:"))).to_have_count(1)
    assert page.url.endswith("/mitt-kontor")


def test_on_a_phone_mitt_kontor_does_not_scroll_sideways_and_the_panel_comes_below_the_settings(
    phone_page: Page,
):
    page = phone_page
    assert page.evaluate(SIDEWAYS) <= 0
    part = page.get_by_role("region", name=f"Avtale {THOMAS} – Thomas Kvalvik")
    save = part.get_by_role("button", name=f"Lagre tjenestene for avtale {THOMAS}").bounding_box()
    preview = part.get_by_role("region", name="Fastlegen din er Thomas Kvalvik").bounding_box()
    assert save and preview and preview["y"] > save["y"], "the preview is not stacked below the settings"


def test_on_a_wide_screen_the_citizens_panel_stands_beside_the_settings(office_page: Page):
    part = office_page.get_by_role("region", name=f"Avtale {THOMAS} – Thomas Kvalvik")
    save = part.get_by_role("button", name=f"Lagre tjenestene for avtale {THOMAS}").bounding_box()
    preview = part.get_by_role("region", name="Fastlegen din er Thomas Kvalvik").bounding_box()
    assert save and preview and preview["x"] > save["x"] + save["width"]


def test_mitt_kontor_has_one_main_heading_a_label_on_every_field_and_no_duplicate_ids(office_page: Page):
    expect(office_page.get_by_role("heading", level=1)).to_have_count(1)
    expect(office_page).to_have_title("Mitt kontor – legetjeneste")
    assert office_page.evaluate(UNLABELLED_FIELDS) == []
    assert duplicates(office_page.evaluate(IDS)) == []
