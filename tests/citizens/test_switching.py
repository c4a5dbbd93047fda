"""Switching GP and the waiting list on SQLite and PostgreSQL (CIT-SWITCH, CIT-CLOSED, CIT-CHILDREN,
CIT-RETURN, CIT-WAIT), each rule on both sides of its limit."""

from datetime import date

import pytest

from legetjeneste.audit.models import AuditEntry
from legetjeneste.citizens.models import Citizen, Membership
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.switching import service
from legetjeneste.errors import NotFound, RuleViolation
from tests.citizens.support import CLOSED, KOL, OPEN, SMALL, citizen_actor, person, world

DAY = date(2027, 3, 10)  # a switch asked for on this day takes effect 1 April 2027


def _switch(session, citizen_id, agreement_id, on=DAY, actor=None):
    return service.switch(
        session,
        actor=actor or citizen_actor(citizen_id),
        citizen_id=citizen_id,
        agreement_id=agreement_id,
        on=on,
    )


def test_cit_switch_a_switch_to_a_list_with_room_takes_effect_the_1st_of_the_next_month(session):
    world(session)
    kari = person(session, on=SMALL)
    done = _switch(session, kari, OPEN, on=date(2027, 3, 31))
    assert (done.effective, done.rule_id, done.counted, done.switches_this_year) == (
        date(2027, 4, 1),
        "CIT-SWITCH",
        True,
        1,
    )
    with session.begin():
        assert places.membership_on(session, citizen_id=kari, on=date(2027, 3, 31)).agreement_id == SMALL
        assert places.membership_on(session, citizen_id=kari, on=date(2027, 4, 1)).agreement_id == OPEN


def test_cit_switch_the_second_switch_of_a_year_is_allowed_and_the_third_refused_with_the_rule(session):
    world(session)
    kari = person(session, on=SMALL)
    _switch(session, kari, OPEN, on=date(2027, 1, 10))
    second = _switch(session, kari, SMALL, on=date(2027, 2, 10))
    assert second.switches_this_year == 2
    with pytest.raises(RuleViolation) as refused:
        _switch(session, kari, OPEN, on=date(2027, 3, 10))
    assert refused.value.rule_id == "CIT-SWITCH" and "2 ganger i 2027" in refused.value.message
    # The next calendar year counts afresh: asked for in December, the switch takes effect 1 January.
    assert _switch(session, kari, OPEN, on=date(2027, 12, 10)).effective == date(2028, 1, 1)


def test_cit_switch_moves_for_a_list_reduction_or_a_gp_leaving_do_not_count(session):
    world(session)
    kari = person(session, on=SMALL)
    with session.begin():
        places.move(session, citizen_id=kari, agreement_id=OPEN, start=date(2027, 1, 1), reason="reduction")
        places.move(session, citizen_id=kari, agreement_id=SMALL, start=date(2027, 2, 1), reason="gp_left")
    _switch(session, kari, OPEN, on=date(2027, 2, 10))
    assert _switch(session, kari, SMALL, on=date(2027, 3, 10)).switches_this_year == 2


def test_cit_switch_a_full_list_refuses_and_points_to_the_waiting_list(session):
    world(session, listetak=(5, 1, 4))
    person(session, on=SMALL)
    ola = person(session, on=OPEN, male=True)
    with pytest.raises(RuleViolation) as refused:
        _switch(session, ola, SMALL)
    assert refused.value.rule_id == "CIT-SWITCH" and "ventelisten" in refused.value.message


def test_cit_closed_a_former_member_returns_to_a_closed_list_within_three_years_but_not_after(session):
    world(session)
    back = person(session, on=CLOSED, since=date(2020, 1, 1))
    late = person(session, on=CLOSED, since=date(2020, 1, 1))
    with session.begin():
        places.move(session, citizen_id=back, agreement_id=OPEN, start=date(2024, 4, 2), reason="switch")
        places.move(session, citizen_id=late, agreement_id=OPEN, start=date(2024, 3, 31), reason="switch")
    # Left on 1 April 2024: three years later, 1 April 2027, is still within; 30 March 2024 is not.
    assert _switch(session, back, CLOSED).rule_id == "CIT-CLOSED"
    with pytest.raises(RuleViolation):
        _switch(session, late, CLOSED)


def test_cit_children_a_child_of_15_years_364_days_follows_a_parent_onto_a_closed_list_and_16_does_not(
    session,
):
    world(session)
    mother = person(session, on=CLOSED)
    child = person(session, born=date(2011, 4, 2), on=OPEN, parents=(mother,))  # 15 y 364 d on 1 April 2027
    older = person(session, born=date(2011, 4, 1), on=OPEN, parents=(mother,))  # 16 on 1 April 2027
    done = _switch(session, child, CLOSED, actor=citizen_actor(mother))
    assert (done.rule_id, done.counted) == ("CIT-CHILDREN", False)
    with pytest.raises(RuleViolation):
        _switch(session, older, CLOSED, actor=citizen_actor(older))


def test_cit_children_children_under_16_on_the_parents_list_follow_the_parents_switch(session):
    world(session)
    father = person(session, on=SMALL, male=True)
    small = person(session, born=date(2020, 6, 1), on=SMALL, parents=(father,))
    grown = person(session, born=date(2005, 6, 1), on=SMALL, parents=(father,))
    done = _switch(session, father, OPEN)
    assert done.children == [small]
    with session.begin():
        assert places.membership_on(session, citizen_id=small, on=done.effective).begin_reason == "child"
        assert places.membership_on(session, citizen_id=grown, on=done.effective).agreement_id == SMALL


def test_a_citizen_may_not_switch_for_someone_who_is_not_their_child(session):
    world(session)
    kari = person(session, on=SMALL)
    stranger = person(session, on=SMALL)
    with pytest.raises(NotFound):
        _switch(session, stranger, OPEN, actor=citizen_actor(kari))


def test_the_municipality_may_switch_for_a_citizen_and_it_counts(session):
    world(session)
    kari = person(session, on=SMALL)
    assert _switch(session, kari, OPEN, actor=KOL).counted


def test_cit_wait_one_waiting_list_at_a_time_and_not_for_a_list_with_room(session):
    world(session, listetak=(5, 1, 1))
    person(session, on=SMALL)
    person(session, on=CLOSED)
    kari = person(session, on=OPEN)
    first = service.join_waiting_list(
        session, actor=citizen_actor(kari), citizen_id=kari, agreement_id=SMALL, on=DAY
    )
    assert (first.position, first.of) == (1, 1)
    with pytest.raises(RuleViolation) as refused:
        service.join_waiting_list(
            session, actor=citizen_actor(kari), citizen_id=kari, agreement_id=CLOSED, on=DAY
        )
    assert refused.value.rule_id == "CIT-WAIT"
    service.leave_waiting_list(session, actor=citizen_actor(kari), citizen_id=kari, on=DAY)
    assert (
        service.join_waiting_list(
            session, actor=citizen_actor(kari), citizen_id=kari, agreement_id=CLOSED, on=DAY
        ).agreement_id
        == CLOSED
    )
    ola = person(session, on=SMALL, male=True)
    with pytest.raises(RuleViolation):
        service.join_waiting_list(
            session, actor=citizen_actor(ola), citizen_id=ola, agreement_id=OPEN, on=DAY
        )


def test_every_switch_is_in_the_audit_log_with_its_rule(session):
    world(session)
    kari = person(session, on=SMALL)
    _switch(session, kari, OPEN)

    with session.begin():
        [entry] = session.query(AuditEntry).filter(AuditEntry.action == "switch").all()
        assert entry.detail["rule_id"] == "CIT-SWITCH" and entry.record_ids == [str(kari)]
        assert session.query(Membership).count() == 2


def test_cit_switch_changing_ones_mind_before_the_1st_replaces_the_booked_switch_and_counts_once(session):
    world(session)
    kari = person(session, on=CLOSED)
    _switch(session, kari, OPEN, on=date(2027, 2, 10))
    _switch(session, kari, SMALL, on=date(2027, 3, 2))
    assert _switch(session, kari, OPEN, on=date(2027, 3, 20)).switches_this_year == 2


def test_cit_return_a_citizen_who_moved_back_returns_to_the_former_closed_list_if_registered_in_time(
    session,
):
    world(session)
    back = person(session, on=CLOSED, since=date(2020, 1, 1))
    late = person(session, on=CLOSED, since=date(2020, 1, 1))
    with session.begin():
        for citizen, moved_back in ((back, date(2026, 9, 10)), (late, date(2026, 9, 9))):
            places.move(
                session, citizen_id=citizen, agreement_id=None, start=date(2025, 6, 1), reason="moved_out"
            )
            session.get(Citizen, citizen).resident_since = moved_back
    # Asked for on 10 March 2027: six months after 10 September 2026 is still in time, after 9 September not.
    assert _switch(session, back, CLOSED).rule_id == "CIT-RETURN"
    with pytest.raises(RuleViolation):
        _switch(session, late, CLOSED)
