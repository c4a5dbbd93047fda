"""The kommuneoverlege's page of the citizen register in a real browser: reached from the menu, the lists
beside Helfo's count, the forms for runs and draws; accessible (axe-core) and fitting a phone. (The
citizen's own journey — log in, switch, wait — is the portal's browser test.)"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible, assert_fits_phone

pytestmark = pytest.mark.browser


def test_the_kommuneoverlege_opens_innbyggere_from_the_menu_and_it_is_accessible_on_a_phone(vefsn_page: Page):
    vefsn_page.goto("/kommuner/1824")
    vefsn_page.get_by_role("link", name="Innbyggere").first.click()
    expect(vefsn_page.get_by_role("heading", name="Innbyggere og fastlegelister")).to_be_visible()
    expect(vefsn_page.get_by_role("button", name="Trekk ut og flytt")).to_be_visible()
    expect(vefsn_page.get_by_role("rowheader", name="182402")).to_be_visible()
    assert_accessible(vefsn_page)
    assert_fits_phone(vefsn_page)


def test_a_refused_draw_takes_the_focus_to_its_summary_whose_link_leads_to_the_field(vefsn_page: Page):
    """Issue 13 — the draw's count is no number: the summary takes the focus (app.js), names the field by its
    label, and its link moves the focus to the field, which is marked invalid and keeps what was typed."""
    vefsn_page.goto("/kommuner/1824/innbyggere")
    vefsn_page.get_by_label("Listen som reduseres").select_option(value="182402")
    vefsn_page.get_by_label("Antall som flyttes (tomt: ned til listetaket)").fill("to")
    vefsn_page.get_by_role("button", name="Trekk ut og flytt").click()
    alert = vefsn_page.get_by_role("alert")
    expect(alert).to_be_focused()
    alert.get_by_role("link", name="Antall: må være et helt tall").click()
    count = vefsn_page.locator("#draw-count")
    expect(count).to_be_focused()
    expect(count).to_have_attribute("aria-invalid", "true")
    expect(count).to_have_value("to")
    assert_accessible(vefsn_page)
