"""Min side in a real browser, as the issue's «done when»: lege@vefsn.example logs in, lands on Min side,
registers a sick day and sees its counters move (ABS-DEDUCT), and opens his March specification as PDF
(PAY-MONTHLY) — on a phone's width without sideways scrolling, and without axe-core findings.

Approving March cannot be undone, so this module has a live server and database of its own: March 2026 is
approved there through the services, with hours of municipal work for Jonas Brekkan (a salaried GP gets no
basistilskudd, PAY-SALARIED; the hours pay, PAY-DUTY-RATE).
"""

import io
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import today_oslo
from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate
from legetjeneste.payments.runs import service as run_service
from legetjeneste.registry import service as registry_service
from legetjeneste.settings import get_settings
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, log_in, serve
from tests.conftest import skip_or_fail
from tests.support import VEFSN_APPROVER

pytestmark = pytest.mark.browser

GP = next(login for login in DEMO_LOGINS if login.email == "lege@vefsn.example")
MARCH = date(2026, 3, 1)
PHONE = {"width": 360, "height": 740}
WIDTHS = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
SICK_RUN = "Lengste sammenhengende sykeperiode"
SECTION_13_4 = "Fravær etter § 13.4 i alt"


def approve_march_with_hours(engine) -> None:
    with session_factory(engine)() as session:
        jonas = next(
            d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == GP.doctor
        )
        hours = DutyHoursCreate(doctor_id=jonas, month="2026-03", hours=Decimal("12"), description="Sykehjem")
        duty_service.register_duty_hours(session, actor=SYSTEM, data=hours)
        run = run_service.compute_run(session, actor=SYSTEM, municipality_number="1824", month=MARCH)
        run_service.approve_run(
            session, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH, version=run.version
        )


@pytest.fixture(scope="module")
def min_side_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("min-side-browser"))
    approve_march_with_hours(engine)
    with serve(engine, "min-side-server") as server:
        yield server


def gp_page(browser: Browser, server: LiveServer, **options) -> Page:
    context = browser.new_context(base_url=server.url, locale="nb-NO", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, GP)
    page.wait_for_url("**/min-side")
    return page


@pytest.fixture
def page(browser: Browser, min_side_server: LiveServer) -> Iterator[Page]:
    page = gp_page(browser, min_side_server)
    yield page
    page.context.close()


def counter(page: Page, label: str) -> int:
    table = page.get_by_role("table", name=re.compile("Fraværstellerne dine"))
    row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=label, exact=True))
    return int(row.locator("td").first.inner_text())


def test_the_gp_registers_a_sick_day_on_min_side_and_sees_the_counters_move(page: Page):
    expect(page.get_by_role("heading", level=1)).to_have_text("Min side")
    expect(page.get_by_role("heading", name="Mine fastlegeavtaler")).to_be_visible()
    before = counter(page, SICK_RUN), counter(page, SECTION_13_4)

    page.get_by_role("link", name="Registrer fravær").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrer fravær")
    expect(page.get_by_text("Fraværet gjelder deg: Jonas Brekkan")).to_be_visible()
    expect(page.get_by_label("Lege", exact=True)).to_have_count(0)
    page.get_by_label("Fraværsgrunn (ASA 4310 § 13)").select_option(label="egen sykdom")
    today = today_oslo().isoformat()
    page.get_by_label("Første fraværsdag").fill(today)
    page.get_by_label("Siste fraværsdag").fill(today)
    page.get_by_role("button", name="Registrer fraværet").click()

    page.wait_for_url("**/min-side#mitt-fravaer")
    expect(page.get_by_role("status")).to_contain_text("Fraværet er registrert.")
    assert (counter(page, SICK_RUN), counter(page, SECTION_13_4)) == (before[0] + 1, before[1] + 1)
    mine = page.get_by_role("table", name=re.compile("Fraværet ditt"))
    expect(mine.get_by_role("link", name="Egen sykdom")).to_have_count(1)


def test_the_gp_opens_his_march_specification_and_its_pdf(page: Page):
    payments = page.locator("#mine-utbetalinger")
    expect(payments.get_by_role("rowheader", name="Mars 2026")).to_be_visible()
    payments.get_by_role("link", name="Spesifikasjon mars 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Utbetalingsspesifikasjon – basistilskudd mars 2026"
    )
    expect(page.get_by_role("table")).to_contain_text("PAY-SALARIED")
    expect(page.get_by_role("link", name="Tilbake til Min side")).to_be_visible()
    expect(page.get_by_role("link", name="Tilbake til kjøringen")).to_have_count(0)

    pdf_link = page.get_by_role("link", name="Last ned som PDF").get_attribute("href")
    answer = page.context.request.get(pdf_link)
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.body())).pages)
    assert "Jonas Brekkan" in text and "mars 2026" in text and "Utkast" not in text


def test_the_calendar_panel_gives_a_webcal_link_and_copies_the_address(browser: Browser, min_side_server):
    page = gp_page(browser, min_side_server, permissions=["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Lag abonnementslenker").click()
    subscribe = page.get_by_role("link", name=re.compile("^Abonner på mine legevakt"))
    expect(subscribe).to_have_attribute(
        "href", re.compile(r"^webcal://127\.0\.0\.1:\d+/api/v1/doctors/\d+/roster\.ics\?token=")
    )
    page.get_by_role("button", name=re.compile("^Kopier adressen til mine legevakt")).click()
    expect(page.get_by_role("status").filter(has_text="Adressen er kopiert.")).to_have_count(1)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "http://" + subscribe.get_attribute("href").removeprefix("webcal://")
    page.set_viewport_size(PHONE)
    assert page.evaluate(WIDTHS)[0] <= PHONE["width"], "the addresses widen a phone's page"
    page.context.close()


@pytest.mark.parametrize("path", ["/min-side", "/fravaer/ny", "/min-kalender"])
def test_min_side_fits_a_phone_without_sideways_scrolling(browser: Browser, min_side_server, path: str):
    page = gp_page(browser, min_side_server, viewport=PHONE)
    page.goto(path)
    widths = page.evaluate(WIDTHS)
    page.context.close()
    assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px phone"


def axe_findings(page: Page, axe: str) -> list[str]:
    """What axe-core finds on the page as it is now (evaluated through the DevTools protocol, which the
    pages' Content-Security-Policy does not govern)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe)
    found = page.evaluate("axe.run(document).then(r => r.violations.map(v => `${v.id}: ${v.help}`))")
    return [f"{page.url}: {item}" for item in found]


def test_min_side_its_form_its_specification_and_its_calendar_links_have_no_axe_core_findings(
    browser: Browser, min_side_server
):
    axe = get_settings().assets_dir / "axe-core" / "axe.min.js"
    if not axe.is_file():
        skip_or_fail(f"axe-core is not installed ({axe}); it comes from the npm registry at set-up")
    source = axe.read_text(encoding="utf-8")
    page = gp_page(browser, min_side_server)
    found = axe_findings(page, source)
    page.locator("#mine-utbetalinger").get_by_role("link", name="Spesifikasjon mars 2026").click()
    found += axe_findings(page, source)
    page.goto("/fravaer/ny")
    found += axe_findings(page, source)
    page.goto("/min-side")
    page.get_by_role("button", name=re.compile("abonnementslenker")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Min kalender")
    found += axe_findings(page, source)
    page.context.close()
    assert found == []
