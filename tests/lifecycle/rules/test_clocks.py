"""RULES.md § 1 (AGR-*): the life cycle's clocks: month ends and leap years, with the numbers in force as the
service resolves them (`lifecycle.terms`)."""

from datetime import date

import pytest

from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.dates import add_months as months_after
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.rules import clocks
from legetjeneste.lifecycle.rules.clocks import Clock


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2026, 3, 15), 6, date(2026, 9, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 5, 31), 1, date(2026, 6, 30)),
        (date(2026, 10, 31), 3, date(2027, 1, 31)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2028, 2, 29), 48, date(2032, 2, 29)),
        (date(2026, 12, 15), 0, date(2026, 12, 15)),
    ],
)
def test_a_period_in_months_ends_on_the_same_date_or_the_months_last_day(start, months, due):
    assert months_after(start, months) == due


def clock(due: date) -> Clock:
    return Clock("x", "AGR-NOTICE", "ASA 4310 § 16", date(2026, 1, 1), due, "tekst", "kommune")


def status_on(c: Clock, day: date) -> str:
    return c.status_on(day, due_soon_days=terms.due_soon_days(day))


def test_a_clock_is_running_until_14_days_before_due_then_due_soon_then_overdue_the_day_after():
    due = date(2026, 6, 30)
    assert status_on(clock(due), date(2026, 6, 15)) == "running"
    assert status_on(clock(due), date(2026, 6, 16)) == "due_soon"
    assert status_on(clock(due), date(2026, 6, 30)) == "due_soon"
    assert status_on(clock(due), date(2026, 7, 1)) == "overdue"
    assert clock(due).days_left(date(2026, 7, 3)) == -3


def test_agr_announce_the_application_deadline_is_the_announcement_clocks_due_date():
    c = clocks.announcement_clock(published=date(2026, 9, 1), application_deadline=date(2026, 9, 22))
    assert (c.rule_id, c.citation, c.due, c.responsible) == (
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        date(2026, 9, 22),
        "kommune",
    )


def test_agr_offer_5w_the_offer_may_be_accepted_for_35_days_from_the_day_it_is_given():
    c = terms.offer_clock(date(2026, 3, 2))
    assert (c.rule_id, c.due, c.responsible) == ("AGR-OFFER-5W", date(2026, 4, 6), "lege")
    assert "35 dager" in c.text and "trekke det tilbake" in c.text


def test_agr_transfer_5w_after_35_days_without_agreement_the_national_board_sets_the_price():
    c = terms.transfer_clock(date(2026, 12, 10))
    assert (c.rule_id, c.citation, c.due) == ("AGR-TRANSFER-5W", "ASA 4310 § 5.6", date(2027, 1, 14))
    assert "nasjonal nemnd" in c.text


def test_agr_notice_given_on_31_august_2026_ends_on_28_february_2027():
    c = terms.notice_clock(date(2026, 8, 31))
    assert (c.rule_id, c.citation, c.due) == ("AGR-NOTICE", "ASA 4310 § 16", date(2027, 2, 28))
    assert "28. februar 2027" in c.text


def test_agr_notice_given_on_31_august_2027_ends_on_the_leap_day_2028():
    assert terms.notice_clock(date(2027, 8, 31)).due == date(2028, 2, 29)


def test_agr_hjemfall_falls_due_6_months_after_the_notice_period_and_says_how_many_announcements_exist():
    c = terms.hjemfall_clock(date(2027, 2, 28), [date(2026, 9, 1), date(2026, 11, 2)])
    assert (c.rule_id, c.citation, c.due) == ("AGR-HJEMFALL", "ASA 4310 § 5.8", date(2027, 8, 28))
    assert "2 av minst 3 korrekte utlysninger" in c.text and "1 gjenstår" in c.text
    assert "vikar" in c.text


def test_agr_hjemfall_from_a_notice_period_ending_on_31_august_falls_due_on_the_last_of_february():
    c = terms.hjemfall_clock(date(2027, 8, 31), [date(2027, 1, 4)] * 3)
    assert c.due == date(2028, 2, 29)
    assert "3 av minst 3" in c.text and "gjenstår" not in c.text


@pytest.mark.parametrize(
    ("ground", "due"),
    [
        ("health", date(2027, 1, 31)),
        ("care", date(2027, 1, 31)),
        ("age", date(2027, 4, 30)),
        ("demanding_list", date(2027, 4, 30)),
        ("later_tasks", date(2027, 4, 30)),
    ],
)
def test_agr_listreduce_6_months_notice_and_3_on_health_or_care_from_31_october(ground, due):
    c = terms.list_reduction_clock(ground, date(2026, 10, 31))
    assert (c.rule_id, c.citation, c.due) == ("AGR-LISTREDUCE", "ASA 4310 § 10.7", due)


def test_agr_deleliste_the_phase_out_lasts_at_most_5_years_to_the_day_before_the_fifth_anniversary():
    c = terms.deleliste_end_clock(date(2026, 3, 1))
    assert (c.rule_id, c.citation, c.due) == ("AGR-DELELISTE", "ASA 4310 § 10.8", date(2031, 2, 28))
    assert terms.deleliste_end_clock(date(2028, 2, 29)).due == date(2033, 2, 27)


def test_agr_revision_the_agreement_may_be_revised_again_a_year_after_the_last_revision():
    c = terms.revision_clock(date(2028, 2, 29))
    assert (c.rule_id, c.citation, c.due, c.responsible) == (
        "AGR-REVISION",
        "ASA 4310 § 16",
        date(2029, 2, 28),
        "kommuneoverlege",
    )


def test_agr_new_inform_and_agr_new_su_are_steps_before_a_new_agreement_done_when_dated():
    inform, su = clocks.new_agreement_clocks(gps_informed_on=date(2026, 2, 1), su_statement_on=None)
    assert (inform.rule_id, inform.citation, inform.done) == ("AGR-NEW-INFORM", "ASA 4310 § 5.1", True)
    assert (su.rule_id, su.citation, su.done, su.responsible) == ("AGR-NEW-SU", "ASA 4310 § 5.3", False, "su")


def test_agr_announce_a_vacancy_is_announced_without_undue_delay_as_a_step_without_a_number():
    (step,) = clocks.vacancy_steps(announced_on=None)
    assert (step.rule_id, step.done) == ("AGR-ANNOUNCE", False)
    assert "uten ubegrunnet opphold" in step.text


def test_a_clock_before_the_agreements_numbers_are_in_force_is_refused_with_a_clear_error_not_a_crash():
    with pytest.raises(ParameterNotInForce) as caught:
        terms.offer_clock(date(2024, 3, 31))
    assert caught.value.rule_id == "AGR-OFFER-5W" and "31.3.2024" in caught.value.message
    assert terms.offer_clock(date(2024, 4, 1)).due == date(2024, 5, 6)
