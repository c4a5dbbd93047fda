"""Issue 13 on the citizen register's forms: a refused switch, waiting list, draw or vacant list's
distribution comes back with an error summary that names the field by its label (and the rule's id), links
to the field on the page, marks the field invalid and keeps what was typed; and the question before a draw
or a distribution is refused, like the distribution itself, to whoever may not distribute."""

import re
from datetime import date

import pytest

from legetjeneste.auth.rules import Actor
from tests.citizens.support import KOL, NR, OPEN, SMALL, act_as, citizen_actor, person, world
from tests.web.conftest import csrf_of
from tests.web.test_error_summary import summary_links

DAY = date(2027, 3, 10)
SU = Actor(email="su@vefsn.example", role="su_member", municipality_number=NR, user_id=9001)


def _invalid(html: str, element_id: str) -> bool:
    """Whether the element with this id is marked invalid (aria-invalid) and names its message."""
    tag = re.search(rf'<[a-z]+ [^>]*id="{element_id}"[^>]*>', html)
    return tag is not None and 'aria-invalid="true"' in tag.group(0) and "aria-describedby=" in tag.group(0)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_refused_switch_and_waiting_list_name_the_gp_chosen_with_the_rule_and_link_to_it(
    client, open_session
):
    session = open_session()
    world(session, listetak=(5, 1, 4))
    person(session, on=SMALL)
    kari = person(session, on=OPEN, name="Kari Nordmann")
    act_as(client, citizen_actor(kari))
    page = client.get(f"/innbygger/bytt?agreement={OPEN}")
    refused = client.post("/innbygger/bytt", data={"agreement": OPEN, "csrf_token": csrf_of(page.text)})
    assert refused.status_code == 422
    [(target, text)] = summary_links(refused.text)
    assert target == "valgt" and text.startswith("Fastlege: Du står allerede på denne fastlegens liste")
    assert text.endswith("(CIT-SWITCH, PBR § 6)") and 'id="agreement-feil"' in refused.text

    missing = client.post("/innbygger/bytt", data={"csrf_token": csrf_of(page.text)})
    assert summary_links(missing.text) == [("valgt", "Fastlege: mangler eller er ikke et tall")]

    waiting = client.get(f"/innbygger/venteliste?agreement={OPEN}")
    form = {"agreement": OPEN, "csrf_token": csrf_of(waiting.text)}
    refused = client.post("/innbygger/venteliste", data=form)
    assert summary_links(refused.text) == [
        ("valgt", "Fastlege: Du står allerede på denne fastlegens liste. (CIT-WAIT, Helsenorge)")
    ]
    joined = client.post("/innbygger/venteliste", data=form | {"agreement": SMALL})
    assert "nummer 1 av 1" in joined.text
    again = client.post("/innbygger/venteliste", data=form | {"agreement": SMALL})
    [(target, text)] = summary_links(again.text)  # the list waited on is where the page names the GP
    assert (
        target == "venter" and text.endswith("(CIT-WAIT, Helsenorge)") and "allerede på ventelisten" in text
    )


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_refused_draw_or_vacant_distribution_links_to_its_fields_and_keeps_what_was_typed(
    client, open_session
):
    world(open_session(), listetak=(3, 10, 4))
    act_as(client, KOL)
    token = csrf_of(client.get(f"/kommuner/{NR}/innbyggere").text)
    typed = {"csrf_token": token, "agreement": str(OPEN), "count": "to", "seed": "demo-1"}
    refused = client.post(f"/kommuner/{NR}/innbyggere/trekning", data=typed)
    assert refused.status_code == 422
    assert summary_links(refused.text) == [("draw-count", "Antall: må være et helt tall")]
    assert _invalid(refused.text, "draw-count") and not _invalid(refused.text, "draw-seed")
    assert 'value="to"' in refused.text and 'value="demo-1"' in refused.text
    assert re.search(rf'<option value="{OPEN}" selected>', refused.text)

    refused = client.post(f"/kommuner/{NR}/innbyggere/ledig", data={"csrf_token": token, "agreement": ""})
    assert summary_links(refused.text) == [("vacant-agreement", "Fastlegeavtale: må være et helt tall")]
    assert _invalid(refused.text, "vacant-agreement") and not _invalid(refused.text, "draw-agreement")


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_whoever_may_not_distribute_is_refused_the_question_before_a_draw_as_the_draw_itself(
    client, open_session
):
    """CIT-REDUCTION-DRAW, AGR-VACANT — an SU member may read the register but not distribute: the question
    before a draw or a vacant list's distribution is refused (403) as the distribution is, not shown."""
    world(open_session(), listetak=(3, 10, 4))
    act_as(client, KOL)
    token = csrf_of(client.get(f"/kommuner/{NR}/innbyggere").text)
    asked = client.post(f"/kommuner/{NR}/innbyggere/trekning", data={"csrf_token": token, "agreement": OPEN})
    assert asked.status_code == 200 and "Bekreft flyttingen" in asked.text
    act_as(client, SU)
    for action in ("trekning", "ledig"):
        form = {"csrf_token": token, "agreement": OPEN}
        question = client.post(f"/kommuner/{NR}/innbyggere/{action}", data=form)
        done = client.post(f"/kommuner/{NR}/innbyggere/{action}", data=form | {"confirmed": "ja"})
        assert question.status_code == done.status_code == 403
        assert "Bekreft flyttingen" not in question.text
        assert "fordele innbyggere på fastlegelister" in question.text
