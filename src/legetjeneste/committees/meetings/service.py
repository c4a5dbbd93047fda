"""Use cases of committee meetings (SU-COMPOSITION, ALU-MEMBERS, SU-JOINT-LV): convene a meeting with its
agenda and tell every member and observer (inbox, e-mail by their choice, an iCalendar invitation); record the
minutes in the Kragerø shape (attendance with «gyldig forfall», chair, referent, numbered items with input and
conclusion, «videre prosess» with owners and due dates); approve them at the next meeting; read a meeting as
HTML, PDF or .ics. The ALU's leader convenes the ALU; an invited observer reads the meeting."""

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, rules
from legetjeneste.committees.cases import rules as case_rules
from legetjeneste.committees.meetings import pdf as minutes_doc
from legetjeneste.committees.meetings import rules as meeting_rules
from legetjeneste.committees.models import (
    AgendaItem,
    Committee,
    CommitteeCase,
    CommitteeMeeting,
    FollowUpAction,
    MeetingAttendee,
)
from legetjeneste.committees.schemas import MeetingCreate, MinutesIn
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.errors import Forbidden, NotFound, Problem, ValidationFailed
from legetjeneste.norwegian import day_text
from legetjeneste.notices.inbox import service as inbox_service
from legetjeneste.settings import get_settings

KIND = "committee_meeting"


def may_convene(actor: Actor, committee: Committee) -> bool:
    """ALU-MEMBERS, ASA 4310 § 4.1.2 — the municipality convenes; a GP convenes only the ALU they lead."""
    if not auth_rules.can(actor, "committee.convene"):
        return False
    if actor.role != "doctor":
        return True
    return committee.kind in (rules.ALU, rules.WORKING) and any(
        m.role == rules.LEADER and m.doctor_id == actor.doctor_id and m.doctor_id is not None
        for m in committee.members
    )


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


def convene(session: Session, *, actor: Actor, committee_id: int, data: MeetingCreate) -> dict:
    """Convene a meeting and tell every invitee: a notice in the inbox, by e-mail to those who want it (on by
    default), with the iCalendar invitation linked."""
    auth_service.require(actor, "committee.convene")
    with session.begin():
        committee = scope.row(
            session, actor, Committee, committee_id, missing=f"Utvalg {committee_id} finnes ikke."
        )
        if not may_convene(actor, committee):
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
        _audit(session, actor, meeting, "create", invited=len(meeting.attendees), told=len(user_ids))
        return meeting_view(meeting)


def invitation_text(meeting: CommitteeMeeting) -> str:
    ends = f"–{meeting.ends:%H.%M}" if meeting.ends else ""
    agenda = "\n".join(f"{i.number}. {i.title}" for i in meeting.items) or "Saksliste kommer."
    return (
        f"{meeting.committee.name} har møte {day_text(meeting.on, weekday=True)} "
        f"kl. {meeting.starts:%H.%M}{ends}, {meeting.place}.\n\nSaksliste:\n{agenda}\n\n"
        "Møteplikt gjelder med mindre du har gyldig forfall; meld "
        f"forfall til kommunen.\nKalenderinvitasjon: /api/v1/committee-meetings/{meeting.id}/invitation"
    )


def _audit(session: Session, actor: Actor, meeting: CommitteeMeeting, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="committee_meeting",
        record_ids=[meeting.id],
        municipality_number=meeting.municipality_number,
        detail=detail,
    )


def readable(session: Session, actor: Actor, meeting_id: int) -> CommitteeMeeting:
    """The meeting for whom reads the committees, for the GPs when it is the ALU's, and for whom is invited
    (an observer); to anyone else it does not exist."""
    missing = f"Møte {meeting_id} finnes ikke."
    meeting = scope.row(session, actor, CommitteeMeeting, meeting_id, missing=missing, load=queries.meeting)
    invited = actor.user_id is not None and any(a.user_id == actor.user_id for a in meeting.attendees)
    gp_of_alu = auth_rules.can(actor, "committee.own") and meeting.committee.kind in (
        rules.ALU,
        rules.WORKING,
    )
    if not (auth_rules.can(actor, "committee.read") or invited or gp_of_alu):
        raise NotFound(missing)
    return meeting


def get_meeting(session: Session, *, actor: Actor, meeting_id: int) -> dict:
    with session.begin():
        meeting = readable(session, actor, meeting_id)
        view = meeting_view(meeting)
        view["can_convene"] = may_convene(actor, meeting.committee)
        return view


def meeting_view(meeting: CommitteeMeeting) -> dict:
    """The meeting as pages, the API and the PDF show it: the Kragerø minutes' shape."""
    committee = meeting.committee
    return {
        "id": meeting.id,
        "committee_id": committee.id,
        "committee": committee.name,
        "kind": committee.kind,
        "municipality": meeting.municipality_number,
        "date": meeting.on,
        "starts": meeting.starts.strftime("%H.%M"),
        "ends": meeting.ends.strftime("%H.%M") if meeting.ends else "",
        "place": meeting.place,
        "status": meeting.status,
        "status_text": meeting_rules.STATUSES[meeting.status],
        "joint": meeting.joint,
        "chair": meeting.chair,
        "referent": meeting.referent,
        "approved_on": meeting.approved_on,
        "attendees": [
            {
                "id": a.id,
                "name": a.name,
                "role_text": rules.ROLES.get(a.role, a.role),
                "status": a.status,
                "status_text": meeting_rules.ATTENDANCE[a.status],
                "absence_reason": a.absence_reason,
            }
            for a in meeting.attendees
        ],
        "items": [
            {
                "number": i.number,
                "title": i.title,
                "case_id": i.case_id,
                "statement": _statement_line(i.case),
                "input": i.input,
                "conclusion": i.conclusion,
            }
            for i in meeting.items
        ],
        "actions": [
            {"id": a.id, "text": a.text, "owner": a.owner, "due": a.due, "done_on": a.done_on}
            for a in meeting.actions
        ],
    }


def _statement_line(case) -> str:
    statement = case.statement if case is not None else None
    if statement is None or statement.status != case_rules.FINAL:
        return ""
    votes = case_rules.vote_text(statement.votes_for, statement.votes_against)
    minority = f" Mindretallet: {statement.minority_text}" if statement.minority_text else ""
    return f"Uttalelse ({votes}): {statement.majority_text}{minority}"


def record_minutes(session: Session, *, actor: Actor, meeting_id: int, data: MinutesIn) -> dict:
    """The minutes of a held meeting: chair, referent, attendance (valid absence needs its reason), the
    numbered items with input and conclusion, «videre prosess» with owners and due dates (clocks until
    done)."""
    auth_service.require(actor, "committee.case")
    with session.begin():
        meeting = readable(session, actor, meeting_id)
        attendees = {a.id: a for a in meeting.attendees}
        for row in data.attendance:
            if row.attendee not in attendees:
                raise ValidationFailed([Problem("attendance", f"deltaker {row.attendee} er ikke innkalt")])
            meeting_rules.check_attendance(status=row.status, absence_reason=row.absence_reason)
            attendees[row.attendee].status = row.status
            attendees[row.attendee].absence_reason = row.absence_reason
        meeting.chair, meeting.referent = data.chair or meeting.chair, data.referent or meeting.referent
        _items(session, meeting, data)
        meeting.actions.extend(
            FollowUpAction(
                municipality_number=meeting.municipality_number, text=a.text, owner=a.owner, due=a.due
            )
            for a in data.actions
        )
        meeting.status = meeting_rules.HELD
        session.flush()
        _audit(session, actor, meeting, "update", minutes=True, actions=len(data.actions))
        return meeting_view(meeting)


def _items(session: Session, meeting: CommitteeMeeting, data: MinutesIn) -> None:
    by_number = {i.number: i for i in meeting.items}
    for item in data.items:
        found = by_number.get(item.number)
        if found is None:
            found = AgendaItem(number=item.number, title=item.title)
            meeting.items.append(found)
            by_number[item.number] = found
        found.title, found.input, found.conclusion = item.title, item.input, item.conclusion
        if item.case is not None:
            case = queries.case(session, item.case)
            if case is None or case.committee_id != meeting.committee_id:
                raise ValidationFailed([Problem("items", f"sak {item.case} er ikke meldt til utvalget")])
            found.case = case


def approve_minutes(session: Session, *, actor: Actor, meeting_id: int, at_meeting_id: int) -> dict:
    """The minutes are approved at the committee's next meeting (Kragerø: «Referat … godkjenning OK»)."""
    auth_service.require(actor, "committee.case")
    with session.begin():
        meeting = readable(session, actor, meeting_id)
        later = readable(session, actor, at_meeting_id)
        if later.committee_id != meeting.committee_id or later.on <= meeting.on:
            raise ValidationFailed(
                [Problem("at_meeting", "referatet godkjennes i et senere møte i samme utvalg")]
            )
        meeting.approved_on = later.on
        _audit(session, actor, meeting, "update", approved_at=later.id)
        return meeting_view(meeting)


def finish_action(session: Session, *, actor: Actor, action_id: int) -> dict:
    """A follow-up action is done: its clock closes."""
    auth_service.require(actor, "committee.case")
    with session.begin():
        found = scope.row(
            session, actor, FollowUpAction, action_id, missing=f"Oppfølging {action_id} finnes ikke.",
            load=queries.action,
        )  # fmt: skip
        found.done_on = today_oslo()
        _audit(session, actor, found.meeting, "update", action_done=found.id)
        return meeting_view(found.meeting)


def list_meetings(session: Session, *, actor: Actor, committee_id: int) -> list[dict]:
    auth_service.require(actor, "committee.read")
    with session.begin():
        scope.row(session, actor, Committee, committee_id, missing=f"Utvalg {committee_id} finnes ikke.")
        return [meeting_view(m) for m in queries.meetings(session, committee_ids=[committee_id])]


def invitation_ics(session: Session, *, actor: Actor, meeting_id: int) -> bytes:
    """The meeting as an iCalendar invitation to import into a calendar."""
    with session.begin():
        meeting = readable(session, actor, meeting_id)
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


def minutes_pdf(session: Session, *, actor: Actor, meeting_id: int) -> tuple[str, bytes]:
    found = get_meeting(session, actor=actor, meeting_id=meeting_id)
    return f"referat-{found['date'].isoformat()}.pdf", minutes_doc.minutes_pdf(found)


def alu_meetings(session: Session, *, actor: Actor, doctor_id: int | None) -> list[dict]:
    """Min side: the ALU's meetings for a GP (every GP is a member, ALU-MEMBERS), the coming first."""
    auth_service.require(actor, "committee.own")
    if doctor_id is None or doctor_id != actor.doctor_id or actor.municipality_number is None:
        raise Forbidden("Du kan bare se dine egne møter.")
    with session.begin():
        found = queries.committees(session, municipality_number=actor.municipality_number)
        alu = [c.id for c in found if c.kind in (rules.ALU, rules.WORKING)]
        today = today_oslo()
        views = [meeting_view(m) for m in queries.meetings(session, committee_ids=alu)] if alu else []
        return sorted(views, key=lambda v: (v["date"] < today, abs((v["date"] - today).days)))
