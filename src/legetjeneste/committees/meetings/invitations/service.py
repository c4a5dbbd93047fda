"""Convening a committee meeting (SU-COMPOSITION, ALU-MEMBERS, SU-JOINT-LV): the meeting with its agenda,
every member holding a seat on the day and every observer invited (for the ALU every GP, ALU-MEMBERS), each
told in the inbox and by e-mail by their choice, with the meeting as an iCalendar invitation."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, rules
from legetjeneste.committees.meetings import rules as meeting_rules
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.models import (
    AgendaItem,
    Committee,
    CommitteeCase,
    CommitteeMeeting,
    MeetingAttendee,
)
from legetjeneste.committees.schemas import MeetingCreate
from legetjeneste.dates import now_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Forbidden, Problem, ValidationFailed
from legetjeneste.norwegian import day_text
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.settings import get_settings

KIND = "committee_meeting"


def _invitees(session: Session, committee: Committee, day) -> list[tuple[MeetingAttendee, int | None]]:
    """Every member holding a seat on the day and every observer, with their doctor row; for the ALU also
    every GP (all are members, ALU-MEMBERS)."""
    found = [
        (
            MeetingAttendee(
                member_id=m.id, name=m.name, email=m.email, role=m.role, status=meeting_rules.INVITED
            ),
            m.doctor_id,
        )
        for m in committee.members
        if m.start <= day and (m.end is None or day <= m.end) and m.role != rules.DEPUTY
    ]
    if committee.kind == rules.ALU:
        seated = {doctor_id for _, doctor_id in found}
        for period in queries.gp_periods(session, municipality_number=committee.municipality_number, on=day):
            if period.doctor_id not in seated:
                seated.add(period.doctor_id)
                attendee = MeetingAttendee(
                    name=period.doctor.full_name, role=rules.MEMBER, status=meeting_rules.INVITED
                )
                found.append((attendee, period.doctor_id))
    return found


def _link_users(session: Session, invitees: list[tuple[MeetingAttendee, int | None]]) -> None:
    """Each invitee's user (by e-mail address or doctor row): whom the invitation reaches."""
    emails = [a.email for a, _ in invitees if a.email]
    users = queries.users_for(session, emails=emails, doctor_ids=[d for _, d in invitees if d])
    for attendee, doctor_id in invitees:
        user = next(
            (
                u
                for u in users
                if (attendee.email and u.email == attendee.email) or (doctor_id and u.doctor_id == doctor_id)
            ),
            None,
        )
        attendee.user_id = user.id if user else None
        if user and not attendee.email:
            attendee.email = user.email


def guest(name: str) -> MeetingAttendee:
    """Someone at the meeting who was not invited as a member (a guest, an observer called for one case)."""
    return MeetingAttendee(name=name, role=rules.OBSERVER, status=meeting_rules.PRESENT)


def agenda_item(*, number: int, title: str, case=None, input: str = "", conclusion: str = "") -> AgendaItem:
    return AgendaItem(number=number, title=title, case=case, input=input, conclusion=conclusion)


def new_meeting(
    session: Session, actor: Actor, committee: Committee, data: MeetingCreate, *, status: str
) -> CommitteeMeeting:
    """Build and add a meeting with its agenda and invitees (in the caller's transaction)."""
    meeting_rules.check_meeting_time(starts=data.starts, ends=data.ends)
    invitees = _invitees(session, committee, data.on)
    _link_users(session, invitees)
    meeting = CommitteeMeeting(
        committee=committee,
        municipality_number=committee.municipality_number,
        on=data.on,
        starts=data.starts,
        ends=data.ends,
        place=data.place,
        status=status,
        joint=data.joint,
        convened_at=now_oslo(),
        convened_by=actor.email,
        attendees=[a for a, _ in invitees],
        items=[],
        actions=[],
    )
    titles: list[tuple[str, CommitteeCase | None]] = [(t, None) for t in data.agenda if t.strip()]
    for case_id in data.cases:
        case = queries.case(session, case_id)
        if case is None or case.committee_id != committee.id:
            raise ValidationFailed([Problem("cases", f"sak {case_id} er ikke meldt til {committee.name}")])
        titles.append((case.title, case))
    meeting.items = [
        AgendaItem(number=n, title=title, case=case) for n, (title, case) in enumerate(titles, start=1)
    ]
    session.add(meeting)
    session.flush()
    return meeting


@when_free
def convene(session: Session, *, actor: Actor, committee_id: int, data: MeetingCreate) -> dict:
    """Convene a meeting and tell every invitee: a notice in the inbox, by e-mail to those who want it (on by
    default), with the iCalendar invitation linked. The committee's row is held while the invitees are read
    (docs/adr/0010): a member changed at the same moment is invited as the change left the committee."""
    auth_service.require(actor, "committee.convene")
    with write_transaction(session):
        committee = scope.row(
            session, actor, Committee, committee_id, missing=f"Utvalg {committee_id} finnes ikke.",
            load=queries.committee_for_update,
        )  # fmt: skip
        if not meeting_service.may_convene(actor, committee):
            raise Forbidden("Bare kommunen og allmennlegeutvalgets leder kan kalle inn til møter.")
        meeting = new_meeting(session, actor, committee, data, status=meeting_rules.PLANNED)
        user_ids = sorted({a.user_id for a in meeting.attendees if a.user_id})
        inbox_service.tell(
            session,
            municipality_number=committee.municipality_number,
            kind=KIND,
            subject=f"Innkalling: {committee.name} {day_text(meeting.on)}",
            body=invitation_text(meeting),
            link=f"/utvalg/moter/{meeting.id}",
            rule_id=(rules.SU_COMPOSITION if rules.is_su(committee.kind) else rules.ALU_MEMBERS).id,
            user_ids=user_ids,
        )
        meeting_service.audit(
            session, actor, meeting, "create", invited=len(meeting.attendees), told=len(user_ids)
        )
        return meeting_service.meeting_view(meeting)


def invitation_text(meeting: CommitteeMeeting) -> str:
    ends = f"–{meeting.ends:%H.%M}" if meeting.ends else ""
    agenda = "\n".join(f"{i.number}. {i.title}" for i in meeting.items) or "Saksliste kommer."
    return (
        f"{meeting.committee.name} har møte {day_text(meeting.on, weekday=True)} "
        f"kl. {meeting.starts:%H.%M}{ends}, {meeting.place}.\n\nSaksliste:\n{agenda}\n\n"
        "Møteplikt gjelder med mindre du har gyldig forfall; meld "
        f"forfall til kommunen.\nKalenderinvitasjon: /api/v1/committee-meetings/{meeting.id}/invitation"
    )


def invitation_ics(session: Session, *, actor: Actor, meeting_id: int) -> bytes:
    """The meeting as an iCalendar invitation to import into a calendar."""
    with session.begin():
        meeting = meeting_service.readable(session, actor, meeting_id)
        base = get_settings().base_url.rstrip("/")
        event = meeting_rules.MeetingEvent(
            uid=f"committee-meeting-{meeting.id}@legetjeneste",
            title=meeting.committee.name,
            on=meeting.on,
            starts=meeting.starts,
            ends=meeting.ends,
            place=meeting.place,
            description=invitation_text(meeting),
            url=f"{base}/utvalg/moter/{meeting.id}",
            attendees=tuple(a.email for a in meeting.attendees if a.email),
        )
        return meeting_rules.invitation_calendar(
            event, stamp=datetime.now(UTC), organizer=meeting.convened_by
        )
