"""Use cases of the committees (RULES.md § 6): set up a committee with its members, add or replace a member
(refused with the rule id when the composition breaks SU-COMPOSITION or ALU-MEMBERS), read them with their
composition check, the overview of the CLI, and the clocks the deadlines show (half-yearly meetings, the
joint SU meeting, each GP's yearly meeting, term ends, follow-up actions)."""

from datetime import date, timedelta

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, rules
from legetjeneste.committees.meetings import rules as meeting_rules
from legetjeneste.committees.models import AnnualMeeting, Committee, CommitteeMember
from legetjeneste.committees.schemas import (
    AnnualMeetingIn,
    CommitteeCreate,
    CommitteeRead,
    MemberCreate,
    MemberRead,
    ProblemRead,
)
from legetjeneste.dates import today_oslo
from legetjeneste.errors import NotFound, Problem, ValidationFailed
from legetjeneste.features import Clock
from legetjeneste.registry import queries as registry_queries

MIN_PER_SIDE = "committees/su_min_per_side"
TERM_YEARS = "committees/term_years"
# The term's end shows in the deadlines half a year before, time to elect the next members.
TERM_NOTICE_DAYS = 183
# A GP's yearly meeting (AGR-ANNUAL-MEETING) runs from 1 January but shows in the deadlines only in the year's
# last quarter, when it is still to be held: a clock per GP all year would bury the other deadlines.
ANNUAL_SHOWN_FROM_MONTH = 10


def seats(committee: Committee) -> list[rules.Seat]:
    return [
        rules.Seat(m.name, m.side, m.role, m.start, m.end, m.is_kommuneoverlege) for m in committee.members
    ]


def composition(committee: Committee, on: date) -> list:
    """SU-COMPOSITION, ALU-MEMBERS — what is wrong with the composition on the day (empty: nothing)."""
    day = max(on, committee.constituted_on)
    return rules.composition_problems(
        committee.kind,
        seats(committee),
        on=day,
        constituted_on=committee.constituted_on,
        min_per_side=parameters.value(MIN_PER_SIDE, on=day),
    )


def committee_read(committee: Committee, on: date) -> CommitteeRead:
    return CommitteeRead(
        id=committee.id,
        municipality=committee.municipality_number,
        kind=committee.kind,
        kind_text=rules.KINDS[committee.kind],
        name=committee.name,
        constituted_on=committee.constituted_on,
        term_end=committee.term_end,
        shares_legevakt=committee.shares_legevakt,
        partners=list(committee.partners or []),
        members=[member_read(m) for m in committee.members],
        composition=[
            ProblemRead(rule_id=p.rule_id, citation=p.citation, message=p.message)
            for p in composition(committee, on)
        ],
    )


def member_read(m: CommitteeMember) -> MemberRead:
    return MemberRead(
        id=m.id,
        name=m.name,
        email=m.email,
        doctor_id=m.doctor_id,
        side=m.side,
        side_text=rules.SIDES.get(m.side or "", "–"),
        role=m.role,
        role_text=rules.ROLES[m.role],
        start=m.start,
        end=m.end,
        elected_by=m.elected_by,
        is_kommuneoverlege=m.is_kommuneoverlege,
    )


def _member(session: Session, committee: Committee, data: MemberCreate) -> CommitteeMember:
    rules.check_member(
        committee.kind, side=data.side, role=data.role, is_kommuneoverlege=data.is_kommuneoverlege
    )
    doctor_id = None
    if data.doctor:
        doctor = registry_queries.doctor_by_hpr(
            session, municipality_number=committee.municipality_number, hpr_number=data.doctor
        )
        if doctor is None:
            raise ValidationFailed([Problem("doctor", f"ingen lege med HPR-nummer {data.doctor} i kommunen")])
        doctor_id = doctor.id
    return CommitteeMember(
        name=data.name,
        email=data.email.lower(),
        doctor_id=doctor_id,
        side=data.side,
        role=data.role,
        start=data.start,
        end=data.end,
        elected_by=data.elected_by,
        is_kommuneoverlege=data.is_kommuneoverlege,
    )


def check(committee: Committee, on: date) -> None:
    """Refuse a composition against the rules, with the first rule it breaks."""
    found = composition(committee, on)
    if found:
        raise found[0]


def new_committee(session: Session, *, municipality_number: str, data: CommitteeCreate) -> Committee:
    """Build, check and add a committee with its members (in the caller's transaction)."""
    years = parameters.value(TERM_YEARS, on=data.constituted_on)
    committee = Committee(
        municipality_number=municipality_number,
        kind=data.kind,
        name=data.name,
        constituted_on=data.constituted_on,
        term_end=None if data.kind == rules.ALU else rules.term_end(data.constituted_on, years=years),
        shares_legevakt=data.shares_legevakt,
        partners=list(data.partners),
        members=[],
    )
    committee.members = [_member(session, committee, m) for m in data.members]
    check(committee, data.constituted_on)
    session.add(committee)
    session.flush()
    return committee


def _audit(session: Session, actor: Actor, committee: Committee, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="committee",
        record_ids=[committee.id],
        municipality_number=committee.municipality_number,
        detail=detail,
    )


def add_committee(
    session: Session, *, actor: Actor, municipality_number: str, data: CommitteeCreate
) -> CommitteeRead:
    """SU-COMPOSITION, ALU-MEMBERS — a committee with its members, refused when composed against the rules."""
    auth_service.require(actor, "committee.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        committee = new_committee(session, municipality_number=municipality_number, data=data)
        _audit(session, actor, committee, "create", kind=data.kind, members=len(data.members))
        return committee_read(committee, today_oslo())


def in_scope(session: Session, actor: Actor, committee_id: int, *, lock: bool = False) -> Committee:
    load = queries.committee_for_update if lock else queries.committee
    return scope.row(
        session, actor, Committee, committee_id, missing=f"Utvalg {committee_id} finnes ikke.", load=load
    )


def add_member(session: Session, *, actor: Actor, committee_id: int, data: MemberCreate) -> CommitteeRead:
    """A new member (ending the one it `replaces` the day before); refused when the committee's composition
    on the new member's first day breaks the rules."""
    auth_service.require(actor, "committee.write")
    with session.begin():
        committee = in_scope(session, actor, committee_id, lock=True)
        if data.replaces is not None:
            old = next((m for m in committee.members if m.id == data.replaces), None)
            if old is None:
                raise NotFound(f"Medlem {data.replaces} finnes ikke i utvalget.")
            old.end = data.start - timedelta(days=1)
        member = _member(session, committee, data)
        committee.members.append(member)
        check(committee, data.start)
        session.flush()
        _audit(session, actor, committee, "update", member=member.id, replaces=data.replaces)
        return committee_read(committee, today_oslo())


def list_committees(session: Session, *, actor: Actor, municipality_number: str) -> list[CommitteeRead]:
    auth_service.require(actor, "committee.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        today = today_oslo()
        return [
            committee_read(c, today)
            for c in queries.committees(session, municipality_number=municipality_number)
        ]


def get_committee(session: Session, *, actor: Actor, committee_id: int) -> CommitteeRead:
    auth_service.require(actor, "committee.read")
    with session.begin():
        return committee_read(in_scope(session, actor, committee_id), today_oslo())


def _clock(due: meeting_rules.Due, *, title: str, link: str, action: str, **extra) -> Clock:
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
        **extra,
    )


def committee_clocks(session: Session, committee: Committee, meetings: list, on: date) -> list[Clock]:
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
    if committee.term_end is not None and on >= committee.term_end - timedelta(days=TERM_NOTICE_DAYS):
        due = meeting_rules.Due(
            key=f"committee-{committee.id}-term-{committee.term_end.isoformat()}",
            code="committee_term",
            start=committee.constituted_on,
            due=committee.term_end,
            rule_id=rules.SU_COMPOSITION.id,
            citation=rules.SU_COMPOSITION.citation,
            text=f"{committee.name}: funksjonstiden på 2 år går ut; nye medlemmer velges",
        )
        found.append(_clock(due, title=committee.name, link=link, action="velg medlemmer for neste periode"))
    return found


def annual_meeting_clocks(session: Session, municipality_number: str, on: date) -> list[Clock]:
    """AGR-ANNUAL-MEETING, ASA 4310 § 10.5 — each GP meets the municipality at least once a calendar year:
    in the year's last quarter, a clock for each GP not met so far this year."""
    if on.month < ANNUAL_SHOWN_FROM_MONTH:
        return []
    held = queries.annual_meetings(session, municipality_number=municipality_number, year=on.year)
    met = {a.doctor_id for a in held if a.held_on <= on}
    rule = rules.ANNUAL_MEETING
    found = {}
    for period in queries.gp_periods(session, municipality_number=municipality_number, on=on):
        doctor = period.doctor
        if doctor.id in met or doctor.id in found:
            continue
        due = meeting_rules.Due(
            key=f"annual-meeting-{doctor.id}-{on.year}",
            code="annual_meeting",
            start=date(on.year, 1, 1),
            due=date(on.year, 12, 31),
            rule_id=rule.id,
            citation=rule.citation,
            text=f"Årlig møte mellom {doctor.full_name} og kommunen i {on.year}",
        )
        found[doctor.id] = _clock(
            due,
            title=f"Årlig møte: {doctor.full_name}",
            link=f"/kommuner/{municipality_number}/utvalg",
            action="avtal det årlige møtet med legen",
            doctor_name=doctor.full_name,
            agreement=period.agreement_id,
        )
    return list(found.values())


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


def clocks(session: Session, *, municipality_number: str, on: date) -> list[Clock]:
    """`Feature.clocks` — every open clock of the committees on the day, in the caller's transaction."""
    found = queries.committees(session, municipality_number=municipality_number)
    meetings = queries.meetings(session, committee_ids=[c.id for c in found])
    result = [clock for c in found for clock in committee_clocks(session, c, meetings, on)]
    return (
        result
        + annual_meeting_clocks(session, municipality_number, on)
        + action_clocks(session, municipality_number, on)
    )


def _clock_row(clock: Clock) -> dict:
    return {
        "key": clock.key,
        "code": clock.code,
        "rule_id": clock.rule_id,
        "citation": clock.citation,
        "start": clock.start,
        "due": clock.due,
        "text": clock.text,
        "overdue": None,
    }


def overview(session: Session, *, actor: Actor, municipality_number: str, on: date | None = None) -> dict:
    """The CLI's and the page's overview: the committees with their members and composition check (rule ids),
    the meeting clocks, and the open follow-up actions."""
    auth_service.require(actor, "committee.read")
    day = on or today_oslo()
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        found = queries.committees(session, municipality_number=municipality_number)
        meetings = queries.meetings(session, committee_ids=[c.id for c in found])
        clocks_found = [k for c in found for k in committee_clocks(session, c, meetings, day)]
        clocks_found += annual_meeting_clocks(session, municipality_number, day)
        rows = [_clock_row(k) | {"overdue": k.due < day} for k in clocks_found]
        actions = queries.open_actions(session, municipality_number=municipality_number)
        return {
            "municipality": municipality_number,
            "municipality_name": municipality.name,
            "on": day,
            "committees": [committee_read(c, day).model_dump() for c in found],
            "meetings": [
                {
                    "id": m.id,
                    "committee_id": m.committee_id,
                    "date": m.on,
                    "status": m.status,
                    "place": m.place,
                    "joint": m.joint,
                }
                for m in meetings
            ],
            "clocks": sorted(rows, key=lambda r: (r["due"], r["key"])),
            "open_actions": [
                {
                    "id": a.id,
                    "meeting_id": a.meeting_id,
                    "text": a.text,
                    "owner": a.owner,
                    "due": a.due,
                    "overdue": a.due < day,
                }
                for a in actions
            ],
        }


def record_annual_meeting(
    session: Session, *, actor: Actor, municipality_number: str, data: AnnualMeetingIn
) -> dict:
    """AGR-ANNUAL-MEETING, ASA 4310 § 10.5 — a GP's yearly meeting with the municipality is held: the year's
    clock for the GP closes."""
    auth_service.require(actor, "committee.case")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        doctor = registry_queries.doctor_by_hpr(
            session, municipality_number=municipality_number, hpr_number=data.doctor
        )
        if doctor is None:
            raise ValidationFailed([Problem("doctor", f"ingen lege med HPR-nummer {data.doctor} i kommunen")])
        row = AnnualMeeting(
            municipality_number=municipality_number, doctor_id=doctor.id, held_on=data.held_on, note=data.note
        )
        session.add(row)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="committee_annual_meeting",
            record_ids=[row.id],
            municipality_number=municipality_number,
            detail={"doctor": data.doctor},
        )
        return {"id": row.id, "doctor": doctor.full_name, "held_on": data.held_on.isoformat()}
