from datetime import date

import pytest

from legetjeneste.dates import Period, age_on, days, format_month, is_working_day, parse_month


def test_a_period_includes_both_its_first_and_its_last_day():
    period = Period(date(2026, 3, 1), date(2026, 3, 20))
    assert period.contains(date(2026, 3, 1)) and period.contains(date(2026, 3, 20))
    assert not period.contains(date(2026, 3, 21)) and not period.contains(date(2026, 2, 28))


def test_an_open_ended_period_contains_every_later_day():
    assert Period(date(2015, 1, 1)).contains(date(2099, 12, 31))


def test_periods_that_share_one_day_overlap_and_adjacent_periods_do_not():
    first = Period(date(2026, 1, 1), date(2026, 6, 30))
    assert first.overlaps(Period(date(2026, 6, 30), None))
    assert not first.overlaps(Period(date(2026, 7, 1), date(2026, 12, 31)))


def test_a_period_cannot_end_before_it_begins():
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 31))


def test_constitution_day_and_weekends_are_not_working_days_but_the_day_after_is():
    assert not is_working_day(date(2026, 5, 17))
    assert not is_working_day(date(2026, 5, 16))
    assert is_working_day(date(2026, 5, 18))
    assert not is_working_day(date(2026, 12, 25))


def test_someone_born_on_29_february_turns_a_year_older_on_1_march_in_common_years():
    assert age_on(date(1964, 2, 29), date(2026, 2, 28)) == 61
    assert age_on(date(1964, 2, 29), date(2026, 3, 1)) == 62


def test_days_lists_every_day_of_a_closed_period():
    assert len(days(Period(date(2024, 2, 1), date(2024, 2, 29)))) == 29


def test_months_are_written_and_read_as_year_dash_month():
    assert parse_month("2026-03") == date(2026, 3, 1)
    assert format_month(date(2026, 3, 1)) == "2026-03"
    with pytest.raises(ValueError):
        parse_month("2026-3")
