"""A committee's terms on both sides of every limit (SU-COMPOSITION, ASA 4310 § 4.2.2; ALU-MEMBERS): the
new term is offered from half a year before the term ends; it begins after the current constitution and
after every seat registered; the seats held on its eve carry forward, a chair as a member; the side that did
not chair last chairs first; the seats running into the new term end the day before."""

from datetime import date

import pytest

from legetjeneste.committees import rules
from legetjeneste.committees.members import rules as member_rules
from legetjeneste.errors import RuleViolation, ValidationFailed

CONSTITUTED, TERM_END, START = date(2025, 3, 1), date(2027, 2, 28), date(2027, 3, 1)


def seat(side="gps", role="member", *, start=CONSTITUTED, end=None, name="N"):
    return rules.Seat(name, side, role, start, end)


def test_su_composition_the_new_term_is_offered_from_183_days_before_the_term_ends():
    assert member_rules.term_notice_from(TERM_END) == date(2026, 8, 29)
    assert not member_rules.is_term_ending(TERM_END, on=date(2026, 8, 28))
    assert member_rules.is_term_ending(TERM_END, on=date(2026, 8, 29))
    assert member_rules.is_term_ending(TERM_END, on=date(2027, 6, 1))  # ended: still due


def test_su_composition_a_new_term_begins_after_the_current_constitution():
    with pytest.raises(ValidationFailed) as refused:
        member_rules.check_term_start("su", start=CONSTITUTED, constituted_on=CONSTITUTED, seats=[])
    [problem] = refused.value.problems
    assert (problem.path, problem.rule_id) == ("constituted_on", "SU-COMPOSITION")
    assert "etter 1. mars 2025" in problem.message
    member_rules.check_term_start("su", start=date(2025, 3, 2), constituted_on=CONSTITUTED, seats=[])


def test_su_composition_a_new_term_begins_after_every_seat_registered_began():
    later = seat(start=date(2027, 3, 1), name="Kari")
    with pytest.raises(ValidationFailed) as refused:
        member_rules.check_term_start("su", start=START, constituted_on=CONSTITUTED, seats=[later])
    assert "Kari har sete fra 1. mars 2027" in refused.value.problems[0].message
    earlier = seat(start=date(2027, 2, 28))
    member_rules.check_term_start("su", start=START, constituted_on=CONSTITUTED, seats=[earlier])


def test_alu_members_the_alu_has_no_term_but_its_working_committee_has():
    with pytest.raises(RuleViolation) as refused:
        member_rules.check_term_start("alu", start=START, constituted_on=CONSTITUTED, seats=[])
    assert refused.value.rule_id == "ALU-MEMBERS" and refused.value.message.startswith("Funksjonsperiode:")
    member_rules.check_term_start("alu_working", start=START, constituted_on=CONSTITUTED, seats=[])


def test_the_seats_held_on_the_eve_of_the_new_term_carry_forward():
    assert member_rules.carries_forward(seat(end=date(2027, 2, 28)), start=START)
    assert not member_rules.carries_forward(seat(end=date(2027, 2, 27)), start=START)
    assert member_rules.carries_forward(seat(start=date(2027, 2, 28)), start=START)
    assert member_rules.carries_forward(seat(), start=START)


def test_su_composition_a_chair_carries_forward_as_a_member_and_the_other_side_chairs_first():
    assert member_rules.role_forward("chair") == "member"
    assert member_rules.role_forward("deputy") == "deputy"
    chair = seat("municipality", "chair", start=date(2026, 3, 1))
    assert member_rules.next_chair_side([chair], start=START) == "gps"
    assert member_rules.next_chair_side([seat("gps", "chair")], start=START) == "municipality"
    assert member_rules.next_chair_side([chair], start=date(2026, 3, 1)) is None  # no one chaired the eve
    assert member_rules.next_chair_side([], start=START) is None


def test_the_seats_running_into_the_new_term_end_the_day_before_and_the_new_ones_follow():
    running, ended = seat(name="A"), seat(end=date(2026, 6, 30), name="B")
    late = seat(end=date(2027, 12, 31), name="C")
    new = seat(start=START, name="D")
    found = member_rules.term_seats([running, ended, late], [new], start=START)
    assert [(s.name, s.end) for s in found] == [
        ("A", date(2027, 2, 28)),
        ("B", date(2026, 6, 30)),
        ("C", date(2027, 2, 28)),
        ("D", None),
    ]


def test_su_composition_the_chair_refusal_names_the_chair_years_by_their_first_day():
    first = seat("gps", "chair", start=CONSTITUTED)
    again = seat("gps", "chair", start=date(2026, 3, 1))
    [problem] = rules.chair_problems([first, again], constituted_on=CONSTITUTED)
    assert problem.message.startswith(
        "Leder: allmennlegene har ledelsen to år på rad (lederårene fra 1. mars 2025 og 1. mars 2026)"
    )
    assert rules.chair_year_start(date(2024, 2, 29), 1) == date(2025, 3, 1)
