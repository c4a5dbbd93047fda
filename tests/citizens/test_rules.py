"""The citizen register's pure rules: the fødselsnummer, which moves count (CIT-SWITCH), children
(CIT-CHILDREN), returns (CIT-CLOSED, CIT-RETURN), families and the draw (CIT-REDUCTION-DRAW)."""

from datetime import date

import pytest

from legetjeneste.citizens import rules
from legetjeneste.citizens.distribution import rules as distribution_rules
from legetjeneste.citizens.switching.rules import effective_date
from legetjeneste.errors import ValidationFailed

TODAY = date(2026, 12, 4)


def test_a_synthetic_number_is_accepted_only_while_test_identities_are_on():
    number = rules.synthetic_number(date(1980, 5, 17), 7, male=True)
    found = rules.national_id(number, allow_synthetic=True, today=TODAY)
    assert (found.birth_date, found.sex, found.synthetic) == (date(1980, 5, 17), "male", True)
    with pytest.raises(ValidationFailed) as refused:
        rules.national_id(number, allow_synthetic=False, today=TODAY)
    assert "testidentiteter" in refused.value.problems[0].message


def test_a_real_fodselsnummer_is_checked_by_its_check_digits_and_birth_date():
    assert rules.national_id("15108695088", allow_synthetic=False, today=TODAY).sex == "female"
    for bad, why in (("15108695077", "kontrollsifrene"), ("1510869508", "11 siffer")):
        with pytest.raises(ValidationFailed) as refused:
            rules.national_id(bad, allow_synthetic=False, today=TODAY)
        assert why in refused.value.problems[0].message


def test_synthetic_numbers_carry_the_birth_date_of_this_century_too():
    number = rules.synthetic_number(date(2015, 2, 28), 3, male=False)
    assert rules.national_id(number, allow_synthetic=True, today=TODAY).birth_date == date(2015, 2, 28)


def test_cit_switch_only_a_chosen_switch_counts():
    assert [r for r in rules.REASONS if rules.counts_as_switch(r)] == ["switch", "waiting_list"]
    for reason in ("moved_in", "gp_left", "reduction", "vacant", "threat", "child", "assigned"):
        assert not rules.counts_as_switch(reason)


def test_cit_switch_takes_effect_the_1st_of_the_next_month_also_across_the_year():
    assert effective_date(date(2026, 12, 31)) == date(2027, 1, 1)
    assert effective_date(date(2027, 1, 1)) == date(2027, 2, 1)


def test_cit_children_under_16_is_a_child_to_the_day():
    assert rules.is_child(date(2011, 4, 2), on=date(2027, 4, 1), child_age=16)
    assert not rules.is_child(date(2011, 4, 1), on=date(2027, 4, 1), child_age=16)


def test_cit_children_the_child_follows_the_chosen_parent_else_the_mother():
    assert rules.followed_parent([(1, "male", False), (2, "female", False)]) == 2
    assert rules.followed_parent([(1, "male", True), (2, "female", False)]) == 1
    assert rules.followed_parent([]) is None


def test_cit_return_within_three_years_and_registered_within_six_months():
    assert rules.returns_within(date(2024, 4, 1), on=date(2027, 4, 1), years=3)
    assert not rules.returns_within(date(2024, 3, 31), on=date(2027, 4, 1), years=3)
    assert rules.registered_in_time(date(2027, 1, 15), registered=date(2027, 7, 15), months=6)
    assert not rules.registered_in_time(date(2027, 1, 15), registered=date(2027, 7, 16), months=6)


def test_families_join_parents_and_children_and_nobody_else():
    assert rules.families([1, 2, 3, 4, 5], [(3, 1), (3, 2), (5, 4)]) == [[1, 2, 3], [4, 5]]


def _list_of(size: int) -> list[list[int]]:
    """A list of `size` citizens: every third a family of a parent and two children."""
    members, families, citizen = 0, [], 0
    while members < size:
        family = [citizen, citizen + 1, citizen + 2] if citizen % 9 == 0 else [citizen]
        families.append(family)
        citizen += len(family)
        members += len(family)
    return families


def test_cit_reduction_draw_200_drawn_with_families_whole_and_the_same_draw_with_the_same_seed():
    families = _list_of(1200)
    drawn = distribution_rules.draw(families, count=200, seed="1824-2027-04")
    assert sum(len(f) for f in drawn) == 200
    assert all(f in families for f in drawn)
    assert drawn == distribution_rules.draw(families, count=200, seed="1824-2027-04")
    assert drawn != distribution_rules.draw(families, count=200, seed="1824-2027-05")


def test_spreading_puts_each_family_on_the_list_with_the_most_room_until_all_are_full():
    placed = distribution_rules.spread([[1], [2, 3], [4]], {10: 2, 11: 1})
    assert placed == [([1], 10), ([2, 3], 10), ([4], 11)]
    assert distribution_rules.spread([[5]], {10: 0}) == [([5], None)]
