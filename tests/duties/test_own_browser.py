"""The demo GP (lege@vefsn.example) in a real browser: Min side shows «Mine kommunale oppgaver» — himself
against the cap (DUTY-CAP) and the order with its letter and the list reduction it offers
(DUTY-LIST-REDUCTION) — passes axe and fits a phone; the offer opens his list-reduction request prefilled with
the proposed size. The order is made before the server starts, so the module has a server of its own."""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal as D

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.dates import today_oslo
from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.duties import service
from legetjeneste.duties.orders import service as order_service
from legetjeneste.duties.orders.schemas import OrderIn
from tests.browser.checks import PHONE, assert_accessible, assert_fits_phone, open_menu
from tests.browser.conftest import TIMEOUT_MS, LiveServer, demo_engine, log_in, serve
from tests.support import VEFSN_KOMMUNEOVERLEGE

pytestmark = pytest.mark.browser
GP = next(login for login in DEMO_LOGINS if login.email == "lege@vefsn.example")


@pytest.fixture(scope="module")
def ordered_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("duties-own"))
    make = session_factory(engine)
    first_day = date(2027, 2, 1)
    gps = service.overview(make(), actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", on=first_day).gps
    jonas = next(g.doctor_id for g in gps if g.doctor_name == "Jonas Brekkan")
    [task] = service.list_tasks(make(), actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    data = OrderIn(doctor_id=jonas, hours_per_week=D("1.87"), notified_on=today_oslo(), first_day=first_day)
    order_service.order_duty(make(), actor=VEFSN_KOMMUNEOVERLEGE, task_id=task.id, data=data)
    with serve(engine, "duties-own-server") as server:
        yield server


@pytest.fixture
def gp_page(browser: Browser, ordered_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(base_url=ordered_server.url, locale="nb-NO")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, GP)
    yield page
    context.close()


def test_the_gp_sees_the_own_duties_and_follows_the_list_reduction_offer_to_a_prefilled_request(
    gp_page: Page,
):
    page = gp_page
    page.wait_for_url("**/min-side")
    section = page.locator("section", has=page.get_by_role("heading", name="Mine kommunale oppgaver"))
    expect(section.get_by_role("row", name="Kan fortsatt pålegges")).to_contain_text("1,87 t")
    expect(section).to_contain_text(
        "Fra 1. februar 2027, med pålegget: pålagt 1,87 t, kan fortsatt pålegges 0 t"
    )
    expect(section).to_contain_text("foreslått listetak 760 (i dag 800) (DUTY-LIST-REDUCTION")
    expect(section.get_by_role("link", name="Klag på pålegget")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    open_menu(page)
    assert_fits_phone(page)

    section.get_by_role("link", name="Be om listereduksjon til 760 pasienter").click()
    expect(page.get_by_role("heading", name="Be om listereduksjon")).to_be_visible()
    expect(page.get_by_label("Ønsket listetak (valgfritt)")).to_have_value("760")
    expect(page.get_by_label("Grunn")).to_have_value("later_tasks")
    assert_accessible(page)
    assert_fits_phone(page)
