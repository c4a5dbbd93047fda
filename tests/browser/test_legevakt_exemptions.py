"""Kragerø's nødnett applications in a real browser: the kommuneoverlege sees what granting all four
does at GKL (7 → 3, one a vikar), opens one, is stopped by NN-EXEMPT when the period is too long, and
decides it."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import demo_login, log_in

pytestmark = pytest.mark.browser


def test_the_kommuneoverlege_sees_the_impact_and_decides_an_application_within_six_months(page: Page):
    log_in(page, demo_login("4014"))
    page.wait_for_url("**/kommuner/4014")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Legevakt").click()
    expect(page.get_by_role("heading", name="Legevakt og nødnett", level=1)).to_be_visible()
    page.get_by_role("link", name="Se virkningen av å innvilge alle søknadene").click()
    gkl = page.get_by_role("table").filter(has_text="GKL legekontor (")
    december = gkl.get_by_role("row").filter(has_text="desember 2026")
    expect(december).to_contain_text("7 (1 vikar)")
    expect(december).to_contain_text("3 (1 vikar)")
    expect(december).to_contain_text("Mari Helle (vikar)")

    page.get_by_role("link", name="Even Sannidal").click()
    expect(page.get_by_text("for høyst 6 måneder om gangen")).to_be_visible()
    page.get_by_label("Innvilget", exact=True).check()  # the form starts with no choice (DEC-REASONS)
    page.get_by_label("Innvilget til (tomt: som søkt)").fill("2027-06-30")
    page.get_by_label("Begrunnelse").fill("Helsemessige grunner er dokumentert med legeerklæring.")
    page.get_by_label("Vektlegging av beredskap, pasientsikkerhet og arbeidsbelastning").fill(
        "Beredskapen ved GKL er vurdert mot belastningen på de tre som blir igjen."
    )
    page.get_by_role("button", name="Lagre vedtaket").click()
    expect(page.get_by_role("alert")).to_contain_text("NN-EXEMPT")
    expect(page.get_by_role("alert")).to_contain_text("31. mai 2027")

    page.get_by_label("Innvilget til (tomt: som søkt)").fill("2027-05-31")
    page.get_by_role("button", name="Lagre vedtaket").click()
    expect(page.get_by_text("er innvilget (NN-EXEMPT)")).to_be_visible()
    expect(page.get_by_text("fra 1. desember 2026 til 31. mai 2027")).to_be_visible()
