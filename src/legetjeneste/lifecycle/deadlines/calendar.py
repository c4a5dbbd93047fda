"""The deadlines of the agreement life cycle as an iCalendar feed (RFC 5545), one all-day event per open
clock, summary «<rule id>: <what is due>»."""

from collections.abc import Iterable
from datetime import datetime, timedelta

import icalendar

from legetjeneste.lifecycle.deadlines.schemas import Deadline

PRODID = "-//legetjeneste//Frister//NB"


def uid_of(deadline: Deadline) -> str:
    """Stable while the clock is open, so a calendar app moves the event when its due date changes."""
    return f"deadline-{deadline.key}@legetjeneste"


def deadline_event(deadline: Deadline, *, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid_of(deadline))
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.due_date)
    event.add("dtend", deadline.due_date + timedelta(1))
    event.add("summary", f"{deadline.rule_id}: {deadline.case_title}")
    responsible = f"Ansvarlig: {deadline.responsible_label}"
    event.add("description", f"{deadline.text}.\n{responsible}. {deadline.citation}. {_case(deadline)}.")
    event.add("transp", "TRANSPARENT")
    return event


def _case(deadline: Deadline) -> str:
    return f"Sak {deadline.case}" if deadline.case else deadline.case_title


def deadline_calendar(place: str, deadlines: Iterable[Deadline], *, stamp: datetime) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Frister – {place}")
    calendar.add("x-wr-timezone", "Europe/Oslo")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for deadline in deadlines:
        calendar.add_component(deadline_event(deadline, stamp=stamp))
    return calendar.to_ical()
