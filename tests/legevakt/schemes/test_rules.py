"""LV-COMPETENCE, LV-SHIFTS-VEFSN and NN-OFFICE-DAYS as pure functions: who needs a bakvakt, and the shifts
of a month with public holidays counted as weekend days."""

from datetime import date

import pytest

from legetjeneste.legevakt.schemes import rules


@pytest.mark.parametrize(
    ("status", "courses", "needs"),
    [
        ("allmennmedisin", {"emergency_medicine", "violence_abuse"}, False),
        ("alis", {"emergency_medicine", "violence_abuse"}, False),
        ("none", {"emergency_medicine", "violence_abuse"}, False),
        ("allmennmedisin", {"emergency_medicine"}, True),
        ("alis", set(), True),
        ("lis1", {"emergency_medicine", "violence_abuse"}, True),
    ],
)
def test_lv_competence_a_doctor_without_both_courses_or_in_lis1_needs_a_bakvakt(status, courses, needs):
    assert rules.needs_bakvakt(specialist_status=status, courses=courses) is needs


def test_public_holidays_count_as_weekend_days_in_the_months_shifts():
    # May 2027: 10 Saturdays and Sundays (1 May is a Saturday); Ascension Day 6 May and 17 May (also
    # Whit Monday) fall on weekdays.
    assert rules.legevakt_shift_count(date(2027, 5, 1), ["weekday", "weekend"]) == 31
    assert rules.legevakt_shift_count(date(2027, 5, 1), ["weekend"]) == 10 + 2
    assert rules.legevakt_shift_count(date(2027, 5, 1), ["weekday"]) == 31 - 12


def test_nodnett_shifts_are_the_offices_weekdays_that_are_working_days():
    # December 2026: Wednesdays to Fridays are 2–4, 9–11, 16–18, 23–25 (25th is Christmas Day), 30–31.
    assert rules.nodnett_shift_count(date(2026, 12, 1), ["wednesday", "thursday", "friday"]) == 13
