"""The committees' clocks in the municipality's deadlines (`Feature.clocks`): each committee's half-yearly
meeting (SU-COMPOSITION, ALU-MEMBERS), the SU's yearly joint meeting (SU-JOINT-LV), the end of a term, each
GP's yearly meeting (AGR-ANNUAL-MEETING) and the follow-up actions of held meetings («videre prosess»)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.committees import queries, rules
from legetjeneste.committees.annual import service as annual_service
from legetjeneste.committees.meetings import rules as meeting_rules
from legetjeneste.committees.members import rules as member_rules
from legetjeneste.committees.models import Committee
from legetjeneste.features import Clock


def _clock(due: meeting_rules.Due, *, title: str, link: str, action: str) -> Clock:
    return Clock(
        key=due.key,
        code=due.code,
        due=due.due,
        start=due.start,
        rule_id=due.rule_id,
        citation=due.citation,
        text=due.text,
        title=title,
        link=link,
        responsible_label="Kommunen",
        link_permission="committee.read",
        action=action,
    )


def committee_clocks(committee: Committee, meetings: list, on: date) -> list[Clock]:
    """A committee's open clocks: its half-yearly meeting, the yearly joint meeting, the term's end."""
    held = [m.on for m in meetings if m.committee_id == committee.id and m.status != meeting_rules.CANCELLED]
    link = f"/utvalg/{committee.id}"
    found = [
        _clock(d, title=committee.name, link=link, action=f"kall inn til møte i {committee.name.lower()}")
        for d in meeting_rules.half_year_dues(
            committee.kind,
            committee_id=committee.id,
            name=committee.name,
            meetings=held,
            constituted_on=committee.constituted_on,
            on=on,
        )
    ]
    if committee.shares_legevakt and rules.is_su(committee.kind):
        joint = [m.on for m in meetings if m.committee_id == committee.id and m.joint]
        dues = meeting_rules.joint_dues(
            committee_id=committee.id, name=committee.name, joint_meetings=joint, on=on
        )
        found += [
            _clock(d, title=committee.name, link=link, action="kall inn til felles SU-møte") for d in dues
        ]
    if committee.term_end is not None and member_rules.is_term_ending(committee.term_end, on=on):
        due = member_rules.term_due(
            committee_id=committee.id,
            name=committee.name,
            constituted_on=committee.constituted_on,
            term_end=committee.term_end,
        )
        found.append(
            _clock(due, title=committee.name, link=link, action="velg medlemmer for en ny funksjonsperiode")
        )
    return found


def action_clocks(session: Session, municipality_number: str, on: date) -> list[Clock]:
    """«Videre prosess» — each follow-up action of a meeting held by the day, with its owner and due date,
    until it is done."""
    return [
        Clock(
            key=f"committee-action-{a.id}",
            code="committee_action",
            due=a.due,
            start=a.meeting.on,
            rule_id=rules.SU_CASES.id,
            citation=rules.SU_CASES.citation,
            text=f"Oppfølging etter møtet: {a.text} (ansvarlig: {a.owner})",
            title=a.meeting.committee.name,
            link=f"/utvalg/moter/{a.meeting_id}",
            responsible_label=a.owner,
            link_permission="committee.read",
            action=f"{a.owner}: {a.text}",
        )
        for a in queries.open_actions(session, municipality_number=municipality_number)
        if a.meeting.on <= on
    ]


def meeting_clocks(session: Session, committees: list[Committee], municipality_number: str, on: date):
    """The committees' own clocks and each GP's yearly meeting (what the committees' overview lists)."""
    meetings = queries.meetings(session, committee_ids=[c.id for c in committees])
    found = [clock for c in committees for clock in committee_clocks(c, meetings, on)]
    return found + annual_service.annual_meeting_clocks(session, municipality_number, on)


def clocks(session: Session, *, municipality_number: str, on: date) -> list[Clock]:
    """`Feature.clocks` — every open clock of the committees on the day, in the caller's transaction."""
    found = queries.committees(session, municipality_number=municipality_number)
    return meeting_clocks(session, found, municipality_number, on) + action_clocks(
        session, municipality_number, on
    )
