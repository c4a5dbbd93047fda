"""«Mine vakter» and the swap pages through the app with session cookies (LV-SWAP): the month with week
numbers and the list; a swap proposed from the form, accepted by the colleague, confirmed and approved by the
kommuneoverlege on the roster page, and the new version in the proposer's month; a refusal names the rule; a
GP sees no approval link and may not approve."""

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from legetjeneste.main import create_app
from tests.legevakt.swaps.fixtures import published_roster, shift
from tests.web.conftest import csrf_of, log_in

MARCH = "/mine-vakter?maaned=2027-03"


def _d(day: int) -> date:
    return date(2027, 3, day)


@pytest.fixture
def app(engine, open_session):
    ids = published_roster(open_session)
    return create_app(engine=engine, secret_key="test-secret"), ids


def client_of(app, email: str, password: str) -> TestClient:
    client = TestClient(app, raise_server_exceptions=False)
    log_in(client, email, password)
    return client


def post(client: TestClient, page: str, action: str, data: dict | None = None):
    token = csrf_of(client.get(page).text)
    return client.post(action, data={"csrf_token": token, **(data or {})}, follow_redirects=True)


def test_my_shifts_show_the_month_with_week_numbers_and_as_a_list(app):
    lege = client_of(app[0], "lege@vefsn.example", "lege-demo")
    page = lege.get(MARCH)
    assert page.status_code == 200
    assert ">Uke</th>" in page.text and '<th scope="row">9</th>' in page.text  # 1 March 2027 is in week 9
    assert "mandag 1. mars 2027</strong>, uke 9: Hverdagsvakt 15:30–08:00" in page.text
    assert 'href="/mine-vakter?maaned=2027-04"' in page.text and ">Mine vakter</a>" in page.text
    assert lege.get("/mine-vakter?maaned=mars").status_code == 422


def test_a_swap_from_the_form_is_accepted_confirmed_approved_and_shows_as_the_new_version(app, open_session):
    application, (_, roster_id) = app
    monday, tuesday = shift(open_session(), roster_id, _d(1)), shift(open_session(), roster_id, _d(2))
    lege = client_of(application, "lege@vefsn.example", "lege-demo")
    form = f"/mine-vakter/vakter/{monday}"
    done = post(lege, form, form, {"kind": "swap", "their_shift_id": str(tuesday)})
    assert "Jonas Brekkan bytter Hverdagsvakt mandag 1. mars 2027 mot Ingrid Haugviks" in done.text
    assert "/godkjenn" not in lege.get(f"/vaktlister/{roster_id}").text

    lege2 = client_of(application, "lege2@vefsn.example", "lege2-demo")
    answer = lege2.get("/mine-vakter").text
    swap_id = re.search(r'action="/bytter/(\d+)/godta"', answer).group(1)
    assert "Du har godtatt byttet" in post(lege2, "/mine-vakter", f"/bytter/{swap_id}/godta").text
    assert lege.get(f"/bytter/{swap_id}/godkjenn").status_code == 403

    kol = client_of(application, "kommuneoverlege@vefsn.example", "vefsn-demo")
    roster_page = kol.get(f"/vaktlister/{roster_id}").text
    assert "Vaktbytter som venter på godkjenning (1)" in roster_page
    confirm = f"/bytter/{swap_id}/godkjenn"
    assert "Ja, godkjenn byttet" in kol.get(confirm).text
    approved = post(kol, confirm, confirm)
    assert "Byttet er godkjent (LV-SWAP)" in approved.text and "Versjon 2" in approved.text
    assert "vaktliste versjon 2" in lege.get(MARCH).text
    assert "Godkjent" in lege.get(MARCH).text


def test_a_refused_swap_names_the_rule_that_breaks(app, open_session):
    application, (_, roster_id) = app
    friday = shift(open_session(), roster_id, _d(5))
    lege = client_of(application, "lege@vefsn.example", "lege-demo")
    form = f"/mine-vakter/vakter/{friday}"
    colleague = re.search(r'<option value="(\d+)">Ingrid Haugvik</option>', lege.get(form).text).group(1)
    refused = post(lege, form, form, {"kind": "handover", "colleague_id": colleague})
    assert refused.status_code == 422
    assert "LV-REST" in refused.text and "Byttet kan ikke foreslås" in refused.text


def test_withdrawing_ones_own_swap_asks_first_and_withdraws_only_once_confirmed(app, open_session):
    application, (_, roster_id) = app
    monday, tuesday = shift(open_session(), roster_id, _d(1)), shift(open_session(), roster_id, _d(2))
    lege = client_of(application, "lege@vefsn.example", "lege-demo")
    form = f"/mine-vakter/vakter/{monday}"
    done = post(lege, form, form, {"kind": "swap", "their_shift_id": str(tuesday)})
    withdraw = re.search(r'action="(/bytter/\d+/trekk)"', done.text).group(1)
    assert "Ja, trekk tilbake byttet" in done.text  # asked on the swap's card first

    asked = post(lege, "/mine-vakter", withdraw)
    assert "Trekke tilbake byttet?" in asked.text and "Vakten er fortsatt din" in asked.text
    assert "Ingrid Haugvik får beskjed om at byttet er trukket tilbake." in asked.text
    assert '<a class="ds-link" href="/mine-vakter#mine-bytter">Avbryt</a>' in asked.text
    assert "Trukket tilbake" not in lege.get(MARCH).text  # nothing changed

    withdrawn = post(lege, "/mine-vakter", withdraw, {"confirmed": "ja"})
    assert "Byttet er trukket tilbake." in withdrawn.text and "Trukket tilbake" in lege.get(MARCH).text
