"""The daily and monthly runs and the municipality's distribution on SQLite and PostgreSQL
(CIT-UNASSIGNED, CIT-WAIT-EFFECT, CIT-REDUCTION-DRAW, AGR-VACANT): who moves, why, with letters; twice
is once."""

from datetime import date

import pytest

from legetjeneste.citizens import queries
from legetjeneste.citizens.distribution import service as distribution
from legetjeneste.citizens.models import CitizenLetter
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.runs import service as runs
from legetjeneste.citizens.switching import service as switching
from legetjeneste.errors import RuleViolation
from legetjeneste.registry.models import Agreement
from tests.citizens.support import CLOSED, KOL, NR, OPEN, SMALL, citizen_actor, person, world

DAY = date(2027, 3, 10)
EFFECT = date(2027, 4, 1)


def _on(session, citizen_id, day=EFFECT):
    with session.begin():
        place = places.membership_on(session, citizen_id=citizen_id, on=day)
        return None if place is None else (place.agreement_id, place.begin_reason)


def test_cit_unassigned_the_one_longest_without_a_list_is_assigned_first_and_the_rest_wait_for_room(session):
    world(session, listetak=(1, 1, 4))
    newer = person(session, since=date(2026, 6, 1))
    older = person(session, since=date(2025, 6, 1))
    newest = person(session, since=date(2027, 1, 1))
    done = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert [(m.citizen_id, m.reason, m.rule_id) for m in done.moves] == [
        (older, "assigned", "CIT-UNASSIGNED"),
        (newer, "assigned", "CIT-UNASSIGNED"),
    ]
    assert _on(session, newest) is None and done.still_unassigned == 1
    again = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert again.moved == 0


def test_cit_unassigned_a_child_is_assigned_with_its_parent_also_beyond_the_listetak(session):
    world(session, listetak=(1, 0, 4))
    mother = person(session, since=date(2025, 1, 1))
    child = person(session, born=date(2020, 1, 1), since=date(2025, 1, 1), parents=(mother,))
    done = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert {(m.citizen_id, m.reason) for m in done.moves} == {(mother, "assigned"), (child, "child")}
    assert _on(session, child) == (OPEN, "child")


def test_cit_unassigned_off_the_kommuneoverlege_distributes_to_the_list_chosen(session):
    world(session)
    kari = person(session, since=date(2025, 1, 1))
    distribution.set_auto_assign(session, actor=KOL, municipality_number=NR, auto_assign=False)
    assert runs.daily(session, actor=KOL, municipality_number=NR, on=DAY).moved == 0
    done = distribution.distribute_unassigned(
        session, actor=KOL, municipality_number=NR, agreement_id=SMALL, count=5, on=DAY
    )
    assert (done.moved, done.to_lists) == (1, {str(SMALL): 1})
    assert _on(session, kari) == (SMALL, "distributed")


def test_cit_wait_effect_a_place_goes_first_to_a_citizen_without_a_list_then_the_waiting_list_in_order(
    session,
):
    world(session, listetak=(5, 2, 4))
    leaving = person(session, on=SMALL)
    person(session, on=SMALL)
    first = person(session, on=OPEN)
    second = person(session, on=OPEN)
    for waiting in (first, second):
        switching.join_waiting_list(
            session, actor=citizen_actor(waiting), citizen_id=waiting, agreement_id=SMALL, on=DAY
        )
    switching.switch(session, actor=citizen_actor(leaving), citizen_id=leaving, agreement_id=OPEN, on=DAY)
    done = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert [(m.citizen_id, m.reason, m.rule_id) for m in done.moves] == [
        (first, "waiting_list", "CIT-WAIT-EFFECT")
    ]
    assert _on(session, first) == (SMALL, "waiting_list") and _on(session, second) == (OPEN, "register")
    with session.begin():
        letters = session.query(CitizenLetter).filter(CitizenLetter.citizen_id == first).all()
        assert [(letter.channel, letter.rule_id) for letter in letters] == [("post", "CIT-WAIT-EFFECT")]
        assert "1. april 2027" in letters[0].body
    assert runs.daily(session, actor=KOL, municipality_number=NR, on=DAY).moved == 0


def test_the_monthly_run_ends_places_on_a_list_whose_agreement_ended_without_counting_a_switch(session):
    world(session)
    kari = person(session, on=CLOSED)
    with session.begin():
        session.get(Agreement, CLOSED).end = date(2027, 3, 31)
    done = runs.monthly(session, actor=KOL, municipality_number=NR, on=EFFECT)
    assert [(m.citizen_id, m.reason, m.to_agreement) for m in done.moves] == [(kari, "gp_left", None)]
    assert runs.monthly(session, actor=KOL, municipality_number=NR, on=EFFECT).moved == 0
    assert (
        runs.daily(session, actor=KOL, municipality_number=NR, on=date(2027, 4, 1)).moves[0].citizen_id
        == kari
    )
    with session.begin():
        assert queries.switches_in_year(session, citizen_id=kari, year=2027) == 0


def test_the_monthly_run_sets_each_list_length_beside_helfos_count(session):
    world(session)
    person(session, on=OPEN)
    person(session, on=OPEN)
    done = runs.monthly(session, actor=KOL, municipality_number=NR, on=EFFECT)
    assert [(r.agreement_id, r.list_length, r.helfo) for r in done.lengths] == [
        (OPEN, 2, None),
        (SMALL, 0, None),
        (CLOSED, 0, None),
    ]


def test_cit_reduction_draw_keeps_families_together_and_a_rerun_gives_the_recorded_draw(session):
    world(session, listetak=(20, 10, 4))
    parents = [person(session, on=OPEN, male=bool(i % 2)) for i in range(6)]
    kids = [person(session, born=date(2018, 1, 1), on=OPEN, parents=(p,)) for p in parents[:3]]
    done = distribution.reduction_draw(session, actor=KOL, agreement_id=OPEN, count=4, seed="vefsn-1", on=DAY)
    assert (done.moved, done.reproduced, done.rule_id) == (4, True, "CIT-REDUCTION-DRAW")
    again = distribution.reduction_draw(session, actor=KOL, agreement_id=OPEN, count=4, seed="other", on=DAY)
    assert again.id == done.id and again.seed == "vefsn-1"
    with session.begin():
        moved = {
            c
            for c in parents + kids
            if places.membership_on(session, citizen_id=c, on=EFFECT).agreement_id != OPEN
        }
    for parent, kid in zip(parents, kids, strict=False):
        assert (parent in moved) == (kid in moved)


def test_cit_reduction_draw_refuses_a_count_larger_than_the_list(session):
    world(session)
    person(session, on=OPEN)
    with pytest.raises(RuleViolation) as refused:
        distribution.reduction_draw(session, actor=KOL, agreement_id=OPEN, count=2, on=DAY)
    assert refused.value.rule_id == "CIT-REDUCTION-DRAW"


def test_agr_vacant_a_vacant_lists_citizens_go_to_the_lists_with_room_not_counting_as_switches(session):
    world(session, listetak=(2, 2, 4))
    on_vacant = [person(session, on=CLOSED) for _ in range(3)]
    done = distribution.distribute_vacant(session, actor=KOL, agreement_id=CLOSED, on=DAY)
    assert (done.moved, done.to_lists) == (3, {str(OPEN): 2, str(SMALL): 1})
    assert all(_on(session, c)[1] == "vacant" for c in on_vacant)
