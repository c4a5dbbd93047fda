"""Meetings of the committees (RULES.md § 6): the half-yearly meeting (SU-COMPOSITION, ALU-MEMBERS), the
yearly joint SU meeting where a legevakt is shared (SU-JOINT-LV), each GP's yearly meeting with the
municipality (AGR-ANNUAL-MEETING), attendance with valid absence, and the meeting as an iCalendar event.
Pure."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from legetjeneste.committees.rules import ALU_MEMBERS, SU_COMPOSITION, SU_JOINT_LV, is_su
from legetjeneste.dates import OSLO, Period
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.norwegian import day_text

PLANNED, HELD, CANCELLED = "planned", "held", "cancelled"
STATUSES = {PLANNED: "innkalt", HELD: "holdt", CANCELLED: "avlyst"}
INVITED, PRESENT, EXCUSED, ABSENT = "invited", "present", "excused", "absent"
ATTENDANCE = {INVITED: "innkalt", PRESENT: "til stede", EXCUSED: "gyldig forfall", ABSENT: "ikke møtt"}


def half_year(day: date) -> Period:
    """The calendar half-year a day falls in (interpretation: «minst halvårlig» = one meeting in each of
    1 January–30 June and 1 July–31 December)."""
    if day.month <= 6:
        return Period(date(day.year, 1, 1), date(day.year, 6, 30))
    return Period(date(day.year, 7, 1), date(day.year, 12, 31))


def previous_half_year(day: date) -> Period:
    first = half_year(day).start
    return half_year(date(first.year, 1, 1) if first.month == 7 else date(first.year - 1, 7, 1))


@dataclass(frozen=True)
class Due:
    """A clock the committees open: what is due by when, from when, under which rule."""

    key: str
    code: str
    start: date
    due: date
    rule_id: str
    citation: str
    text: str


def half_year_dues(
    kind: str, *, committee_id: int, name: str, meetings: list[date], constituted_on: date, on: date
) -> list[Due]:
    """SU-COMPOSITION / ALU-MEMBERS, ASA 4310 §§ 4.1.2, 4.2.2 — the committee meets at least every half-year:
    a clock for the running half-year while no meeting is held or called in it, and an overdue one for the
    half-year before when none was held (only half-years after the constitution)."""
    rule = SU_COMPOSITION if is_su(kind) else ALU_MEMBERS
    found = []
    for period in (previous_half_year(on), half_year(on)):
        end = period.end or period.start  # a half-year always has its end
        if end < constituted_on or any(period.contains(m) for m in meetings):
            continue
        found.append(
            Due(
                key=f"committee-{committee_id}-meeting-{period.start.isoformat()}",
                code="committee_meeting",
                start=max(period.start, constituted_on),
                due=end,
                rule_id=rule.id,
                citation=rule.citation,
                text=f"{name}: møte i halvåret {day_text(period.start)}–{day_text(end)} (minst halvårlig)",
            )
        )
    return found


def joint_dues(*, committee_id: int, name: str, joint_meetings: list[date], on: date) -> list[Due]:
    """SU-JOINT-LV, ASA 4310 § 4.2.2 — where a legevakt is shared, a joint SU meeting at least once in each
    calendar year."""
    if any(m.year == on.year for m in joint_meetings):
        return []
    return [
        Due(
            key=f"committee-{committee_id}-joint-{on.year}",
            code="committee_joint_meeting",
            start=date(on.year, 1, 1),
            due=date(on.year, 12, 31),
            rule_id=SU_JOINT_LV.id,
            citation=SU_JOINT_LV.citation,
            text=f"{name}: felles møte med samarbeidsutvalgene i legevaktsamarbeidet i {on.year}",
        )
    ]


def check_meeting_time(*, starts: time, ends: time | None) -> None:
    if ends is not None and ends <= starts:
        raise ValidationFailed([Problem("ends", "Møtet må slutte etter at det begynner")])


def check_attendance(*, status: str, absence_reason: str) -> None:
    """ALU-MEMBERS, ASA 4310 § 4.1.2 — attendance is a duty unless the member has valid absence («gyldig
    forfall»): valid absence needs its reason."""
    if status == EXCUSED and not absence_reason.strip():
        raise RuleViolation.of(ALU_MEMBERS, "Forfall: oppgi grunnen til det gyldige forfallet.")


@dataclass(frozen=True)
class MeetingEvent:
    uid: str
    title: str
    on: date
    starts: time
    ends: time | None
    place: str
    description: str
    url: str
    attendees: tuple[str, ...] = ()


def invitation_calendar(event: MeetingEvent, *, stamp: datetime, organizer: str) -> bytes:
    """The meeting as an iCalendar invitation (METHOD:REQUEST), in Oslo time; an hour when no end is set."""
    calendar = Calendar()
    calendar.add("prodid", "-//legetjeneste//utvalg//NO")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    item = Event()
    item.add("uid", event.uid)
    item.add("dtstamp", stamp.astimezone(UTC))
    start = datetime.combine(event.on, event.starts, tzinfo=OSLO)
    item.add("dtstart", start)
    end = datetime.combine(event.on, event.ends, tzinfo=OSLO) if event.ends else None
    item.add("dtend", end or start + timedelta(hours=1))
    item.add("summary", event.title)
    item.add("location", event.place)
    item.add("description", event.description)
    item.add("url", event.url)
    item.add("organizer", f"mailto:{organizer}")
    for address in event.attendees:
        item.add("attendee", f"mailto:{address}")
    calendar.add_component(item)
    return calendar.to_ical()
