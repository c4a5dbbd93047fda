"""Use cases of a committee's members (SU-COMPOSITION, ALU-MEMBERS): add a member or replace one, and
constitute a new term when the 2-year term ends — the current members proposed again for review, the new
members checked as a whole, the current seats ending the day before. A composition against the rules is
refused with the rule id and nothing is written."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import rules
from legetjeneste.committees import service as committee_service
from legetjeneste.committees.members import rules as member_rules
from legetjeneste.committees.models import Committee, CommitteeMember
from legetjeneste.committees.schemas import CommitteeRead, MemberCreate, TermCreate
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import NotFound
from legetjeneste.registry.models import Doctor


@when_free
def add_member(session: Session, *, actor: Actor, committee_id: int, data: MemberCreate) -> CommitteeRead:
    """A new member (ending the one it `replaces` the day before); refused when the committee's composition
    on the new member's first day breaks the rules. Changes of one committee's members take turns on its row
    (docs/adr/0010), so each is checked against the members the one before left."""
    auth_service.require(actor, "committee.write")
    with write_transaction(session):
        committee = committee_service.in_scope(session, actor, committee_id, lock=True)
        if data.replaces is not None:
            old = next((m for m in committee.members if m.id == data.replaces), None)
            if old is None:
                raise NotFound(f"Medlem {data.replaces} finnes ikke i utvalget.")
            old.end = data.start - timedelta(days=1)
        member = committee_service.new_member(session, committee, data)
        committee.members.append(member)
        committee_service.check(committee, data.start)
        session.flush()
        committee_service.audit(session, actor, committee, "update", member=member.id, replaces=data.replaces)
        return committee_service.committee_read(committee, today_oslo())


@dataclass(frozen=True)
class Term:
    """A new term as checked: its first and last day, the seats that end the day before, the new members."""

    start: date
    end: date
    ending: list[CommitteeMember]
    members: list[CommitteeMember]


def _term(session: Session, committee: Committee, data: TermCreate) -> Term:
    """Check a new term against SU-COMPOSITION (and ALU-MEMBERS) without changing the committee."""
    start = data.constituted_on
    current = committee_service.seats(committee)
    member_rules.check_term_start(
        committee.kind, start=start, constituted_on=committee.constituted_on, seats=current
    )
    members = [
        committee_service.listed_member(
            session, committee, MemberCreate(**m.model_dump(), start=start), path=f"members.{i}"
        )
        for i, m in enumerate(data.members)
    ]
    new = [rules.Seat(m.name, m.side, m.role, m.start, None, m.is_kommuneoverlege) for m in members]
    rules.check_composition(
        committee.kind,
        member_rules.term_seats(current, new, start=start),
        on=start,
        constituted_on=start,
        min_per_side=parameters.value(committee_service.MIN_PER_SIDE, on=start),
    )
    ending = [m for m in committee.members if m.end is None or m.end >= start]
    end = rules.term_end(start, years=parameters.value(committee_service.TERM_YEARS, on=start))
    return Term(start=start, end=end, ending=ending, members=members)


def _hpr(session: Session, doctor_id: int | None) -> str:
    doctor = session.get(Doctor, doctor_id) if doctor_id else None
    return doctor.hpr_number if doctor else ""


def term_proposal(session: Session, *, actor: Actor, committee_id: int) -> dict:
    """The form for a new term: the committee, the day after its term ends, and its members holding a seat on
    the term's last day proposed again (a chair as a member: the new term's first chair is chosen anew,
    from the side that did not chair last)."""
    auth_service.require(actor, "committee.write")
    with session.begin():
        committee = committee_service.in_scope(session, actor, committee_id)
        today = today_oslo()
        start = (committee.term_end or today) + timedelta(days=1)
        seats = committee_service.seats(committee)
        members = [
            {
                "name": m.name,
                "email": m.email,
                "doctor": _hpr(session, m.doctor_id),
                "side": m.side or "",
                "role": member_rules.role_forward(m.role),
                "elected_by": m.elected_by,
                "is_kommuneoverlege": m.is_kommuneoverlege,
            }
            for m, seat in zip(committee.members, seats, strict=True)
            if member_rules.carries_forward(seat, start=start)
        ]
        chair_side = member_rules.next_chair_side(seats, start=start) if rules.is_su(committee.kind) else None
        return {
            "committee": committee_service.committee_read(committee, today),
            "start": start,
            "members": members,
            "chair_side": rules.SIDES.get(chair_side or ""),
        }


def preview_term(session: Session, *, actor: Actor, committee_id: int, data: TermCreate) -> dict:
    """What a new term does, for the confirmation: its period, whose seats end and who sits from its first
    day; refused as `start_term` would refuse it. Writes nothing."""
    auth_service.require(actor, "committee.write")
    with session.begin():
        committee = committee_service.in_scope(session, actor, committee_id)
        term = _term(session, committee, data)
        return {
            "committee": committee.name,
            "start": term.start,
            "end": term.end,
            "last_day": term.start - timedelta(days=1),
            "ending": [committee_service.member_read(m) for m in term.ending],
            "members": [
                {
                    "name": m.name,
                    "side_text": rules.SIDES.get(m.side or "", "–"),
                    "role_text": rules.ROLES[m.role],
                }
                for m in term.members
            ],
        }


@when_free
def start_term(session: Session, *, actor: Actor, committee_id: int, data: TermCreate) -> CommitteeRead:
    """SU-COMPOSITION, ASA 4310 § 4.2.2 — a new term («funksjonsperiode», 2 years) from the day the committee
    constitutes itself anew: the seats running into it end the day before, the new members sit from its first
    day, and the chair years count from it. Refused with the rule id when the new composition breaks the
    rules; nothing is written then. New terms of one committee take turns on its row (docs/adr/0010): of two
    at once, the later must begin after the earlier one."""
    auth_service.require(actor, "committee.write")
    with write_transaction(session):
        committee = committee_service.in_scope(session, actor, committee_id, lock=True)
        term = _term(session, committee, data)
        for member in term.ending:
            member.end = term.start - timedelta(days=1)
        committee.members.extend(term.members)
        committee.constituted_on, committee.term_end = term.start, term.end
        committee_service.check(committee, term.start)
        session.flush()
        committee_service.audit(
            session, actor, committee, "update", term_start=term.start.isoformat(), members=len(term.members)
        )
        return committee_service.committee_read(committee, today_oslo())
