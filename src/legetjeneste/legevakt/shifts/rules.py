"""Pure parts of «Mine vakter»: a month as weeks with their ISO week numbers; the months around it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from legetjeneste.dates import add_months
from legetjeneste.legevakt.feeds.rules import FeedShift, MonthDay, month_weeks
from legetjeneste.norwegian import MONTHS


@dataclass(frozen=True)
class Week:
    """A week of the month calendar: its ISO 8601 week number (Norway's «uke») and its seven days."""

    number: int
    days: list[MonthDay]


def month_calendar(month: date, shifts: Iterable[FeedShift]) -> list[Week]:
    """The weeks (Monday first) holding days of the month, each with its number and each day's shifts."""
    weeks = month_weeks(month.year, month.month, shifts)
    return [Week(week[0].on.isocalendar().week, week) for week in weeks]


def month_name(month: date) -> str:
    """«mars 2027»."""
    return f"{MONTHS[month.month - 1]} {month.year}"


def last_day(month: date) -> date:
    return add_months(month.replace(day=1), 1) - timedelta(days=1)


def neighbours(month: date) -> tuple[date, date]:
    """The first days of the month before and the month after."""
    return add_months(month, -1), add_months(month, 1)
