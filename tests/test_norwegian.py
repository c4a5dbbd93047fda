from datetime import UTC, date, datetime

from legetjeneste.norwegian import (
    date_text,
    day_text,
    joined,
    month_text,
    open_period_text,
    period_text,
    span_text,
)


def test_a_day_is_written_with_its_norwegian_month_and_optionally_its_weekday():
    assert day_text(date(2026, 7, 27)) == "27. juli 2026"
    assert day_text(date(2026, 7, 27), weekday=True) == "mandag 27. juli 2026"
    assert day_text(date(2026, 7, 27), year=False) == "27. juli"


def test_a_span_names_the_month_and_year_only_where_they_change():
    assert span_text(date(2026, 6, 29), date(2026, 7, 5)) == "29. juni–5. juli"
    assert span_text(date(2026, 12, 28), date(2027, 1, 3)) == "28. desember 2026–3. januar 2027"


def test_a_period_ends_with_its_year():
    assert period_text(date(2026, 7, 6), date(2026, 7, 26)) == "6.–26. juli 2026"
    assert period_text(date(2026, 12, 28), date(2027, 1, 3)) == "28. desember 2026–3. januar 2027"


def test_a_list_ends_with_og():
    assert joined(["A"]) == "A" and joined(["A", "B"]) == "A og B" and joined(["A", "B", "C"]) == "A, B og C"


def test_a_timestamp_is_dated_by_the_day_in_oslo_not_in_utc():
    assert date_text(datetime(2026, 12, 3, 23, 30, tzinfo=UTC)) == "4. desember 2026"
    assert date_text(datetime(2026, 7, 3, 21, 59, tzinfo=UTC)) == "3. juli 2026"
    assert date_text(date(2026, 12, 3)) == "3. desember 2026"


def test_a_month_is_told_in_words_and_an_open_period_says_it_has_no_end():
    assert month_text("2026-12") == month_text(date(2026, 12, 9)) == "desember 2026"
    assert open_period_text(date(2026, 12, 1), None) == "fra 1. desember 2026, uten sluttdato"
    assert open_period_text(date(2026, 12, 1), date(2027, 3, 31)) == "fra 1. desember 2026 til 31. mars 2027"
