"""Use cases of the committees themselves (RULES.md § 6): set up a committee with its members (refused with
the rule id when the composition breaks SU-COMPOSITION or ALU-MEMBERS), read them with their composition
check, and the overview the page and the CLI show. Members and terms are in `members/`, the clocks in
`deadlines/`, each GP's yearly meeting in `annual/`."""

from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import queries, rules
from legetjeneste.committees.deadlines import service as deadline_service
from legetjeneste.committees.members import rules as member_rules
from legetjeneste.committees.models import Committee, CommitteeMember
from legetjeneste.committees.schemas import (
    CommitteeCreate,
    CommitteeRead,
    MemberCreate,
    MemberRead,
    ProblemRead,
)
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.features import Clock
from legetjeneste.registry import queries as registry_queries

MIN_PER_SIDE = "committees/su_min_per_side"
TERM_YEARS = "committees/term_years"


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
        term_ending=committee.term_end is not None and member_rules.is_term_ending(committee.term_end, on=on),
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


def new_member(session: Session, committee: Committee, data: MemberCreate) -> CommitteeMember:
    """A member checked against ALU-MEMBERS and SU-COMPOSITION, with the register's doctor by HPR number
    (not yet added to the committee)."""
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


def listed_member(
    session: Session, committee: Committee, data: MemberCreate, *, path: str
) -> CommitteeMember:
    """`new_member` for one of a list of members (`path`: «members.2»): a refusal names the member, and a
    field's problem the member's field."""
    try:
        return new_member(session, committee, data)
    except RuleViolation as refused:
        message = f"{data.name} – {refused.message}"
        raise RuleViolation(refused.rule_id or "", refused.citation or "", message) from None
    except ValidationFailed as failed:
        raise ValidationFailed(
            [Problem(f"{path}.{p.path}", p.message, rule_id=p.rule_id) for p in failed.problems]
        ) from None


def check(committee: Committee, on: date) -> None:
    """Refuse a composition against the rules, with the first rule it breaks."""
    found = composition(committee, on)
    if found:
        raise found[0]


def new_committee(session: Session, *, municipality_number: str, data: CommitteeCreate) -> Committee:
    """Build, check and add a committee with its members (in the caller's transaction). Its name is its key
    in the municipality."""
    if queries.committee_named(session, municipality_number=municipality_number, name=data.name):
        raise ValidationFailed([Problem("name", f"kommunen har allerede et utvalg som heter «{data.name}»")])
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
    committee.members = [
        listed_member(session, committee, m, path=f"members.{i}") for i, m in enumerate(data.members)
    ]
    check(committee, data.constituted_on)
    session.add(committee)
    session.flush()
    return committee


def audit(session: Session, actor: Actor, committee: Committee, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="committee",
        record_ids=[committee.id],
        municipality_number=committee.municipality_number,
        detail=detail,
    )


@when_free
def add_committee(
    session: Session, *, actor: Actor, municipality_number: str, data: CommitteeCreate
) -> CommitteeRead:
    """SU-COMPOSITION, ALU-MEMBERS — a committee with its members, refused when composed against the rules.
    Its name is unique in the municipality: checked in the write transaction, with the database's unique
    key as the backstop on PostgreSQL (docs/adr/0010), so of two created at once the later is refused."""
    auth_service.require(actor, "committee.write")
    try:
        with write_transaction(session):
            scope.municipality(session, actor, municipality_number)
            committee = new_committee(session, municipality_number=municipality_number, data=data)
            audit(session, actor, committee, "create", kind=data.kind, members=len(data.members))
            return committee_read(committee, today_oslo())
    except IntegrityError as error:
        if not queries.is_name_taken(error):
            raise
        raise ValidationFailed(
            [Problem("name", f"kommunen har allerede et utvalg som heter «{data.name}»")]
        ) from None


def committee_choices(session: Session, *, actor: Actor, municipality_number: str) -> dict:
    """What the form for a new committee offers: the municipality, the kinds and the names already taken."""
    auth_service.require(actor, "committee.write")
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        found = queries.committees(session, municipality_number=municipality_number)
        return {
            "municipality": municipality_number,
            "municipality_name": municipality.name,
            "kinds": rules.KINDS,
            "taken": [c.name for c in found],
            "today": today_oslo(),
        }


def in_scope(session: Session, actor: Actor, committee_id: int, *, lock: bool = False) -> Committee:
    load = queries.committee_for_update if lock else queries.committee
    return scope.row(
        session, actor, Committee, committee_id, missing=f"Utvalg {committee_id} finnes ikke.", load=load
    )


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


def _clock_row(clock: Clock, day: date) -> dict:
    return {
        "key": clock.key,
        "code": clock.code,
        "rule_id": clock.rule_id,
        "citation": clock.citation,
        "start": clock.start,
        "due": clock.due,
        "text": clock.text,
        "overdue": clock.due < day,
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
        clocks = deadline_service.meeting_clocks(session, found, municipality_number, day)
        rows = [_clock_row(k, day) for k in clocks]
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
