"""Swaps on a published roster (LV-SWAP) on SQLite and PostgreSQL: proposed, accepted, approved into a new
version with the change listed; declined; auto-approved by the scheme's setting; refused for a shift no
longer the proposer's."""

from datetime import date

import pytest

from legetjeneste.errors import Conflict, RuleViolation
from legetjeneste.legevakt.feeds import service as feeds_service
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.swaps import service as swap_service
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.schemas import AutomaticSetting, SwapAnswer, SwapCreate
from tests.legevakt.swaps.fixtures import (
    KOMMUNEOVERLEGE,
    A,
    B,
    C,
    doctor_id,
    give,
    gp,
    holders,
    published_roster,
    shift,
)

MONDAY, TUESDAY = date(2027, 3, 1), date(2027, 3, 2)


@pytest.fixture
def roster(open_session):
    return published_roster(open_session)


def propose_swap(open_session, roster_id: int, mine: date = MONDAY, theirs: date = TUESDAY):
    data = SwapCreate(
        kind="swap",
        shift_id=shift(open_session(), roster_id, mine),
        their_shift_id=shift(open_session(), roster_id, theirs),
    )
    return swap_service.propose(open_session(), actor=gp(open_session(), A), data=data)


def test_a_swap_accepted_and_approved_is_a_new_version_with_the_change_listed_and_the_old_one_replaced(
    open_session, roster
):
    scheme_id, roster_id = roster
    proposed = propose_swap(open_session, roster_id)
    assert proposed.status == "proposed" and proposed.to_doctor == "Ingrid Haugvik"
    accepted = swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)
    assert accepted.status == "accepted"
    approved = decisions.approve(open_session(), actor=KOMMUNEOVERLEGE, swap_id=proposed.id)
    assert approved.status == "approved"
    new_id, version, held = holders(open_session(), scheme_id)
    assert (new_id, version) == (approved.new_roster_id, 2)
    assert (held[MONDAY], held[TUESDAY]) == (B, A)
    old = roster_service.get_roster(open_session(), actor=KOMMUNEOVERLEGE, roster_id=roster_id)
    assert old.status == "replaced"
    new = roster_service.get_roster(open_session(), actor=KOMMUNEOVERLEGE, roster_id=new_id)
    assert {(c.date, c.from_doctor, c.to_doctor) for c in new.changes} == {
        (MONDAY, "Jonas Brekkan", "Ingrid Haugvik"),
        (TUESDAY, "Ingrid Haugvik", "Jonas Brekkan"),
    }
    assert new.previous_id == roster_id and len(new.assignments) == 14


def test_both_doctors_calendars_follow_the_new_version(open_session, roster):
    _, roster_id = roster
    proposed = propose_swap(open_session, roster_id)
    swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)
    decisions.approve(open_session(), actor=KOMMUNEOVERLEGE, swap_id=proposed.id)
    feed = feeds_service.doctor_calendar(
        open_session(), actor=KOMMUNEOVERLEGE, doctor_id=doctor_id(open_session(), A)
    ).decode()
    assert "20270302T153000" in feed and "20270301T153000" not in feed


def test_a_declined_swap_changes_nothing(open_session, roster):
    scheme_id, roster_id = roster
    proposed = propose_swap(open_session, roster_id)
    answer = SwapAnswer(reason="Jeg er bortreist.")
    colleague = gp(open_session(), B)
    declined = swap_service.decline(open_session(), actor=colleague, swap_id=proposed.id, data=answer)
    assert declined.status == "declined"
    assert holders(open_session(), scheme_id)[:2] == (roster_id, 1)
    with pytest.raises(Conflict):
        decisions.approve(open_session(), actor=KOMMUNEOVERLEGE, swap_id=proposed.id)


def test_with_automatic_approval_on_the_accepted_swap_is_a_new_version_at_once(open_session, roster):
    scheme_id, roster_id = roster
    on = AutomaticSetting(approve_automatically=True)
    decisions.set_automatic(open_session(), actor=KOMMUNEOVERLEGE, scheme_id=scheme_id, data=on)
    proposed = propose_swap(open_session, roster_id)
    accepted = swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)
    assert accepted.status == "approved" and accepted.new_roster_id is not None
    assert holders(open_session(), scheme_id)[1] == 2


def test_with_automatic_approval_off_the_accepted_swap_waits_for_the_municipality(open_session, roster):
    scheme_id, roster_id = roster
    off = AutomaticSetting(approve_automatically=False)
    decisions.set_automatic(open_session(), actor=KOMMUNEOVERLEGE, scheme_id=scheme_id, data=off)
    proposed = propose_swap(open_session, roster_id)
    swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)
    waiting = decisions.awaiting(open_session(), actor=KOMMUNEOVERLEGE, roster_id=roster_id)
    assert [s.id for s in waiting] == [proposed.id]
    assert holders(open_session(), scheme_id)[1] == 1


def test_a_swap_of_a_shift_no_longer_mine_is_refused_with_lv_swap(open_session, roster):
    scheme_id, roster_id = roster
    first = propose_swap(open_session, roster_id)
    swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=first.id)
    decisions.approve(open_session(), actor=KOMMUNEOVERLEGE, swap_id=first.id)
    new_id = holders(open_session(), scheme_id)[0]  # Monday is Ingrid Haugvik's now
    handover = SwapCreate(kind="handover", shift_id=shift(open_session(), new_id, MONDAY),
                          colleague_id=doctor_id(open_session(), C))  # fmt: skip
    with pytest.raises(RuleViolation) as refused:
        swap_service.propose(open_session(), actor=gp(open_session(), A), data=handover)
    assert refused.value.rule_id == "LV-SWAP"
    assert "Hverdagsvakt mandag 1. mars 2027 er ikke din vakt" in refused.value.message


def test_an_approval_after_the_shift_changed_hands_is_refused_with_lv_swap_and_both_are_told(
    open_session, roster
):
    scheme_id, roster_id = roster
    proposed = propose_swap(open_session, roster_id)
    swap_service.accept(open_session(), actor=gp(open_session(), B), swap_id=proposed.id)
    give(open_session(), shift(open_session(), roster_id, MONDAY), C)  # e.g. the roster was re-planned
    with pytest.raises(RuleViolation) as refused:
        decisions.approve(open_session(), actor=KOMMUNEOVERLEGE, swap_id=proposed.id)
    assert refused.value.rule_id == "LV-SWAP"
    assert "er ikke lenger Jonas Brekkans vakt" in refused.value.message
    stored = decisions.get_swap(open_session(), actor=KOMMUNEOVERLEGE, swap_id=proposed.id)
    assert (stored.status, stored.rule_id) == ("refused", "LV-SWAP")
    assert holders(open_session(), scheme_id)[:2] == (roster_id, 1)
