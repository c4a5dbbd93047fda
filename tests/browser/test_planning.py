"""The plan and the statistics in a real browser, as issue 16's «done when»: the Vefsn kommuneoverlege opens
the plan and sees the computed yearly total next to the stated one with the difference, moves a measure in
the økonomiplan series, changes a measure in its form, sends the plan to the SU, sees the overdue revision in
the deadlines, opens the statistics with legevakt use against the benchmark as a chart and the quality
indicators, fetches the yearly report, and compares the municipality with others like it, each named; every
page with a chart or a form passes axe-core and fits a phone's width."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible, assert_fits_phone

pytestmark = pytest.mark.browser


def _checked(page: Page) -> None:
    assert_accessible(page)
    assert_fits_phone(page)


def test_the_kommuneoverlege_follows_the_plan_into_the_deadlines_and_the_statistics(vefsn_page: Page):
    page = vefsn_page
    page.goto("/kommuner/1824/plan")
    totals = page.locator("#summer")
    expect(totals.get_by_role("row", name=re.compile("Årlig"))).to_contain_text("5\u202f618\u202f000 kr")
    expect(totals).to_contain_text("5\u202f384\u202f000 kr")
    expect(totals).to_contain_text("234\u202f000 kr")
    expect(page.get_by_role("img", name=re.compile("Årlige kostnader etter finansiering"))).to_be_visible()
    expect(page.locator("#revisjon")).to_contain_text("Revisjonen er forfalt")
    _checked(page)

    row = page.locator("#serie-okonomiplan + .table-wrap tr", has_text="500 flere plasser")
    row.get_by_label(re.compile("Ny plass")).fill("3")
    row.get_by_role("button", name="Flytt").click()
    expect(page.get_by_text("Prioriteten er endret: Økonomiplan, plass 3.")).to_be_visible()
    expect(
        page.locator("#serie-okonomiplan + .table-wrap tr", has_text="500 flere plasser").locator("td").first
    ).to_have_text("3")
    expect(page.locator("section", has=page.locator("#versjoner"))).to_contain_text("11 → 3")

    page.get_by_role("link", name="Endre tiltak 5 under behov A").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Endre tiltak under behov A")
    page.get_by_label("Status").select_option("Påbegynt")
    page.get_by_label("Framdrift (%)").fill("20")
    _checked(page)
    page.get_by_role("button", name="Lagre tiltaket").click()
    expect(page.get_by_text("Tiltaket under behov A er lagret.")).to_be_visible()
    expect(page.locator("#behov-A-5")).to_contain_text("Påbegynt, 20 %")

    page.get_by_role("button", name="Send planen til utvalget").click()
    expect(page.get_by_role("heading", name="Sende planen til utvalget?")).to_be_visible()  # asked first
    page.get_by_role("button", name="Ja, send planen").click()
    expect(
        page.get_by_text(re.compile(r"Versjon \d+ av planen er sendt til Samarbeidsutvalget i Vefsn"))
    ).to_be_visible()
    expect(page.locator("section", has=page.locator("#samarbeidsutvalget"))).to_contain_text(
        "venter på uttalelse"
    )

    page.goto("/kommuner/1824/frister")
    revision = page.get_by_role("row", name=re.compile("Revisjon av Plan for legetjenesten i Vefsn"))
    expect(revision).to_contain_text("PLAN-REVISION")

    page.goto("/kommuner/1824/statistikk")
    expect(page.get_by_role("img", name=re.compile("Legevaktbruk per år"))).to_be_visible()
    expect(page.get_by_text("Vakttårn-referanse").first).to_be_attached()
    quality = page.locator("#kvalitet ~ .table-wrap").first
    expect(quality.get_by_role("row", name=re.compile("Triage ved ankomst"))).to_contain_text(
        "Ikke rapportert"
    )
    _checked(page)
    report = page.get_by_role("link", name="Årsrapport 2025 (PDF)").get_attribute("href")
    response = page.request.get(report)
    assert response.ok and response.headers["content-type"] == "application/pdf"

    page.goto("/kommuner/1824/kapasitet")
    expect(page.get_by_role("img", name=re.compile("Fastlegenes alder fram i tid"))).to_be_visible()
    _checked(page)
    page.goto("/kommuner/1824")
    expect(page.get_by_role("img", name=re.compile("Listelengde og listetak per avtale"))).to_be_visible()
    _checked(page)
    page.goto("/kommuner/1824/nokkeltall")
    expect(page.get_by_role("img", name=re.compile("Andel pasienter på liste uten lege"))).to_be_visible()
    expect(page.get_by_role("rowheader", name="Nannestad (3238)")).to_be_visible()
    _checked(page)
