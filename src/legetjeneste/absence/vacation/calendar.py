"""iCalendar feeds (RFC 5545) of absences, for the SU's and the offices' calendar apps (SU-VACATION).

One all-day event per absence. Its summary shows the ground only as the reader may see it
(`labels.ground_label`): a subscriber without the right sees «ferie eller ordinært fravær» or «annet
fravær», never a sickness.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

import icalendar

from legetjeneste.absence.vacation.rules.data import Away

PRODID = "-//legetjeneste//Fravær//NB"
REFRESH = timedelta(hours=1)


def uid_of(absence_id: int) -> str:
    """Stable across feeds and refreshes, so a calendar app updates the event instead of adding one."""
    return f"absence-{absence_id}@legetjeneste"


def calendar_name(place: str) -> str:
    return f"Fravær – {place}"


def absence_event(away: Away, *, stamp: datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid_of(away.absence_id))
    event.add("dtstamp", stamp)
    event.add("dtstart", away.start)
    # An all-day event ends on the day after its last day (RFC 5545 § 3.6.1).
    event.add("dtend", away.end + timedelta(1))
    event.add("summary", f"{away.doctor_name}: {away.ground_label}")
    event.add("description", f"Dekning: {away.cover_text}\nLegekontor: {away.office_name}")
    event.add("location", away.office_name)
    event.add("transp", "TRANSPARENT")
    return event


def absence_calendar(place: str, absences: Iterable[Away], *, stamp: datetime) -> bytes:
    """The feed «Fravær – <place>»; `stamp` (UTC) is each event's DTSTAMP."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", calendar_name(place))
    calendar.add("x-wr-timezone", "Europe/Oslo")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for away in absences:
        calendar.add_component(absence_event(away, stamp=stamp))
    return calendar.to_ical()
