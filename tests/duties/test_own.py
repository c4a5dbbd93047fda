"""The GP's own view on Min side (SQLite and PostgreSQL): Jonas Brekkan (the demo GP lege@vefsn.example) sees
himself against the cap (DUTY-CAP) and, once ordered, the order with its letter and right to appeal (DEC-
APPEAL) and the proportional list reduction it offers (DUTY-LIST-REDUCTION): the letter shows the proposed
size with the rule id, and the offer opens his own list-reduction request prefilled with it."""

from datetime import date, timedelta
from decimal import Decimal as D
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from legetjeneste.dates import add_months, today_oslo
from legetjeneste.duties import service
from legetjeneste.duties.orders import service as order_service
from legetjeneste.duties.orders.schemas import OrderIn
from legetjeneste.duties.own import service as own_service
from legetjeneste.errors import Forbidden
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo
from tests.web.conftest import browser_client, log_in  # noqa: F401  (fixture)

KOL = VEFSN_KOMMUNEOVERLEGE
FIRST_DAY = date(2027, 2, 1)
JONAS = "Jonas Brekkan"  # 9182402, listetak 800, 1,87 t orderable from 2027-02-01


def order_jonas(open_session) -> int:
    gps = service.overview(open_session(), actor=KOL, municipality_number="1824", on=FIRST_DAY).gps
    jonas = next(g for g in gps if g.doctor_name == JONAS)
    [task] = service.list_tasks(open_session(), actor=KOL, municipality_number="1824")
    data = OrderIn(
        doctor_id=jonas.doctor_id, hours_per_week=D("1.87"), notified_on=today_oslo(), first_day=FIRST_DAY
    )
    order = order_service.order_duty(open_session(), actor=KOL, task_id=task.id, data=data)
    assert order.proposed_listetak == 800 - 40  # 800 × 1,87 ÷ 37,5 = 39,9
    return jonas.doctor_id


def gp(doctor_id: int):
    from legetjeneste.auth.rules import Actor

    return Actor(email="lege@vefsn.example", role="doctor", municipality_number="1824", doctor_id=doctor_id)


@pytest.fixture
def ordered(open_session):
    import_demo(open_session())
    return open_session, order_jonas(open_session)


def test_the_gp_sees_the_order_its_letter_the_appeal_deadline_and_the_list_reduction_offered(ordered):
    open_session, jonas = ordered
    found = own_service.my_duties(open_session(), actor=gp(jonas), doctor_id=jonas)["found"]
    assert found.standing.doctor_name == JONAS and found.max_hours == D("7.5")
    assert (found.upcoming_on, found.upcoming.ordered, found.upcoming.orderable) == (FIRST_DAY, D("1.87"), 0)
    [order] = found.orders
    assert (order.hours_per_week, order.proposed_listetak, order.listetak) == (D("1.87"), 760, 800)
    assert order.can_appeal and order.appeal_deadline >= today_oslo() + timedelta(weeks=3)  # DEC-APPEAL
    link = urlsplit(order.list_reduction_link)
    query = {k: v[0] for k, v in parse_qs(link.query).items()}
    assert link.path == "/min-side/saker/list_reduction"
    assert (query["agreement_id"], query["ground"], query["listetak"]) == ("182402", "later_tasks", "760")
    assert query["effective_from"] == max(add_months(today_oslo(), 6), FIRST_DAY).isoformat()
    assert "DUTY-LIST-REDUCTION" in query["text"] and order.case_number in query["text"]


def test_only_the_gp_sees_the_own_duties(ordered):
    open_session, jonas = ordered
    with pytest.raises(Forbidden):
        own_service.my_duties(open_session(), actor=gp(jonas + 1), doctor_id=jonas)
    with pytest.raises(Forbidden):
        own_service.my_duties(open_session(), actor=KOL, doctor_id=jonas)


def test_min_side_offers_the_list_reduction_and_the_link_opens_the_request_prefilled(
    browser_client,  # noqa: F811
    open_session,
):
    order_jonas(open_session)
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = unescape(browser_client.get("/min-side").text).replace("\xa0", " ")
    assert "Mine kommunale oppgaver" in page and "Kan fortsatt pålegges" in page
    assert "foreslått listetak <strong>760</strong> (i dag 800) (DUTY-LIST-REDUCTION" in page
    letter_id = page.split('href="/vedtak/', 1)[1].split('"', 1)[0]
    letter = unescape(browser_client.get(f"/vedtak/{letter_id}").text).replace("\xa0", " ")
    assert "DUTY-LIST-REDUCTION (ASA 4310 § 12.1, § 10.7)" in letter
    assert "800 × 1,87 t ÷ 37,5 t = 40 pasienter, så foreslått listetak er 760 (fra 800)" in letter
    href = page.split('href="/min-side/saker/list_reduction?', 1)[1].split('"', 1)[0]
    form = unescape(browser_client.get(f"/min-side/saker/list_reduction?{href}").text)
    assert '<option value="182402" selected>' in form
    assert '<option value="later_tasks" selected>' in form
    assert 'name="listetak" value="760"' in form
    assert "Forholdsmessig listereduksjon etter pålegg om styrket legedekning" in form
