"""The foundation in a real browser: login, the Vefsn overview, an agreement, import, key figures, scoping."""

import dataclasses
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import LiveServer, demo_login, log_in
from tests.support import VEFSN_FILE

pytestmark = pytest.mark.browser

VEFSN = demo_login("1824")
THIN_SPACE = "\u202f"

FIELDS = "input:not([type=hidden]), select, textarea"
UNLABELLED_FIELDS = f"""() => [...document.querySelectorAll("{FIELDS}")]
    .filter(field => field.labels.length === 0 && !field.getAttribute("aria-label"))
    .map(field => field.outerHTML)"""
FIELD_LABELS = f"""() => [...document.querySelectorAll("{FIELDS}")]
    .map(field => field.getAttribute("aria-label")
        || [...field.labels].map(label => label.textContent.trim()).join(" "))"""
IDS = """() => [...document.querySelectorAll("[id]")].map(element => element.id)"""
BACKGROUND = "cell => getComputedStyle(cell).backgroundColor"


def agreement_rows(page: Page) -> Locator:
    return page.get_by_role("table", name=re.compile("^Fastlegeavtaler i Vefsn")).locator("tbody tr")


def key_figures(table: Locator, name: str) -> Locator:
    """The municipality's and the country's value in the row headed `name`."""
    header = table.page.get_by_role("rowheader", name=name, exact=True)
    return table.get_by_role("row").filter(has=header).locator("td")


def duplicates(values: list[str]) -> list[str]:
    return sorted({value for value in values if values.count(value) > 1})


def assert_designsystemet_is_loaded(page: Page, live_server: LiveServer, stylesheets: dict[str, int]) -> None:
    """Without `npm ci` the vendor stylesheets answer 404 and the page falls back to browser defaults."""
    for name in ("designsystemet.css", "designsystemet-theme.css"):
        status = stylesheets.get(live_server.at(f"/static/vendor/{name}"))
        assert status == 200, f"{name} answered {status}; is node_modules installed (npm ci)? {stylesheets}"
    button = page.get_by_role("button", name="Vis")
    assert button.evaluate("b => getComputedStyle(b).getPropertyValue('--dsc-button-size')").strip()
    assert button.evaluate("b => getComputedStyle(b).cursor") == "pointer"
    marked = page.locator("tbody tr.without-gp td").first.evaluate(BACKGROUND)
    plain = page.locator("tbody tr:not(.without-gp) td").first.evaluate(BACKGROUND)
    assert marked != plain, "the lists without a GP do not stand out"


def test_the_kommuneoverlege_logs_in_and_sees_the_vefsn_overview_with_its_15_lists(
    page: Page, live_server: LiveServer
):
    stylesheets: dict[str, int] = {}
    page.on("response", lambda r: stylesheets.update({r.url: r.status}) if r.url.endswith(".css") else None)

    log_in(page, VEFSN)

    page.wait_for_url("**/kommuner/1824")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fastlegeordningen i Vefsn kommune")
    expect(agreement_rows(page)).to_have_count(15)
    without_gp = agreement_rows(page).filter(has_text="Uten fastlege")
    expect(without_gp).to_have_count(2)
    for index in range(2):
        expect(without_gp.nth(index)).to_have_class(re.compile(r"\bwithout-gp\b"))
    expect(page.locator("tr.without-gp")).to_have_count(2)
    cards = page.get_by_role("region", name="Hovedtall")
    expect(cards).to_contain_text("15 fastlegelister")
    expect(cards).to_contain_text("2 uten fastlege")
    expect(cards).to_contain_text("923 gj.sn. listelengde")
    assert_designsystemet_is_loaded(page, live_server, stylesheets)


def test_the_login_works_with_the_keyboard_alone_and_the_skip_link_comes_first(page: Page):
    page.goto("/logg-inn")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Hopp til hovedinnhold")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="legetjeneste", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("E-postadresse")).to_be_focused()
    page.keyboard.type(VEFSN.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Passord")).to_be_focused()
    page.keyboard.type(VEFSN.password)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Logg inn")).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_url("**/kommuner/1824")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hopp til hovedinnhold")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#innhold")).to_be_focused()


def test_a_wrong_password_shows_a_norwegian_message_and_does_not_log_in(page: Page, live_server: LiveServer):
    log_in(page, dataclasses.replace(VEFSN, password="feil-passord"))

    expect(page).to_have_url(live_server.at("/logg-inn"))
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(re.compile(r"passord", re.IGNORECASE))
    for field in (page.get_by_label("E-postadresse"), page.get_by_label("Passord")):
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(alert.inner_text().strip())
    expect(page.get_by_label("E-postadresse")).to_have_value(VEFSN.email)
    expect(page.get_by_role("button", name="Logg ut")).to_have_count(0)
    page.goto("/kommuner/1824")
    expect(page).to_have_url(re.compile(r"/logg-inn\?neste=/kommuner/1824$"))


def test_an_agreement_without_a_gp_shows_it_and_its_former_gp_and_vikar(vefsn_page: Page):
    vefsn_page.goto("/kommuner/1824")
    agreement_rows(vefsn_page).get_by_role("link", name="182414", exact=True).click()

    vefsn_page.wait_for_url("**/avtaler/182414")
    expect(vefsn_page.get_by_role("heading", level=1)).to_have_text("Fastlegeavtale 182414")
    expect(vefsn_page.get_by_text("Uten fastlege", exact=True)).to_be_visible()
    periods = vefsn_page.get_by_role("table", name="Legeperioder på avtale 182414").locator("tbody tr")
    expect(periods).to_have_count(2)
    former_gp = periods.filter(has_text="Bjørn Hattfjell")
    expect(former_gp.get_by_role("cell", name="fastlege", exact=True)).to_be_visible()
    vikar = periods.filter(has_text="Stian Grubben")
    expect(vikar.get_by_role("cell", name="vikar", exact=True)).to_be_visible()


def _broken_vefsn_file(tmp_path: Path) -> Path:
    document = yaml.safe_load(VEFSN_FILE.read_text(encoding="utf-8"))
    document["agreements"][3]["listetak"] = 3000
    document["offices"][0]["organisation_number"] = "123456789"
    document["agreements"][0]["doctor_periods"][0]["doctor"] = "9999999"
    path = tmp_path / "vefsn-med-feil.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_broken_municipality_file_lists_every_problem_and_stores_nothing(vefsn_page: Page, tmp_path: Path):
    vefsn_page.goto("/import")
    vefsn_page.get_by_label("Velg kommunefil").set_input_files(_broken_vefsn_file(tmp_path))
    vefsn_page.get_by_role("button", name="Importer kommunefil").click()

    summary = vefsn_page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("vefsn-med-feil.yaml: 3 feil – ingenting ble lagret")
    expect(summary).to_be_focused()
    problems = summary.get_by_role("listitem")
    expect(problems).to_have_count(3)
    for expected in (
        r"^agreements\[3\]\.listetak: 3000 er over maksimum 2500 \(AGR-LISTETAK\)$",
        r"^offices\[0\]\.organisation_number: «123456789» er ikke et gyldig organisasjonsnummer",
        r"^agreements\[0\]\.doctor_periods\[0\]\.doctor: .*9999999 finnes ikke",
    ):
        expect(problems.filter(has_text=re.compile(expected))).to_have_count(1)

    vefsn_page.goto("/kommuner/1824")
    row = agreement_rows(vefsn_page).filter(has=vefsn_page.get_by_role("link", name="182404", exact=True))
    expect(row.locator("td").nth(3)).to_have_text(f"1{THIN_SPACE}000")


def test_the_key_figures_page_shows_vefsn_next_to_the_country_with_the_ssb_source(vefsn_page: Page):
    vefsn_page.goto("/kommuner/1824/nokkeltall")

    expect(vefsn_page.get_by_role("heading", level=1)).to_contain_text("Nøkkeltall for Vefsn")
    expect(vefsn_page.get_by_text("Kilde: SSB, tabell 12005")).to_be_visible()
    table = vefsn_page.get_by_role("table", name=re.compile("^Nøkkeltall"))
    expect(table.locator("thead th")).to_have_text(["Nøkkeltall", "Vefsn", "Landet"])
    expect(key_figures(table, "Gjennomsnittlig listelengde")).to_have_text(["923", "958"])
    expect(key_figures(table, "Lister uten lege")).to_have_text(["2", "197"])
    expect(key_figures(table, "Andel pasienter på liste uten lege (%)")).to_have_text(["10,2", "2,1"])


def test_a_kragero_agreement_is_not_found_for_the_vefsn_user(vefsn_page: Page):
    response = vefsn_page.goto("/avtaler/401401")

    assert response is not None and response.status == 404
    expect(vefsn_page.get_by_role("heading", level=1)).to_have_text("Finnes ikke")
    alert = vefsn_page.get_by_role("alert")
    expect(alert).to_contain_text(re.compile(r"\b(finnes|fant) ikke\b", re.IGNORECASE))
    expect(vefsn_page.get_by_text(re.compile("Kragerø|Stabbestad"))).to_have_count(0)


@pytest.mark.parametrize(
    "path", ["/logg-inn", "/kommuner/1824", "/avtaler/182414", "/import", "/kommuner/1824/nokkeltall"]
)
def test_every_page_has_one_main_heading_and_distinctly_labelled_fields(vefsn_page: Page, path: str):
    vefsn_page.goto(path)

    expect(vefsn_page.get_by_role("heading", level=1)).to_have_count(1)
    expect(vefsn_page).to_have_title(re.compile(r".+ – legetjeneste$"))
    assert vefsn_page.evaluate(UNLABELLED_FIELDS) == []
    assert duplicates(vefsn_page.evaluate(FIELD_LABELS)) == []
    assert duplicates(vefsn_page.evaluate(IDS)) == []
