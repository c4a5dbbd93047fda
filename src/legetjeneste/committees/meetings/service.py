"""Use cases of committee meetings (SU-COMPOSITION, ALU-MEMBERS, SU-JOINT-LV): read a meeting as HTML or
PDF; record the minutes in the Kragerø shape (attendance with «gyldig forfall», chair, referent, numbered
items with input and conclusion, «videre prosess» with owners and due dates); approve them at the next
meeting. The ALU's leader convenes the ALU; an invited observer reads the meeting. Convening and the
invitation are in `invitations/`."""

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
from legetjeneste.committees.models import AgendaItem, Committee, CommitteeMeeting, FollowUpAction
from legetjeneste.committees.schemas import MinutesIn
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Forbidden, NotFound, Problem, ValidationFailed


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


def audit(session: Session, actor: Actor, meeting: CommitteeMeeting, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="committee_meeting",
        record_ids=[meeting.id],
        municipality_number=meeting.municipality_number,
        detail=detail,
    )


def readable(session: Session, actor: Actor, meeting_id: int, *, lock: bool = False) -> CommitteeMeeting:
    """The meeting for whom reads the committees, for the GPs when it is the ALU's, and for whom is invited
    (an observer); to anyone else it does not exist. `lock`: its row held until the transaction ends."""
    missing = f"Møte {meeting_id} finnes ikke."
    load = queries.meeting_for_update if lock else queries.meeting
    meeting = scope.row(session, actor, CommitteeMeeting, meeting_id, missing=missing, load=load)
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


@when_free
def record_minutes(session: Session, *, actor: Actor, meeting_id: int, data: MinutesIn) -> dict:
    """The minutes of a held meeting: chair, referent, attendance (valid absence needs its reason), the
    numbered items with input and conclusion, «videre prosess» with owners and due dates (clocks until
    done). An item's number is its key in the meeting: minutes written at the same moment take turns on the
    meeting's row (docs/adr/0010), so the later one updates the item the earlier one added."""
    auth_service.require(actor, "committee.case")
    with write_transaction(session):
        meeting = readable(session, actor, meeting_id, lock=True)
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
        audit(session, actor, meeting, "update", minutes=True, actions=len(data.actions))
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


@when_free
def approve_minutes(session: Session, *, actor: Actor, meeting_id: int, at_meeting_id: int) -> dict:
    """The minutes are approved at a later meeting of the same committee (Kragerø: «Referat … godkjenning
    OK»); the meeting's row is held while it is checked and written (docs/adr/0010)."""
    auth_service.require(actor, "committee.case")
    with write_transaction(session):
        meeting = readable(session, actor, meeting_id, lock=True)
        later = readable(session, actor, at_meeting_id)
        if later.committee_id != meeting.committee_id or later.on <= meeting.on:
            raise ValidationFailed(
                [Problem("at_meeting", "referatet godkjennes i et senere møte i samme utvalg")]
            )
        meeting.approved_on = later.on
        audit(session, actor, meeting, "update", approved_at=later.id)
        return meeting_view(meeting)


@when_free
def finish_action(session: Session, *, actor: Actor, action_id: int) -> dict:
    """A follow-up action is done: its clock closes. Done once: the day it was first marked stays (its row is
    held while it is checked and written, docs/adr/0010)."""
    auth_service.require(actor, "committee.case")
    with write_transaction(session):
        found = scope.row(
            session, actor, FollowUpAction, action_id, missing=f"Oppfølging {action_id} finnes ikke.",
            load=queries.action_for_update,
        )  # fmt: skip
        found.done_on = found.done_on or today_oslo()
        audit(session, actor, found.meeting, "update", action_done=found.id)
        return meeting_view(found.meeting)


def get_action(session: Session, *, actor: Actor, action_id: int) -> dict:
    """A follow-up action with its meeting, for the question before it is marked done."""
    auth_service.require(actor, "committee.case")
    with session.begin():
        found = scope.row(
            session, actor, FollowUpAction, action_id, missing=f"Oppfølging {action_id} finnes ikke."
        )
        meeting = meeting_view(found.meeting)
        return {"meeting": meeting, "action": next(a for a in meeting["actions"] if a["id"] == action_id)}


def list_meetings(session: Session, *, actor: Actor, committee_id: int) -> list[dict]:
    auth_service.require(actor, "committee.read")
    with session.begin():
        scope.row(session, actor, Committee, committee_id, missing=f"Utvalg {committee_id} finnes ikke.")
        return [meeting_view(m) for m in queries.meetings(session, committee_ids=[committee_id])]


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
