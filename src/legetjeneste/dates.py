"""Dates in Europe/Oslo: Period, today, months, working days and Norwegian public holidays."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.relativedelta import relativedelta

OSLO = ZoneInfo("Europe/Oslo")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES_NB = {
    "monday": "mandag",
    "tuesday": "tirsdag",
    "wednesday": "onsdag",
    "thursday": "torsdag",
    "friday": "fredag",
    "saturday": "lørdag",
    "sunday": "søndag",
}


@dataclass(frozen=True)
class Period:
    """A span of whole days, both ends included; `end=None` means open-ended."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("Perioden slutter før den begynner")

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: "Period") -> bool:
        starts_before_other_ends = other.end is None or self.start <= other.end
        ends_after_other_starts = self.end is None or other.start <= self.end
        return starts_before_other_ends and ends_after_other_starts

    def __str__(self) -> str:
        end = self.end.isoformat() if self.end else "…"
        return f"{self.start.isoformat()}–{end}"


def now_oslo() -> datetime:
    return datetime.now(OSLO)


def today_oslo() -> date:
    return now_oslo().date()


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); a day the month lacks becomes its last (31 January + 1 month
    is 28 or 29 February; 29 February + 12 months is 28 February). The one month arithmetic of the project."""
    return day + relativedelta(months=months)


def parse_month(text: str) -> date:
    """'2026-03' → 2026-03-01; raises ValueError on anything else."""
    year, month = text.split("-")
    if len(year) != 4 or len(month) != 2:
        raise ValueError(text)
    return date(int(year), int(month), 1)


def format_month(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


@lru_cache(maxsize=64)
def public_holidays(year: int) -> dict[date, str]:
    return dict(holidays.Norway(years=year, language="no"))


def is_public_holiday(day: date) -> bool:
    return day in public_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Monday to Friday, except Norwegian public holidays."""
    return day.weekday() < 5 and not is_public_holiday(day)


def days(period: Period) -> list[date]:
    if period.end is None:
        raise ValueError("En åpen periode har ingen endelig liste av dager")
    return [period.start + timedelta(n) for n in range((period.end - period.start).days + 1)]


def age_on(birth_date: date, day: date) -> int:
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)
