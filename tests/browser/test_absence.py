"""Absence and the GP panel in a real browser, as new users on the demo data (ABS-*, HN-*, SU-VACATION).

The office administrator of Mosjøen legesenter registers Eirik Sandnesmo's summer vacation and sets up the
panel for it; the panel preview shows what the citizens see; the SU sees the vacation in its overview.

The live server is shared by the whole session. What this module changes (Eirik Sandnesmo's vacation,
his absence assistant and digital services, Lars Drevja's sick week, Marte Elsfjord's course day) is set up
through the JSON API where a test needs it and did not make it itself, and undone at the end of the module.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, BrowserContext, Locator, Page, expect

from legetjeneste.demo import DEMO_LOGINS, MOSJOEN_LEGESENTER, DemoLogin
from tests.browser.conftest import TIMEOUT_MS, LiveServer, log_in
from tests.browser.test_foundation import IDS, UNLABELLED_FIELDS, duplicates

pytestmark = pytest.mark.browser

OFFICE_ADMIN = next(login for login in DEMO_LOGINS if login.role == "office_admin")
SU_MEMBER = next(login for login in DEMO_LOGINS if login.role == "su_member")

EIRIK, ANDERS, LARS, MARTE = "9182404", "9182407", "9182408", "9182409"
EIRIK_AGREEMENT = 182404
VACATION = (date(2026, 7, 6), date(2026, 7, 26))
SICK_WEEK = (date(2026, 8, 10), date(2026, 8, 14))
# Day and month alike, so typing the digits works whether the browser shows dd.mm.yyyy or mm/dd/yyyy.
COURSE_DAY = date(2026, 9, 9)
ASSISTED = ("booking", "prescription_renewal", "e_contact")
MOSJOEN_NOTICE = "Legesenteret har redusert bemanning i fellesferien 29. juni–9. august."
PANEL_LINKS = ("Se informasjon om fastlegen din", "Se alle helsekontaktene dine")
BY_ANDERS = "Anders Øyfjell, kollega av fastlegen din, til og med 26. juli 2026."


@dataclass(frozen=True)
class Api:
    """The JSON API with a browser context's session cookie; writes send the session's CSRF token."""

    request: APIRequestContext
    csrf: str

    def get(self, path: str, **params: str) -> Any:
        answer = self.request.get(f"/api/v1{path}", params=params)
        assert answer.ok, f"GET {path}: {answer.status} {answer.text()}"
        return answer.json()

    def send(self, method: str, path: str, body: dict | None = None) -> Any:
        answer = self.request.fetch(
            f"/api/v1{path}", method=method, data=body, headers={"X-CSRF-Token": self.csrf}
        )
        assert answer.ok, f"{method} {path}: {answer.status} {answer.text()}"
        return None if answer.status == 204 else answer.json()


def _context(browser: Browser, live_server: LiveServer, state: dict | None = None) -> BrowserContext:
    context = browser.new_context(base_url=live_server.url, locale="nb-NO", storage_state=state)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _storage_state(browser: Browser, live_server: LiveServer, login: DemoLogin) -> dict:
    context = _context(browser, live_server)
    page = context.new_page()
    log_in(page, login)
    start = "/mitt-kontor" if login.role == "office_admin" else f"/kommuner/{login.municipality_number}"
    page.wait_for_url(f"**{start}")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture(scope="module")
def office_admin_state(browser: Browser, live_server: LiveServer) -> dict:
    return _storage_state(browser, live_server, OFFICE_ADMIN)


@pytest.fixture(scope="module")
def su_state(browser: Browser, live_server: LiveServer) -> dict:
    return _storage_state(browser, live_server, SU_MEMBER)


@pytest.fixture
def office_admin_page(browser: Browser, live_server: LiveServer, office_admin_state: dict) -> Iterator[Page]:
    """A page logged in as the office administrator of Mosjøen legesenter."""
    context = _context(browser, live_server, office_admin_state)
    yield context.new_page()
    context.close()


@pytest.fixture
def su_page(browser: Browser, live_server: LiveServer, su_state: dict) -> Iterator[Page]:
    """A page logged in as a member of Vefsn's SU."""
    context = _context(browser, live_server, su_state)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def api(browser: Browser, live_server: LiveServer, office_admin_state: dict) -> Iterator[Api]:
    """The office administrator on the JSON API; at the end of the module the demo is put back."""
    context = _context(browser, live_server, office_admin_state)
    page = context.new_page()
    page.goto("/fravaer/ny")
    csrf = page.locator("input[name=csrf_token]").first.get_attribute("value")
    assert csrf, "the form has no csrf_token"
    found = Api(context.request, csrf)
    yield found
    _reset_eirik(found)
    for hpr, start in ((LARS, SICK_WEEK[0]), (MARTE, COURSE_DAY)):
        _remove_absences(found, hpr, start)
    context.close()


def _doctor_id(api: Api, hpr: str) -> int:
    return next(d["id"] for d in api.get("/doctors") if d["hpr_number"] == hpr)


def _mosjoen_office_id(api: Api) -> int:
    return next(o["id"] for o in api.get("/offices") if o["organisation_number"] == MOSJOEN_LEGESENTER)


def _remove_absences(api: Api, hpr: str, start: date) -> None:
    for absence in api.get("/absences", doctor_id=str(_doctor_id(api, hpr)), **{"from": start.isoformat()}):
        api.send("DELETE", f"/absences/{absence['id']}")


def _reset_eirik(api: Api) -> None:
    """Eirik Sandnesmo as in the demo: no summer absence, no absence assistant, every service on."""
    _remove_absences(api, EIRIK, date(2026, 6, 1))
    for entry in api.get(f"/agreements/{EIRIK_AGREEMENT}/absence-assistant"):
        api.send("DELETE", f"/absence-assistant/{entry['id']}")
    settings = ("offers_digital_services", "booking", "e_consultation", "prescription_renewal", "e_contact")
    services = dict.fromkeys(settings, True)
    api.send("PUT", f"/agreements/{EIRIK_AGREEMENT}/digital-services", services)


@pytest.fixture
def eirik_away(api: Api) -> None:
    """What the first test sets up through the pages, made sure of whatever order the tests run in."""
    start, end = (day.isoformat() for day in VACATION)
    eirik = _doctor_id(api, EIRIK)
    if not any(a["start"] == start and a["end"] == end for a in api.get("/absences", doctor_id=str(eirik))):
        vacation = {
            "doctor_id": eirik,
            "ground": "ordinary",
            "start": start,
            "end": end,
            "cover": "collegial",
        }
        api.send("POST", "/absences", vacation)
    anders = _doctor_id(api, ANDERS)
    entries = api.get(f"/agreements/{EIRIK_AGREEMENT}/absence-assistant")
    if not any(e["colleague_doctor_id"] == anders and e["start"] == start for e in entries):
        assistant = {"colleague_doctor_id": anders, "services": list(ASSISTED), "start": start, "end": end}
        api.send("POST", f"/agreements/{EIRIK_AGREEMENT}/absence-assistant", assistant)
    api.send("PUT", f"/agreements/{EIRIK_AGREEMENT}/digital-services", {"e_consultation": False})


@pytest.fixture
def lars_sick(api: Api) -> None:
    """A week of own sickness in August: health data the SU must not see (ABS-TYPES)."""
    start, end = (day.isoformat() for day in SICK_WEEK)
    lars = _doctor_id(api, LARS)
    if not any(a["start"] == start for a in api.get("/absences", doctor_id=str(lars))):
        sickness = {
            "doctor_id": lars,
            "ground": "own_sickness",
            "start": start,
            "end": end,
            "cover": "collegial",
        }
        api.send("POST", "/absences", sickness)


def main_heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def flash(page: Page) -> Locator:
    return page.get_by_role("status")


def panel_card(page: Page, gp_name: str) -> Locator:
    return page.get_by_role("region", name=f"Fastlegen din er {gp_name}")


def service_line(card: Locator, name: str) -> Locator:
    return card.get_by_role("listitem").filter(has_text=re.compile(f"^{name}:"))


def agreement_card(page: Page, agreement_id: int, gp_name: str) -> Locator:
    return page.get_by_role("region", name=f"Avtale {agreement_id} – {gp_name}")


def test_the_office_administrator_registers_a_summer_vacation_and_sets_up_the_panel_for_it(
    office_admin_page: Page, api: Api
):
    _reset_eirik(api)
    page = office_admin_page
    page.goto("/")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Fravær").click()
    page.get_by_role("link", name="Registrer fravær").click()
    expect(main_heading(page)).to_have_text("Registrer fravær")
    page.get_by_label("Lege", exact=True).select_option(label="Eirik Sandnesmo (Mosjøen legesenter)")
    page.get_by_label("Fraværsgrunn").select_option(label="ferie eller annet ordinært fravær")
    page.get_by_label("Første fraværsdag").fill(VACATION[0].isoformat())
    page.get_by_label("Siste fraværsdag").fill(VACATION[1].isoformat())
    page.get_by_label("Dekning", exact=True).select_option(label="kollegial fraværsordning")
    page.get_by_role("button", name="Registrer fraværet").click()

    expect(flash(page)).to_contain_text("Fraværet er registrert.")
    expect(flash(page)).to_contain_text(
        "Varslet kommunen: Lengre fravær uten vikar: Eirik Sandnesmo (Mosjøen legesenter)"
    )
    expect(main_heading(page)).to_have_text("Fravær for Eirik Sandnesmo")
    expect(page.get_by_text("Mosjøen legesenter · avtale 182404 · 21 dager")).to_be_visible()

    page.get_by_role("link", name="182404", exact=True).click()
    page.get_by_role("link", name="Mosjøen legesenter", exact=True).click()
    page.get_by_role("link", name=re.compile("^Fastlegepanelet: ")).click()
    expect(main_heading(page)).to_have_text("Fastlegepanelet ved Mosjøen legesenter")
    warnings = page.get_by_role("region", name=re.compile("^Advarsler"))
    expect(warnings).not_to_contain_text("Avtale 182404")

    card = agreement_card(page, EIRIK_AGREEMENT, "Eirik Sandnesmo")
    card.locator("summary", has_text="Legg til fraværsassistent").click()
    card.get_by_label("Kollega som besvarer tjenestene").select_option(label="Anders Øyfjell (HPR 9182407)")
    services = card.get_by_role("group", name="Tjenester kollegaen besvarer")
    for name in ("Timebestilling", "Reseptfornyelse", "E-kontakt"):
        services.get_by_label(name, exact=True).check()
    card.get_by_label("Fra og med").fill(VACATION[0].isoformat())
    card.get_by_label("Til og med").fill(VACATION[1].isoformat())
    card.get_by_role("button", name="Legg til fraværsassistent for avtale 182404").click()

    expect(flash(page)).to_have_text(
        "Anders Øyfjell er fraværsassistent for timebestilling, reseptfornyelse og e-kontakt "
        "på avtale 182404."
    )
    card = agreement_card(page, EIRIK_AGREEMENT, "Eirik Sandnesmo")
    assistants = card.get_by_role("table", name="Fraværsassistent for avtale 182404").locator("tbody tr")
    expect(assistants).to_have_count(1)
    expect(assistants.locator("td").nth(0)).to_have_text("Anders Øyfjell")
    expect(assistants.locator("td").nth(2)).to_have_text("06.07.2026–26.07.2026")

    digital = card.get_by_role("group", name="Digitale tjenester på Helsenorge for avtale 182404")
    digital.get_by_label("E-konsultasjon", exact=True).uncheck()
    card.get_by_role("button", name="Lagre tjenestene for avtale 182404").click()

    expect(flash(page)).to_contain_text("De digitale tjenestene for avtale 182404 er lagret.")
    keep_on = "Avtale 182404 (Eirik Sandnesmo): e-konsultasjon er slått av."
    expect(flash(page)).to_contain_text(f"Advarsel: {keep_on}")
    warning = warnings.locator(".ds-alert").filter(has_text="Avtale 182404")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text(re.compile(rf"^\s*HN-KEEP-ON\s+{re.escape(keep_on)}"))
    digital = agreement_card(page, EIRIK_AGREEMENT, "Eirik Sandnesmo").get_by_role(
        "group", name="Digitale tjenester på Helsenorge for avtale 182404"
    )
    expect(digital.get_by_label("E-konsultasjon", exact=True)).not_to_be_checked()
    expect(digital.get_by_label("Timebestilling", exact=True)).to_be_checked()


def test_the_panel_inside_the_vacation_shows_the_colleague_the_office_notice_and_no_e_consultation(
    office_admin_page: Page, eirik_away: None
):
    page = office_admin_page
    page.goto("/avtaler/182404/fastlegepanel?dato=2026-07-15")

    card = panel_card(page, "Eirik Sandnesmo")
    expect(card.get_by_role("heading", level=2)).to_have_text("Fastlegen din er Eirik Sandnesmo")
    expect(card).to_contain_text("Fastlegen din er borte til og med 26. juli 2026.")
    expect(card.get_by_role("link", name="Bestill time")).to_be_visible()
    expect(service_line(card, "Timebestilling")).to_have_text(f"Timebestilling: Bestill time hos {BY_ANDERS}")
    for name in ("Reseptfornyelse", "E-kontakt"):
        expect(service_line(card, name)).to_have_text(f"{name}: Besvares av {BY_ANDERS}")
    expect(card.get_by_text("E-konsultasjon")).to_have_count(0)
    expect(card.get_by_role("heading", name="Informasjon fra legekontoret")).to_be_visible()
    expect(card.get_by_text(MOSJOEN_NOTICE)).to_be_visible()
    for link in PANEL_LINKS:
        expect(card.get_by_role("link", name=link)).to_be_visible()
    staff = page.get_by_role("table", name="Hvem besvarer tjenestene 15. juli 2026")
    expect(staff.get_by_role("row", name=re.compile("^E-konsultasjon"))).to_contain_text("slått av")


def test_the_panel_answers_with_the_colleague_on_the_last_day_and_with_the_gp_the_day_after(
    office_admin_page: Page, eirik_away: None
):
    page = office_admin_page
    page.goto("/avtaler/182404/fastlegepanel?dato=2026-07-26")
    card = panel_card(page, "Eirik Sandnesmo")
    expect(service_line(card, "Timebestilling")).to_have_text(f"Timebestilling: Bestill time hos {BY_ANDERS}")

    page.get_by_label("Vis panelet for dato").fill("2026-07-27")
    page.get_by_role("button", name="Vis", exact=True).click()

    expect(page).to_have_url(re.compile(r"/avtaler/182404/fastlegepanel\?dato=2026-07-27$"))
    card = panel_card(page, "Eirik Sandnesmo")
    expect(card).not_to_contain_text("borte")
    expect(service_line(card, "Timebestilling")).to_have_text(
        "Timebestilling: Bestill time hos fastlegen din."
    )
    for name in ("Reseptfornyelse", "E-kontakt"):
        expect(service_line(card, name)).to_have_text(f"{name}: Besvares av fastlegen din.")
    expect(card.get_by_text(MOSJOEN_NOTICE)).to_be_visible()
    staff = page.get_by_role("table", name="Hvem besvarer tjenestene 27. juli 2026")
    expect(staff.get_by_role("row", name=re.compile("^Timebestilling"))).to_contain_text(
        "fastlegen Eirik Sandnesmo"
    )


def test_without_an_absence_assistant_booking_has_no_free_hours_and_messages_wait_until_after(
    vefsn_page: Page,
):
    vefsn_page.goto("/avtaler/182410/fastlegepanel?dato=2026-07-20")

    card = panel_card(vefsn_page, "Petter Mjåvatn")
    expect(card).to_contain_text("Fastlegen din er borte til og med 2. august 2026.")
    expect(service_line(card, "Timebestilling")).to_have_text(
        "Timebestilling: Ingen ledige timer fra 13. juli til og med 2. august 2026. "
        "Du kan bestille time fra mandag 3. august 2026."
    )
    for name in ("Reseptfornyelse", "E-kontakt"):
        expect(service_line(card, name)).to_have_text(
            f"{name}: Fastlegen din er borte fra 13. juli til og med 2. august 2026. "
            "Meldinger besvares fra mandag 3. august 2026."
        )
    staff = vefsn_page.get_by_role("table", name="Hvem besvarer tjenestene 20. juli 2026")
    for name in ("Timebestilling", "Reseptfornyelse", "E-kontakt"):
        row = staff.get_by_role("row", name=re.compile(f"^{name}"))
        expect(row.locator("td")).to_have_text(["ingen dekning", "HN-NO-COVER"])


def _week(table: Locator, number: int) -> Locator:
    return table.locator("tbody").filter(has_text=re.compile(rf"^\s*uke {number} \("))


def test_the_su_sees_the_vacation_week_by_week_with_its_cover_and_no_sickness_grounds(
    su_page: Page, eirik_away: None, lars_sick: None
):
    su_page.goto("/kommuner/1824/ferieoversikt?fra=2026-07-01&til=2026-08-31")

    expect(main_heading(su_page)).to_have_text("Ferieoversikt for Vefsn kommune")
    table = su_page.get_by_role("table", name="Fravær og dekning per uke ved Mosjøen legesenter")
    for week in (28, 29, 30):
        eirik = _week(table, week).get_by_role("row").filter(has_text="Eirik Sandnesmo")
        expect(eirik).to_have_count(1)
        expect(eirik.locator("td")).to_have_text(
            [
                "Eirik Sandnesmo",
                "6.–26. juli",
                "ferie eller ordinært fravær",
                "Anders Øyfjell (kollegial fraværsordning)",
            ]
        )
    for week in (27, 31):
        expect(_week(table, week)).not_to_contain_text("Eirik Sandnesmo")
    lars = _week(table, 33).get_by_role("row").filter(has_text="Lars Drevja")
    expect(lars.locator("td").nth(2)).to_have_text("annet fravær")
    expect(su_page.locator("main")).not_to_contain_text(re.compile("syk", re.IGNORECASE))


def test_the_su_downloads_the_vacation_overview_as_csv_without_sickness_grounds(
    su_page: Page, eirik_away: None, lars_sick: None
):
    su_page.goto("/kommuner/1824/ferieoversikt?fra=2026-07-01&til=2026-08-31")

    with su_page.expect_download() as download:
        su_page.get_by_role("link", name="Last ned som CSV (for Excel)").click()

    assert download.value.suggested_filename == "ferieoversikt-1824-2026-07-01-2026-08-31.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Legekontor;Uke;Lege;Fra;Til;Fravær;Dekning;Merknad"
    eirik = [line for line in lines if ";Eirik Sandnesmo;" in line]
    assert [line.split(";")[1].split(" (")[0] for line in eirik] == ["uke 28", "uke 29", "uke 30"]
    assert all(
        line.endswith(
            ";06.07.2026;26.07.2026;ferie eller ordinært fravær;Anders Øyfjell (kollegial fraværsordning);"
        )
        for line in eirik
    )
    assert any(";Lars Drevja;10.08.2026;14.08.2026;annet fravær;" in line for line in lines)
    assert "syk" not in text.lower()


@pytest.fixture
def no_course_for_marte(api: Api) -> Iterator[None]:
    _remove_absences(api, MARTE, COURSE_DAY)
    yield
    _remove_absences(api, MARTE, COURSE_DAY)


def _is_focused(field: Locator) -> bool:
    return field.evaluate("element => element === document.activeElement")


def _tab_to(page: Page, field: Locator, *, most: int = 20) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if _is_focused(field):
            return
    raise AssertionError(f"Tab never reached {field}")


def _tab_out_of(page: Page, field: Locator) -> None:
    """Tab until the focus leaves the field: a date field takes a Tab per part (day, month, year)."""
    for _ in range(4):
        page.keyboard.press("Tab")
        if not _is_focused(field):
            return
    raise AssertionError(f"Tab does not leave {field}")


def test_the_absence_form_is_filled_and_submitted_with_the_keyboard_alone(
    office_admin_page: Page, no_course_for_marte: None
):
    page = office_admin_page
    page.goto("/fravaer/ny")
    doctor = page.get_by_label("Lege", exact=True)
    _tab_to(page, doctor)
    page.keyboard.type("Marte")
    expect(doctor.locator("option:checked")).to_have_text("Marte Elsfjord (Mosjøen legesenter)")
    in_order = [
        (page.get_by_label("Fraværsgrunn (ASA 4310 § 13)"), "kurs"),
        (page.get_by_label("Første fraværsdag"), COURSE_DAY.strftime("%d%m%Y")),
        (page.get_by_label("Siste fraværsdag"), COURSE_DAY.strftime("%d%m%Y")),
        (page.get_by_label("Dekning", exact=True), "kollegial"),
        (page.get_by_label("Vikar (ved egen vikar eller vikar fra kommunen)"), ""),
        (page.get_by_label("Antall barn legen har omsorg for"), ""),
        (page.get_by_label("Barnet er kronisk sykt eller funksjonshemmet"), ""),
        (page.get_by_label("Legen er alene om omsorgen"), ""),
        (page.get_by_role("button", name="Registrer fraværet"), ""),
    ]
    current = doctor
    for field, keys in in_order:
        _tab_out_of(page, current)
        expect(field).to_be_focused()
        page.keyboard.type(keys)
        current = field
    expect(page.get_by_label("Fraværsgrunn (ASA 4310 § 13)")).to_have_value("course")
    expect(page.get_by_label("Første fraværsdag")).to_have_value(COURSE_DAY.isoformat())
    expect(page.get_by_label("Siste fraværsdag")).to_have_value(COURSE_DAY.isoformat())
    page.keyboard.press("Enter")

    expect(flash(page)).to_contain_text("Fraværet er registrert.")
    expect(main_heading(page)).to_have_text("Fravær for Marte Elsfjord")
    expect(page.get_by_label("Fraværsgrunn (ASA 4310 § 13)").locator("option:checked")).to_have_text(
        "kurs og tjeneste for spesialistgodkjenning"
    )


def test_a_refused_absence_keeps_what_was_typed_and_says_why(office_admin_page: Page):
    page = office_admin_page
    page.goto("/fravaer/ny")
    page.get_by_label("Lege", exact=True).select_option(label="Marte Elsfjord (Mosjøen legesenter)")
    page.get_by_label("Første fraværsdag").fill("2026-09-18")
    page.get_by_label("Siste fraværsdag").fill("2026-09-14")
    page.get_by_role("button", name="Registrer fraværet").click()

    alert = page.get_by_role("alert")
    expect(alert.get_by_role("heading")).to_have_text("Fraværet ble ikke lagret")
    expect(alert).to_contain_text("sluttdatoen er før startdatoen")
    expect(alert).to_be_focused()
    expect(page.get_by_label("Første fraværsdag")).to_have_value("2026-09-18")
    expect(page.get_by_label("Lege", exact=True).locator("option:checked")).to_have_text(
        "Marte Elsfjord (Mosjøen legesenter)"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/fravaer/ny",
        "/kommuner/1824/fravaer",
        "/kontorer/{mosjoen}/fastlegepanel",
        "/avtaler/182404/fastlegepanel?dato=2026-07-15",
        "/kommuner/1824/ferieoversikt?fra=2026-07-01&til=2026-08-31",
    ],
)
def test_every_absence_page_has_one_main_heading_and_a_label_on_every_field(
    office_admin_page: Page, api: Api, path: str
):
    office_admin_page.goto(path.format(mosjoen=_mosjoen_office_id(api)))

    expect(main_heading(office_admin_page)).to_have_count(1)
    expect(office_admin_page).to_have_title(re.compile(r".+ – legetjeneste$"))
    assert office_admin_page.evaluate(UNLABELLED_FIELDS) == []
    assert duplicates(office_admin_page.evaluate(IDS)) == []
