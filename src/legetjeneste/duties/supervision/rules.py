"""DUTY-LIS1-AGREE as pure functions: the minimum term of an agreement to receive and supervise a LIS1 (three
years, renewals two), and when it ends after notice (six months, not before the term ends, and supervision
already begun is finished)."""

from datetime import date, timedelta

from legetjeneste.dates import add_months
from legetjeneste.errors import Rule, RuleViolation
from legetjeneste.norwegian import day_text

AGREE = Rule("DUTY-LIS1-AGREE", "ASA 4310 § 11.1")


def min_term_end(*, start: date, renewal: bool, min_years: int, renewal_min_years: int) -> date:
    """DUTY-LIS1-AGREE — the last day of the shortest allowed term: three years from the start, two for a
    renewal (the day before the anniversary)."""
    return add_months(start, 12 * (renewal_min_years if renewal else min_years)) - timedelta(days=1)


def check_term(*, start: date, term_end: date, renewal: bool, min_years: int, renewal_min_years: int) -> None:
    """DUTY-LIS1-AGREE, ASA 4310 § 11.1 — refuse a term shorter than the minimum."""
    shortest = min_term_end(
        start=start, renewal=renewal, min_years=min_years, renewal_min_years=renewal_min_years
    )
    if term_end < shortest:
        years = renewal_min_years if renewal else min_years
        what = "en fornyelse" if renewal else "en ny avtale"
        raise RuleViolation.of(
            AGREE,
            f"«Avtalen varer til» må være minst {years} år for {what}: tidligst {day_text(shortest)}.",
        )


def end_after_notice(
    *, notice_on: date, term_end: date, notice_months: int, supervision_until: date | None
) -> date:
    """DUTY-LIS1-AGREE, ASA 4310 § 11.1 — notice takes effect six months after it is given, never before the
    term ends, and supervision already begun is finished."""
    end = max(add_months(notice_on, notice_months), term_end)
    return max(end, supervision_until) if supervision_until else end
