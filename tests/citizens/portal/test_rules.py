"""«Min fastlege»'s rules: the fødselsnummer from the login, whose page a citizen may open, the year's
switches (CIT-SWITCH)."""

from datetime import date

from legetjeneste.citizens.portal import rules
from tests.citizens.people import synthetic_national_id


def test_a_synthetic_number_with_right_check_digits_is_accepted_and_a_changed_digit_is_not():
    number = synthetic_national_id(date(1985, 3, 14))
    assert number[2:4] == "83"
    assert rules.is_national_id(number, allow_synthetic=True)
    assert not rules.is_national_id(number, allow_synthetic=False)
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    assert not rules.is_national_id(wrong, allow_synthetic=True)
    assert not rules.is_national_id("1234567890", allow_synthetic=True)


def test_the_number_comes_from_the_configured_claim():
    number = synthetic_national_id(date(1985, 3, 14))
    assert rules.national_id_from({"pid": number}, claim="pid", allow_synthetic=True) == number
    assert rules.national_id_from({"sub": number}, claim="pid", allow_synthetic=True) is None


def test_a_parent_opens_a_childs_page_until_the_child_turns_16():
    children = {2: date(2010, 12, 5)}
    assert rules.may_open(own_id=1, wanted_id=1, children=children, on=date(2026, 12, 4))
    assert rules.may_open(own_id=1, wanted_id=2, children=children, on=date(2026, 12, 4))
    assert not rules.may_open(own_id=1, wanted_id=2, children=children, on=date(2026, 12, 5))
    assert not rules.may_open(own_id=1, wanted_id=3, children=children, on=date(2026, 12, 4))


def test_the_switches_left_never_go_below_none():
    assert rules.switches_left(2, most=2) == 0 and rules.switches_left(1, most=2) == 1
    assert rules.switches_left(3, most=2) == 0
