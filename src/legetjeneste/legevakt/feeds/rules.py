"""Published rosters as files: iCalendar feeds (RFC 5545) per doctor and per scheme, CSV, and the weeks of
a printable month. Plain values in, text out; no database."""

import calendar as month_calendar
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar

from legetjeneste.dates import OSLO
from legetjeneste.norwegian import day_text

PRODID = "-//legetjeneste//Vaktliste//NB"
REFRESH = timedelta(hours=1)
CSV_HEADER = ("Dato", "Vakt", "Fra", "Til", "Lege", "HPR-nummer", "Merknad")
VACANT = "LEDIG"


@dataclass(frozen=True)
class FeedShift:
    """One shift of a published roster as the files show it; `doctor_name` None means vacant."""

    assignment_id: int
    scheme_name: str
    label: str
    on: date
    starts_at: datetime
    ends_at: datetime
    doctor_name: str | None
    hpr_number: str | None
    was_vacant: bool = False


def uid_of(assignment_id: int) -> str:
    """Stable across feeds and refreshes, so a calendar app updates the event instead of adding one."""
    return f"roster-shift-{assignment_id}@legetjeneste"


def _local(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


def shift_event(shift: FeedShift, *, stamp: datetime, with_doctor: bool) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid_of(shift.assignment_id))
    event.add("dtstamp", stamp)
    event.add("dtstart", _local(shift.starts_at))
    event.add("dtend", _local(shift.ends_at))
    who = shift.doctor_name or "ledig vakt"
    summary = f"{shift.scheme_name}: {shift.label}"
    event.add("summary", f"{summary} – {who}" if with_doctor else summary)
    event.add("location", shift.scheme_name)
    event.add("transp", "OPAQUE")
    return event


def roster_calendar(name: str, shifts: Iterable[FeedShift], *, stamp: datetime, with_doctor: bool) -> bytes:
    """The feed «Vakter – <name>»; `stamp` (UTC) is each event's DTSTAMP; times are Europe/Oslo."""
    feed = icalendar.Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", f"Vakter – {name}")
    feed.add("x-wr-timezone", "Europe/Oslo")
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", "PT1H")
    for shift in shifts:
        feed.add_component(shift_event(shift, stamp=stamp, with_doctor=with_doctor))
    feed.add_missing_timezones()
    return feed.to_ical()


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def roster_csv(shifts: Iterable[FeedShift]) -> str:
    """Semicolon-separated with a BOM, as Norwegian Excel opens it: one row per shift."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for shift in shifts:
        note = (
            "ledig vakt"
            if shift.doctor_name is None
            else ("fylt fra vakanslisten" if shift.was_vacant else "")
        )
        row = [
            shift.on.strftime("%d.%m.%Y"),
            shift.label,
            shift.starts_at.strftime("%d.%m.%Y %H:%M"),
            shift.ends_at.strftime("%d.%m.%Y %H:%M"),
            shift.doctor_name or VACANT,
            shift.hpr_number or "",
            note,
        ]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


@dataclass(frozen=True)
class MonthDay:
    on: date
    in_month: bool
    shifts: list[FeedShift]


def month_weeks(year: int, month: int, shifts: Iterable[FeedShift]) -> list[list[MonthDay]]:
    """The weeks (Monday first) of a month with each day's shifts, for the printable month view."""
    by_day: dict[date, list[FeedShift]] = {}
    for shift in shifts:
        by_day.setdefault(shift.on, []).append(shift)
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[MonthDay(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks]


def shift_time_text(shift: FeedShift) -> str:
    """«15:30–08:00» for the month view and the pages."""
    return f"{shift.starts_at:%H:%M}–{shift.ends_at:%H:%M}"


def shift_day_text(shift: FeedShift) -> str:
    return day_text(shift.on, weekday=True)


def feed_shift(assignment, scheme_name: str) -> FeedShift:
    """A stored shift (a `RosterAssignment`) as the files show it."""
    doctor = assignment.doctor
    return FeedShift(
        assignment_id=assignment.id,
        scheme_name=scheme_name,
        label=assignment.label,
        on=assignment.on,
        starts_at=assignment.starts_at,
        ends_at=assignment.ends_at,
        doctor_name=doctor.full_name if doctor else None,
        hpr_number=doctor.hpr_number if doctor else None,
        was_vacant=assignment.was_vacant,
    )
