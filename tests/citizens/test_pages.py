"""The citizen's switch and waiting-list pages and the kommuneoverlege's page, in HTML (the citizen's login is
the portal's: here the actor is given to the app directly)."""

import re
from datetime import date

import pytest

from legetjeneste.citizens.switching import service as switching
from legetjeneste.dates import add_months, today_oslo
from legetjeneste.lifecycle import service as lifecycle
from legetjeneste.lifecycle.schemas import CaseCreate, StepCreate
from legetjeneste.norwegian import day_text
from tests.citizens.support import KOL, OPEN, SMALL, act_as, citizen_actor, person, world
from tests.web.conftest import csrf_of

DAY = date(2027, 3, 10)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_citizen_switches_sees_the_date_and_is_refused_the_third_switch_with_the_rule(client, open_session):
    session = open_session()
    world(session)
    kari = person(session, on=SMALL, name="Kari Nordmann")
    act_as(client, citizen_actor(kari))
    form = client.get(f"/innbygger/bytt?agreement={OPEN}")
    assert form.status_code == 200 and "1. april 2027" in form.text and "Bytter i 2027: 0 av 2" in form.text
    done = client.post("/innbygger/bytt", data={"agreement": OPEN, "csrf_token": csrf_of(form.text)})
    assert done.status_code == 200 and "Byttet: Lege Nummer0 er fastlegen fra 1. april 2027" in done.text
    ola = person(session, on=SMALL, male=True)
    switching.switch(
        session, actor=citizen_actor(ola), citizen_id=ola, agreement_id=OPEN, on=date(2027, 1, 5)
    )
    switching.switch(
        session, actor=citizen_actor(ola), citizen_id=ola, agreement_id=SMALL, on=date(2027, 2, 5)
    )
    act_as(client, citizen_actor(ola))
    page = client.get(f"/innbygger/bytt?agreement={OPEN}")
    assert "Bytter i 2027: 2 av 2" in page.text
    refused = client.post("/innbygger/bytt", data={"agreement": OPEN, "csrf_token": csrf_of(page.text)})
    assert refused.status_code == 422 and "CIT-SWITCH" in refused.text and "høyst 2 ganger" in refused.text


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_citizen_joins_and_leaves_a_waiting_list_on_the_page(client, open_session):
    session = open_session()
    world(session, listetak=(5, 1, 4))
    person(session, on=SMALL)
    ola = person(session, on=OPEN, male=True, name="Ola Nordmann")
    act_as(client, citizen_actor(ola))
    page = client.get(f"/innbygger/venteliste?agreement={SMALL}")
    joined = client.post("/innbygger/venteliste", data={"agreement": SMALL, "csrf_token": csrf_of(page.text)})
    assert "nummer 1 av 1" in joined.text and "Meld av ventelisten" in joined.text
    left = client.post("/innbygger/venteliste", data={"action": "leave", "csrf_token": csrf_of(joined.text)})
    assert "ikke lenger på ventelisten" in left.text


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_citizen_may_not_open_the_page_for_someone_elses_child(client, open_session):
    session = open_session()
    world(session)
    kari = person(session, on=SMALL)
    other = person(session, born=date(2020, 1, 1), on=SMALL)
    act_as(client, citizen_actor(kari))
    assert client.get(f"/innbygger/bytt?for={other}").status_code == 404


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_kommuneoverlege_draws_and_sees_counts_and_the_seed_but_no_names(client, open_session):
    session = open_session()
    world(session, listetak=(3, 10, 4))
    for index in range(5):
        person(session, on=OPEN, name=f"Hemmelig Navn{index}")
    act_as(client, KOL)
    page = client.get("/kommuner/1824/innbyggere")
    assert page.status_code == 200 and "Innbyggere og fastlegelister" in page.text
    form = {"agreement": OPEN, "seed": "demo-1", "csrf_token": csrf_of(page.text)}
    asked = client.post("/kommuner/1824/innbyggere/trekning", data=form)
    assert asked.status_code == 200 and "Bekreft flyttingen" in asked.text
    assert "Vil du trekke ut innbyggerne over listetaket fra listen til Lege Nummer0" in asked.text
    assert "Ingen ennå." in client.get("/kommuner/1824/innbyggere").text  # nothing drawn yet
    drawn = client.post("/kommuner/1824/innbyggere/trekning", data=form | {"confirmed": "ja"})
    assert (
        "Trekning 1: 2 innbyggere i 2 familier flyttes fra" in drawn.text
        and "Trekningsnøkkel demo-1" in drawn.text
        and "Samme trekning på nytt" in drawn.text
    )
    assert "Hemmelig" not in drawn.text
    agreement = client.get(f"/avtaler/{OPEN}")
    assert "Listen i innbyggerregisteret" in agreement.text and "trekningsnøkkel demo-1" in agreement.text


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_list_reductions_case_offers_the_draw_for_its_new_listetak_and_then_shows_it(client, open_session):
    """CIT-REDUCTION-DRAW, AGR-LISTREDUCE — the case of a requested list reduction shows how many its new
    listetak means moving and from when; the draw asks first, is tied to the case, and the case shows it."""
    session = open_session()
    world(session, listetak=(6, 10, 4))
    for index in range(5):
        person(session, on=OPEN, name=f"Hemmelig Navn{index}")
    today = today_oslo()
    effective_from = add_months(today.replace(day=1), 5)
    case = lifecycle.open_case(
        open_session(),
        actor=KOL,
        agreement_id=OPEN,
        data=CaseCreate.model_validate({"kind": "list_reduction", "date": today}),
    )
    request = {"kind": "list_reduction_request", "date": today, "ground": "health", "listetak": 3}
    lifecycle.record_step(
        open_session(),
        actor=KOL,
        case_id=case.id,
        data=StepCreate.model_validate(request | {"effective_from": effective_from}),
    )
    act_as(client, KOL)
    page = client.get(f"/saker/{case.id}")
    when = day_text(effective_from)
    assert f"Det nye listetaket på 3 betyr at 2 av listens 5 innbyggere må flyttes fra {when}" in page.text
    form = {
        name: value
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text)
        if name in ("agreement", "count", "case", "on", "csrf_token")
    }
    assert form["case"] == str(case.id) and form["count"] == "2"
    asked = client.post("/kommuner/1824/innbyggere/trekning", data=form)
    assert "Vil du trekke ut 2 innbyggere fra listen til Lege Nummer0" in asked.text and when in asked.text
    drawn = client.post("/kommuner/1824/innbyggere/trekning", data=form | {"confirmed": "ja"})
    assert f"Trekning 1: 2 innbyggere i 2 familier flyttes fra {when}" in drawn.text
    again = client.get(f"/saker/{case.id}")
    assert "Trekning 1 er gjort for denne saken: 2 innbyggere i 2 familier flyttes" in again.text
    assert "Hemmelig" not in again.text
