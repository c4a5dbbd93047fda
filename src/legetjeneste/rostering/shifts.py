"""The shifts of a period from a scheme's templates and the Norwegian holiday calendar."""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from legetjeneste.dates import OSLO, Period, public_holidays
from legetjeneste.norwegian import day_text
from legetjeneste.rostering.problem import Category, Shift, ShiftTemplate

NIGHT_START = time(0, 0)
NIGHT_END = time(6, 0)


def holidays_between(first: date, last: date) -> set[date]:
    """The Norwegian public holidays from `first` to `last`, both included."""
    found: set[date] = set()
    for year in range(first.year, last.year + 1):
        found.update(day for day in public_holidays(year) if first <= day <= last)
    return found


def category_of(day: date, holidays: set[date]) -> Category:
    """LV-SHIFTS-VEFSN — public holidays count as weekend days, but are their own fairness category."""
    if day in holidays:
        return "holiday"
    return "weekend" if day.weekday() >= 5 else "weekday"


def is_night(start: datetime, end: datetime) -> bool:
    """A night shift covers some time between 00:00 and 06:00 (local time)."""
    day = start.date()
    while datetime.combine(day, NIGHT_START, OSLO) < end:
        night_start = datetime.combine(day, NIGHT_START, OSLO)
        night_end = datetime.combine(day, NIGHT_END, OSLO)
        if start < night_end and night_start < end:
            return True
        day += timedelta(days=1)
    return False


def shift_label(shift: Shift) -> str:
    """«Natt til 14. juli (uke 28)» for a shift over midnight, otherwise «Lørdag 17. juli (uke 28)»."""
    week = shift.day.isocalendar()[1]
    if shift.is_night and shift.end.date() > shift.day:
        return f"Natt til {day_text(shift.end.date(), year=False)} (uke {week})"
    return f"{day_text(shift.day, year=False, weekday=True).capitalize()} (uke {week})"


def _applies(template: ShiftTemplate, day: date, category: Category) -> bool:
    weekend_like = category != "weekday"
    if (template.days == "weekend") != weekend_like:
        return False
    if template.weekdays is not None and day.weekday() not in template.weekdays:
        return False
    return template.office_days is None or day.weekday() in template.office_days


def shifts_for(
    templates: Iterable[ShiftTemplate],
    first: date,
    last: date,
    *,
    summer: Period | None = None,
    holidays: set[date] | None = None,
) -> tuple[Shift, ...]:
    """Every shift from `first` to `last` (both included) in start order.

    `holidays` defaults to the Norwegian public holidays (`legetjeneste.dates`); pass a set to use a
    scheme's own list. Weekend templates apply on Saturdays, Sundays and holidays.
    """
    if last < first:
        raise ValueError("Perioden slutter før den begynner")
    holidays = holidays_between(first, last) if holidays is None else set(holidays)
    templates = tuple(templates)
    found: list[Shift] = []
    day = first
    while day <= last:
        category = category_of(day, holidays)
        for template in templates:
            if not _applies(template, day, category):
                continue
            start = datetime.combine(day, template.start, OSLO)
            end_day = day if template.end > template.start else day + timedelta(days=1)
            end = datetime.combine(end_day, template.end, OSLO)
            office = template.office_days.get(day.weekday()) if template.office_days else None
            found.append(
                Shift(
                    id=f"{day.isoformat()}/{template.code}",
                    day=day,
                    template=template.code,
                    start=start,
                    end=end,
                    category=category,
                    is_night=is_night(start, end),
                    office_id=office,
                    has_bakvakt=template.has_bakvakt,
                    is_summer=summer is not None and summer.contains(day),
                )
            )
        day += timedelta(days=1)
    found.sort(key=lambda shift: (shift.start.timestamp(), shift.id))
    return tuple(found)
