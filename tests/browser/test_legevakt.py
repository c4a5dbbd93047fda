"""The Vefsn legevakt roster in a real browser, as the issue's «done when»: the kommuneoverlege solves the
second half of 2027 from the page, follows the job while it runs, sees every doctor's counts against the
fair target and the summer frequency, publishes, grants a GP an exemption for September and re-plans
with few changes, publishes again, and the GP's calendar feed URL serves the GP's shifts.

Publishing cannot be undone, so this module has a live server and database of its own.
"""

from collections.abc import Iterator
from datetime import date

import icalendar
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.db import session_factory
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.registry.models import Doctor
from tests.browser.checks import assert_accessible, assert_fits_phone
from tests.browser.conftest import (
    TIMEOUT_MS,
    LiveServer,
    demo_engine,
    demo_login,
    log_in,
    serve,
)

pytestmark = pytest.mark.browser
SOLVE_SECONDS = 5


@pytest.fixture(scope="module")
def roster_server(sqlite_template, tmp_path_factory) -> Iterator[tuple[LiveServer, object, int, str]]:
    """The demo data, a GP user with an API token for the feed, served by uvicorn in a thread."""
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("roster-browser"))
    factory = session_factory(engine)
    with factory() as session:
        _, token = auth_service.add_user(
            session,
            email="fastlege@vefsn.example",
            role="doctor",
            municipality_number="1824",
            with_token=True,
        )
    with factory() as session:
        scheme_id = roster_service.find_scheme(
            session, actor=SYSTEM, reference="legevakt", municipality_number="1824"
        )
    with serve(engine, "roster-server") as server:
        yield server, engine, scheme_id, token


@pytest.fixture
def kol_page(browser: Browser, roster_server) -> Iterator[Page]:
    server = roster_server[0]
    context = browser.new_context(base_url=server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, demo_login("1824"))
    page.wait_for_url("**/kommuner/1824")
    yield page
    context.close()


def test_the_kommuneoverlege_solves_vefsn_for_the_second_half_of_2027_publishes_and_a_gp_subscribes(
    kol_page: Page, roster_server
):
    _, engine, scheme_id, token = roster_server
    page = kol_page
    page.goto(f"/ordninger/{scheme_id}/vaktlister")
    page.get_by_label("Fra").fill("2027-07-01")
    page.get_by_label("Til").fill("2027-12-31")
    page.get_by_label("Tidsgrense (sekunder)").fill(str(SOLVE_SECONDS))
    page.get_by_role("button", name="Lag vaktliste").click()

    page.wait_for_url("**/vaktlistejobber/*")
    expect(page.get_by_role("heading", name="Vaktliste for Vefsn")).to_be_visible()
    page.wait_for_url("**/vaktlister/*", timeout=(SOLVE_SECONDS + 30) * 1000)

    table = page.locator("#per-lege")
    expect(table).to_be_visible()
    # 12 GPs and a LIS1 in the scheme, but Thomas Kvalvik leaves it when his notice period ends 2027-02-28
    expect(table.locator("tbody tr")).to_have_count(12)
    expect(table).to_contain_text("mål")
    expect(table).to_contain_text("Sommer:")
    expect(page.get_by_text("dobbelt så ofte")).to_be_visible()
    expect(page.get_by_text("Hvordan reglene er fulgt")).to_be_visible()
    expect(page.locator("figure.chart svg")).to_be_visible()
    for gone in (", grense", "bevist optimal", "startverdi", "Avstand til grensen", "kostnad"):
        expect(page.locator("main")).not_to_contain_text(gone)
    assert_fits_phone(page)
    assert_accessible(page)
    page.get_by_role("link", name="Juli 2027").click()
    expect(page.get_by_role("columnheader", name="Uke")).to_be_visible()
    assert_fits_phone(page)
    assert_accessible(page)
    page.get_by_role("navigation", name="Visninger av vaktlisten").get_by_role(
        "link", name="Hele vaktlisten"
    ).click()

    # Publishing asks first (issue 13): the question says what follows, and only «Ja» publishes.
    page.locator("summary", has_text="Publiser vaktlisten").click()
    expect(page.get_by_text("Vaktlisten blir den gjeldende for perioden")).to_be_visible()
    expect(page.get_by_text("Den erstatter ingen publisert versjon")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ja, publiser vaktlisten").click()
    expect(page.get_by_text("er publisert og kan ikke lenger endres")).to_be_visible()
    expect(page.get_by_role("button", name="Planlegg på nytt med færrest mulig endringer")).to_be_visible()

    with session_factory(engine)() as session:
        first = session.scalars(select(Roster).where(Roster.status == "published")).one()
        doctor_id, _ = _busiest(session, first.id)
        before = {a.shift_key: a.doctor_id for a in first.assignments}
    _grant_september(engine, scheme_id, doctor_id)

    page.get_by_role("button", name="Planlegg på nytt med færrest mulig endringer").click()
    page.wait_for_url("**/vaktlistejobber/*")
    page.wait_for_url("**/vaktlister/*", timeout=40_000)
    expect(page.get_by_role("heading", name="Endringer fra versjon 1")).to_be_visible()
    page.wait_for_load_state("networkidle")  # no late navigation from the job page takes the click
    page.locator("summary", has_text="Publiser vaktlisten").click()
    expect(page.get_by_text("Den publiserte versjonen den planlegger på nytt, erstattes")).to_be_visible()
    page.get_by_role("button", name="Ja, publiser vaktlisten").click()
    expect(page.get_by_text("Versjon 2 av vaktlisten er publisert")).to_be_visible()

    with session_factory(engine)() as session:
        second = session.scalars(select(Roster).where(Roster.status == "published")).one()
        mine = session.scalars(
            select(RosterAssignment).where(
                RosterAssignment.roster_id == second.id, RosterAssignment.doctor_id == doctor_id
            )
        ).all()
        listed = {c["shift_id"] for c in second.changes}
        now = {a.shift_key: a.doctor_id for a in second.assignments}
    assert second.version == 2 and not [a for a in mine if a.on.month == 9]
    assert listed == {shift for shift in now if now[shift] != before[shift]}
    assert {s for s, d in before.items() if d == doctor_id and s.startswith("2027-09")} <= listed
    assert len(listed) <= 2 * len(
        [s for s, d in before.items() if d == doctor_id and s.startswith("2027-09")]
    )
    feed = page.request.get(f"/api/v1/doctors/{doctor_id}/roster.ics?token={token}")
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    assert len(events) == len(mine)
    assert all(str(e["summary"]).startswith("Vefsn legevakt: ") for e in events)


def _grant_september(engine, scheme_id: int, doctor_id: int) -> None:
    """A discretionary exemption for September, decided in the exemptions' own service."""
    with session_factory(engine)() as session:
        hpr = session.get(Doctor, doctor_id).hpr_number
    applied = exemption_service.apply_for_exemption(
        session_factory(engine)(),
        actor=SYSTEM,
        scheme_id=scheme_id,
        data=ExemptionApply(doctor=hpr, ground="health", start=date(2027, 9, 1), end=date(2027, 9, 30)),
    )
    exemption_service.decide_exemption(
        session_factory(engine)(),
        actor=SYSTEM,
        exemption_id=applied.id,
        data=ExemptionDecide(
            decision="granted",
            reasons="Dokumentert helsegrunn.",
            weighing="Beredskapen holder med de andre legene.",
            granted_start=date(2027, 9, 1),
            granted_end=date(2027, 9, 30),
        ),
    )


def _busiest(session, roster_id: int) -> tuple[int, int]:
    rows = session.scalars(
        select(RosterAssignment.doctor_id).where(
            RosterAssignment.roster_id == roster_id, RosterAssignment.doctor_id.is_not(None)
        )
    ).all()
    doctor_id = max(set(rows), key=rows.count)
    return doctor_id, rows.count(doctor_id)
