"""The `committees` and `annual_meetings` sections of the municipality file: the SU, the ALU and the working
committee with their members, cases (with the statement) and meetings (attendance, items, «videre prosess»),
and each GP's yearly meetings with the municipality.

A committee is keyed by name: a committee already stored is left as it is, so importing the same file twice
changes nothing. A new committee's composition is checked by the same rules as the pages (SU-COMPOSITION,
ALU-MEMBERS); a refusal is a problem naming the item's path and the rule, and the import writes nothing.
A yearly meeting is keyed by doctor and date."""

from datetime import date, time
from typing import Annotated, Literal

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.models import AnnualMeeting, Committee, FollowUpAction
from legetjeneste.committees.schemas import (
    CaseCreate,
    CommitteeCreate,
    Input,
    ItemIn,
    Long,
    MeetingCreate,
    StatementIn,
)
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Doctor
from legetjeneste.registry.schemas import HprNumber

SECTION, ANNUAL = "committees", "annual_meetings"


class CaseIn(Input):
    title: Annotated[str, Field(min_length=1, max_length=300, description="Sakens tittel; nøkkel i utvalget")]
    link: Annotated[str, Field(max_length=300, description="Lenke til saken den kommer fra")] = ""
    background: Annotated[Long, Field(description="Saksframstilling")] = ""
    on: Annotated[date, Field(alias="date", description="Dato saken ble meldt")]
    raised_by: Annotated[str, Field(max_length=254, description="Hvem som meldte saken")] = ""
    statement: Annotated[StatementIn | None, Field(description="Utvalgets uttalelse")] = None


class AttendeeIn(Input):
    name: Annotated[str, Field(min_length=1, max_length=200, description="Navn (et medlem eller en gjest)")]
    status: Literal["invited", "present", "excused", "absent"] = "present"
    absence_reason: Annotated[str, Field(max_length=500)] = ""


class ActionFileIn(Input):
    text: Annotated[str, Field(min_length=1, max_length=1000)]
    owner: Annotated[str, Field(min_length=1, max_length=200)]
    due: date
    done_on: date | None = None


class MeetingIn(Input):
    on: Annotated[date, Field(alias="date", description="Møtedato")]
    starts: time
    ends: time | None = None
    place: Annotated[str, Field(min_length=1, max_length=200)]
    status: Literal["planned", "held", "cancelled"] = "held"
    joint: bool = False
    chair: Annotated[str, Field(max_length=200)] = ""
    referent: Annotated[str, Field(max_length=200)] = ""
    approved: Annotated[bool, Field(description="Referatet er godkjent i neste møte")] = False
    attendees: list[AttendeeIn] = []
    items: Annotated[
        list[ItemIn], Field(description="Sakene; `case` er sakens nummer i utvalgets cases (1…)")
    ] = []
    actions: list[ActionFileIn] = []


class CommitteeIn(CommitteeCreate):
    cases: Annotated[list[CaseIn], Field(description="Saker meldt til utvalget")] = []
    meetings: Annotated[list[MeetingIn], Field(description="Møtene, eldste først")] = []


class AnnualMeetingFileIn(Input):
    doctor: HprNumber
    on: Annotated[date, Field(alias="date")]
    note: Annotated[str, Field(max_length=1000)] = ""


KEYS = {
    SECTION: Annotated[list[CommitteeIn], Field(description="SU, ALU og arbeidsutvalget; nøkkel: name")],
    ANNUAL: Annotated[
        list[AnnualMeetingFileIn], Field(description="Årlige møter med fastlegene; nøkkel: doctor, date")
    ],
}


def _problem(path: str, error: DomainError) -> Problem:
    if isinstance(error, ValidationFailed):
        return Problem(path, "; ".join(p.message for p in error.problems))
    return Problem(path, error.message, rule_id=error.rule_id)


def _committee(session: Session, actor: Actor, number: str, item: CommitteeIn) -> None:
    data = CommitteeCreate.model_validate(item.model_dump(include=set(CommitteeCreate.model_fields)))
    committee = service.new_committee(session, municipality_number=number, data=data)
    cases = []
    for case in item.cases:
        found = case_service.new_case(
            session,
            actor,
            CaseCreate(
                committee=committee.id,
                title=case.title,
                link=case.link,
                background=case.background,
                on=case.on,
            ),
        )
        found.raised_by = case.raised_by or found.raised_by
        cases.append(found)
    meetings = [_meeting(session, actor, committee, m, cases) for m in item.meetings]
    for meeting, later in zip(meetings, meetings[1:], strict=False):
        if meeting.approved_on is None and any(m.approved for m in item.meetings if m.on == meeting.on):
            meeting.approved_on = later.on
    for stored, written in zip(cases, item.cases, strict=True):
        if written.statement is not None:
            statement = written.statement
            if statement.meeting is None:
                held = [m for m in meetings if any(i.case_id == stored.id for i in m.items)]
                statement = statement.model_copy(update={"meeting": held[-1].id if held else None})
            case_service.write_statement(session, actor, stored, statement)


def _meeting(session: Session, actor: Actor, committee: Committee, item: MeetingIn, cases: list):
    agenda = MeetingCreate(on=item.on, starts=item.starts, ends=item.ends, place=item.place, joint=item.joint)
    meeting = meeting_service.new_meeting(session, actor, committee, agenda, status=item.status)
    meeting.chair, meeting.referent = item.chair, item.referent
    by_name = {a.name: a for a in meeting.attendees}
    for given in item.attendees:
        attendee = by_name.get(given.name)
        if attendee is None:
            attendee = meeting_service.guest(given.name)
            meeting.attendees.append(attendee)
        attendee.status, attendee.absence_reason = given.status, given.absence_reason
    for number, line in enumerate(item.items, start=1):
        case = cases[line.case - 1] if line.case and line.case <= len(cases) else None
        meeting.items.append(
            meeting_service.agenda_item(number=line.number or number, title=line.title, case=case,
                                        input=line.input, conclusion=line.conclusion)
        )  # fmt: skip
    meeting.actions.extend(
        FollowUpAction(
            municipality_number=committee.municipality_number,
            text=a.text,
            owner=a.owner,
            due=a.due,
            done_on=a.done_on,
        )
        for a in item.actions
    )
    session.flush()
    return meeting


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    number, problems = parsed.number, []
    stored = {c.name for c in queries.committees(session, municipality_number=number)}
    for index, item in parsed.items[SECTION]:
        if item.name in stored:
            changes.count("committee", same=True)
            continue
        try:
            _committee(session, actor, number, item)
        except DomainError as error:
            problems.append(_problem(f"{SECTION}[{index}]", error))
            continue
        changes.count("committee", existed=False)
    problems += _annual(session, parsed, number, changes)
    return problems


def _annual(session: Session, parsed: ParsedFile, number: str, changes: Changes) -> list[Problem]:
    problems = []
    years = {item.on.year for _, item in parsed.items[ANNUAL]}
    stored = {
        (a.doctor_id, a.held_on)
        for year in years
        for a in queries.annual_meetings(session, municipality_number=number, year=year)
    }
    for index, item in parsed.items[ANNUAL]:
        doctor = registry_queries.doctor_by_hpr(session, municipality_number=number, hpr_number=item.doctor)
        if doctor is None:
            problems.append(Problem(f"{ANNUAL}[{index}].doctor", f"ingen lege med HPR-nummer {item.doctor}"))
            continue
        if (doctor.id, item.on) in stored:
            changes.count("annual_meeting", same=True)
            continue
        session.add(
            AnnualMeeting(municipality_number=number, doctor_id=doctor.id, held_on=item.on, note=item.note)
        )
        changes.count("annual_meeting", existed=False)
    return problems


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    """Nothing before writing: members name the file's own doctors, so they are checked as they are
    applied."""
    return []


def _statement_out(case) -> dict | None:
    s = case.statement
    if s is None:
        return None
    return {
        "given_on": s.given_on.isoformat(),
        "votes_for": s.votes_for,
        "votes_against": s.votes_against,
        "majority_text": s.majority_text,
        "minority_text": s.minority_text,
        "final": s.status == "final",
    }


def _member_out(session: Session, m) -> dict:
    doctor = session.get(Doctor, m.doctor_id) if m.doctor_id else None
    out = {
        "name": m.name,
        "email": m.email,
        "doctor": doctor.hpr_number if doctor else None,
        "side": m.side,
        "role": m.role,
        "start": m.start.isoformat(),
        "end": m.end.isoformat() if m.end else None,
        "elected_by": m.elected_by,
        "is_kommuneoverlege": m.is_kommuneoverlege,
    }
    return {k: v for k, v in out.items() if v not in (None, "")}


def _meeting_out(meeting, case_numbers: dict[int, int]) -> dict:
    return {
        "date": meeting.on.isoformat(),
        "starts": meeting.starts.strftime("%H:%M"),
        **({"ends": meeting.ends.strftime("%H:%M")} if meeting.ends else {}),
        "place": meeting.place,
        "status": meeting.status,
        "joint": meeting.joint,
        "chair": meeting.chair,
        "referent": meeting.referent,
        "approved": meeting.approved_on is not None,
        "attendees": [
            {
                "name": a.name,
                "status": a.status,
                **({"absence_reason": a.absence_reason} if a.absence_reason else {}),
            }
            for a in meeting.attendees
            if a.status != "invited"  # the invitees the meeting's members give; only how they attended
        ],
        "items": [
            {
                "number": i.number,
                "title": i.title,
                **({"case": case_numbers[i.case_id]} if i.case_id in case_numbers else {}),
                "input": i.input,
                "conclusion": i.conclusion,
            }
            for i in meeting.items
        ],
        "actions": [
            {
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat(),
                **({"done_on": a.done_on.isoformat()} if a.done_on else {}),
            }
            for a in meeting.actions
        ],  # fmt: skip
    }


def _committee_out(session: Session, committee: Committee, cases: list, meetings: list) -> dict:
    own = sorted((c for c in cases if c.committee_id == committee.id), key=lambda c: c.id)
    numbers = {c.id: n for n, c in enumerate(own, start=1)}
    return {
        "kind": committee.kind,
        "name": committee.name,
        "constituted_on": committee.constituted_on.isoformat(),
        "shares_legevakt": committee.shares_legevakt,
        "partners": list(committee.partners or []),
        "members": [_member_out(session, m) for m in committee.members],
        "cases": [
            {
                "title": c.title,
                "link": c.link,
                "background": c.background,
                "date": c.raised_on.isoformat(),
                "raised_by": c.raised_by,
                **({"statement": _statement_out(c)} if c.statement else {}),
            }
            for c in own
        ],
        "meetings": [_meeting_out(m, numbers) for m in meetings if m.committee_id == committee.id],
    }


def _hpr(session: Session, doctor_id: int) -> str:
    doctor = session.get(Doctor, doctor_id)
    return doctor.hpr_number if doctor else ""


def export(session: Session, *, municipality_number: str) -> dict:
    found = queries.committees(session, municipality_number=municipality_number)
    meetings = [
        queries.meeting(session, m.id) for m in queries.meetings(session, committee_ids=[c.id for c in found])
    ]
    cases = queries.cases(session, municipality_number=municipality_number)
    annual = sorted(
        queries.all_annual_meetings(session, municipality_number=municipality_number),
        key=lambda a: (a.held_on, a.id),
    )
    return {
        SECTION: [_committee_out(session, c, cases, meetings) for c in found],
        ANNUAL: [
            {
                "doctor": _hpr(session, a.doctor_id),
                "date": a.held_on.isoformat(),
                **({"note": a.note} if a.note else {}),
            }
            for a in annual
        ],  # fmt: skip
    }
