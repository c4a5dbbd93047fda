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
