"""The monthly basistilskudd in a real browser, as the issue's «done when» (PAY-MONTHLY, ABS-DEDUCT):

Vefsn's kommuneoverlege runs March 2026, opens Eirik Sandnesmo's line and sees the deduction for his
sickness with its paragraph, approves the run and downloads the accounting file; then a late absence is
registered for March, and April's run shows the correction for March.

Approving a month cannot be undone, so this module has a live server and database of its own rather than
the session's shared one; it includes the payments routers if create_app does not have them yet.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, Page, expect

from legetjeneste.db import session_factory
from tests.browser.checks import assert_accessible, assert_fits_phone
from tests.browser.conftest import (
    TIMEOUT_MS,
    LiveServer,
    demo_engine,
    demo_login,
    log_in,
    serve,
)
from tests.browser.test_foundation import IDS, UNLABELLED_FIELDS, duplicates
from tests.payments.four_eyes import one_person_may_approve

pytestmark = pytest.mark.browser

EIRIK, SIRI = "9182404", "9182405"
EIRIK_ROW = (
    "Eirik Sandnesmo;9182404;182404;99991824045;62809,14;12.03.2026;Basistilskudd mars 2026, avtale 182404"
)


@pytest.fixture(scope="module")
def payments_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("payments-browser"))
    # Vefsn lets one person compute and approve here (PAY-FOUR-EYES off): the journey has one login.
    with session_factory(engine)() as session:
        one_person_may_approve(session)
    with serve(engine, "payments-server") as server:
        yield server


@pytest.fixture
def kol_page(browser: Browser, payments_server: LiveServer) -> Iterator[Page]:
    """Vefsn's kommuneoverlege, logged in through the form."""
    context = browser.new_context(base_url=payments_server.url, locale="nb-NO", accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, demo_login("1824"))
    page.wait_for_url("**/kommuner/1824")
    yield page
    context.close()


@dataclass(frozen=True)
class Api:
    request: APIRequestContext
    csrf: str

    def get(self, path: str) -> Any:
        answer = self.request.get(f"/api/v1{path}")
        assert answer.ok, f"GET {path}: {answer.status} {answer.text()}"
        return answer.json()

    def post(self, path: str, body: dict) -> Any:
        answer = self.request.post(f"/api/v1{path}", data=body, headers={"X-CSRF-Token": self.csrf})
        assert answer.ok, f"POST {path}: {answer.status} {answer.text()}"
        return answer.json()

    def register_sickness(self, hpr: str, start: str, end: str) -> None:
        doctor = next(d["id"] for d in self.get("/doctors") if d["hpr_number"] == hpr)
        sickness = {
            "doctor_id": doctor,
            "ground": "own_sickness",
            "start": start,
            "end": end,
            "cover": "none",
        }
        self.post("/absences", sickness)


def api_of(page: Page) -> Api:
    page.goto("/kommuner/1824/utbetalinger")
    csrf = page.locator("input[name=csrf_token]").first.get_attribute("value")
    assert csrf
    return Api(page.context.request, csrf)


def compute(page: Page, month: str) -> None:
    page.goto("/kommuner/1824/utbetalinger")
    page.get_by_label("Måned").fill(month)
    page.get_by_role("button", name="Beregn utkast").click()
    page.wait_for_url(f"**/kommuner/1824/utbetalinger/{month}")


def assert_accessible_form_fields(page: Page) -> None:
    assert page.evaluate(UNLABELLED_FIELDS) == []
    assert duplicates(page.evaluate(IDS)) == []


def test_the_kommuneoverlege_runs_march_approves_it_downloads_the_csv_and_april_corrects_march(
    kol_page: Page,
):
    page = kol_page
    api = api_of(page)
    api.register_sickness(EIRIK, "2026-03-01", "2026-03-20")

    compute(page, "2026-03")
    expect(page.get_by_role("heading", level=1)).to_have_text("Basistilskudd mars 2026 – Vefsn")
    expect(page.get_by_role("status")).to_contain_text("Utkastet for mars 2026 er beregnet.")
    expect(page.locator(".facts")).to_contain_text("Utkast – ikke godkjent")
    assert_accessible_form_fields(page)

    page.get_by_label("Legekontor").select_option(label="Mosjøen legesenter")
    page.get_by_role("button", name="Vis").click()
    page.wait_for_url("**kontor=*")
    lines = page.get_by_role("table", name="Linjene i kjøringen, valgt legekontor")
    eirik = lines.get_by_role("row").filter(has_text="Eirik Sandnesmo")
    expect(eirik).to_have_count(2)
    explanation = eirik.locator("details", has_text="Trekk 17.–20. mars")
    summary = explanation.locator("summary")
    expect(explanation.locator("p").first).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(explanation).to_contain_text("Dag 17 i sammenhengende sykdom, over 16 (ABS-SICK, ASA 4310 § 13.4)")
    expect(explanation.locator("li").first).to_contain_text("Dag 17 i sammenhengende sykdom")
    expect(eirik.filter(has_text="Trekk 17.–20. mars")).to_contain_text("−9\u202f305,06 kr")

    page.get_by_role("link", name="Spesifikasjon for Eirik Sandnesmo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Utbetalingsspesifikasjon – basistilskudd mars 2026"
    )
    expect(page.get_by_role("note")).to_contain_text("Utkast – ikke godkjent.")
    expect(page.get_by_role("table")).to_contain_text("ASA 4310 § 13.4")
    page.get_by_role("link", name="Tilbake til kjøringen").click()

    expect(page.locator("#approve-help")).to_contain_text("En godkjent kjøring kan ikke endres.")
    page.get_by_label("Jeg har kontrollert kjøringen").check()
    page.get_by_role("button", name="Godkjenn").click()
    expect(page.get_by_role("status")).to_contain_text("Kjøringen for mars 2026 er godkjent.")
    expect(page.get_by_role("button", name="Godkjenn")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned regnskapsfil (CSV)").click()
    assert download.value.suggested_filename == "basistilskudd-1824-2026-03.csv"
    content = download.value.path().read_bytes().decode("utf-8")
    assert content.startswith("\ufeffMottaker;HPR-nummer;Avtale;Kontonummer;Beløp;Forfallsdato;Tekst\r\n")
    assert EIRIK_ROW in content.splitlines()

    api.register_sickness(SIRI, "2026-03-02", "2026-03-27")
    compute(page, "2026-04")
    correction = (
        page.get_by_role("table", name="Linjene i kjøringen")
        .get_by_role("row")
        .filter(has_text="Korreksjon for mars 2026 (ABS-SICK)")
    )
    expect(correction).to_have_count(1)
    expect(correction).to_contain_text("Siri Halsøy")
    correction.locator("summary").click()
    expect(correction.locator("details")).to_contain_text("gjelder mars 2026")
    expect(correction.locator("details")).to_contain_text("ASA 4310 § 13.4")


def test_hours_are_replaced_and_deleted_only_after_a_question_that_passes_axe_and_fits_a_phone(
    kol_page: Page,
):
    """Issue 13: what cannot be undone asks first; the month (September 2026) is one no run of this module
    computes."""
    page = kol_page
    hours = "/kommuner/1824/utbetalinger/2026-09/timer"

    def register(amount: str) -> None:
        page.goto(hours)
        page.get_by_label("Lege", exact=True).select_option(label="Siri Halsøy (HPR 9182405)")
        page.get_by_label("Timer").fill(amount)
        page.get_by_role("button", name="Registrer timene").click()

    register("7,5")
    expect(page.get_by_role("status")).to_contain_text("7,50 timer for Siri Halsøy i september 2026")
    register("10")
    expect(page.get_by_role("heading", level=1)).to_have_text("Erstatte timene?")
    expect(page.get_by_text("Vil du erstatte 7,50 timer (kommunale oppgaver)")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    page.get_by_role("button", name="Ja, erstatt timene").click()
    expect(page.get_by_role("status")).to_contain_text("10,00 timer for Siri Halsøy i september 2026")

    row = page.get_by_role("row").filter(has_text="Siri Halsøy")
    row.locator("summary").click()
    expect(row.get_by_text("Timene blir ikke betalt.")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)
    row.get_by_role("button", name="Ja, slett timene").click()
    expect(page.get_by_role("status")).to_contain_text("Timeregistreringen er slettet.")
    expect(page.get_by_text("Ingen timer er registrert for september 2026.")).to_be_visible()
