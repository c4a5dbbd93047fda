"""The `committees` and `annual_meetings` sections of the municipality file (the interface of
municipality_file/sections.py): the SU, the ALU and the working committee with their members, cases (with the
statement) and meetings (attendance, items, «videre prosess»), and each GP's yearly meetings with the
municipality.

A committee is keyed by name: a committee already stored is left as it is, so importing the same file twice
changes nothing. A new committee's composition is checked by the same rules as the pages (SU-COMPOSITION,
ALU-MEMBERS); a refusal is a problem naming the item's path and the rule, and the import writes nothing.
A yearly meeting is keyed by doctor and date."""

from datetime import date
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries as committee_queries
from legetjeneste.committees import service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.file_section import queries
from legetjeneste.committees.file_section.schemas import (
    ANNUAL,
    SECTION,
    AnnualMeetingFileIn,
    CommitteeIn,
    MeetingIn,
)
from legetjeneste.committees.meetings.invitations import service as invitation_service
from legetjeneste.committees.models import AnnualMeeting, Committee, FollowUpAction
from legetjeneste.committees.schemas import CaseCreate, CommitteeCreate, MeetingCreate
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.registry import queries as registry_queries

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
    meeting = invitation_service.new_meeting(session, actor, committee, agenda, status=item.status)
    meeting.chair, meeting.referent = item.chair, item.referent
    by_name = {a.name: a for a in meeting.attendees}
    for given in item.attendees:
        attendee = by_name.get(given.name)
        if attendee is None:
            attendee = invitation_service.guest(given.name)
            meeting.attendees.append(attendee)
        attendee.status, attendee.absence_reason = given.status, given.absence_reason
    for number, line in enumerate(item.items, start=1):
        case = cases[line.case - 1] if line.case and line.case <= len(cases) else None
        meeting.items.append(
            invitation_service.agenda_item(number=line.number or number, title=line.title, case=case,
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
    stored = {c.name for c in committee_queries.committees(session, municipality_number=number)}
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
        for a in committee_queries.annual_meetings(session, municipality_number=number, year=year)
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


def export(session: Session, *, municipality_number: str) -> dict:
    return queries.sections(session, municipality_number=municipality_number)
