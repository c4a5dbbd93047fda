"""JSON API of the committees under /api/v1: a municipality's committees and their overview, a committee
with its members and composition check, adding a committee or a member, a new term. Each endpoint is one
service call."""

from datetime import date

from fastapi import APIRouter

from legetjeneste.committees import service
from legetjeneste.committees.annual import service as annual_service
from legetjeneste.committees.members import service as member_service
from legetjeneste.committees.schemas import (
    AnnualMeetingIn,
    CommitteeCreate,
    CommitteeRead,
    MemberCreate,
    TermCreate,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["committees"])


@router.get("/municipalities/{number}/committees", response_model=list[CommitteeRead])
def committees(number: Number, session: SessionDep, actor: ActorDep):
    """The SU, the ALU and the working committee with their members and composition check (rule ids)."""
    return service.list_committees(session, actor=actor, municipality_number=number)


@router.post("/municipalities/{number}/committees", response_model=CommitteeRead, status_code=201)
def add_committee(number: Number, data: CommitteeCreate, session: SessionDep, actor: ActorDep):
    """A committee with its members; refused with the rule id when composed against SU-COMPOSITION or
    ALU-MEMBERS (unequal sides, fewer than 2 a side, too few deputies, the kommuneoverlege as a GP
    representative, the same side chairing two chair years running)."""
    return service.add_committee(session, actor=actor, municipality_number=number, data=data)


@router.get("/municipalities/{number}/committees/overview")
def overview(number: Number, session: SessionDep, actor: ActorDep, on: date | None = None):
    """Committees, members, composition check, meeting clocks and open follow-up actions on a day."""
    return service.overview(session, actor=actor, municipality_number=number, on=on)


@router.post("/municipalities/{number}/annual-meetings", status_code=201)
def annual_meeting(number: Number, data: AnnualMeetingIn, session: SessionDep, actor: ActorDep):
    """AGR-ANNUAL-MEETING — a GP's yearly meeting with the municipality is held."""
    return annual_service.record_annual_meeting(session, actor=actor, municipality_number=number, data=data)


@router.get("/committees/{committee_id}", response_model=CommitteeRead)
def committee(committee_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_committee(session, actor=actor, committee_id=committee_id)


@router.post("/committees/{committee_id}/members", response_model=CommitteeRead, status_code=201)
def add_member(committee_id: Id, data: MemberCreate, session: SessionDep, actor: ActorDep):
    """A member (replacing one, with `replaces`); refused when the composition breaks the rules."""
    return member_service.add_member(session, actor=actor, committee_id=committee_id, data=data)


@router.post("/committees/{committee_id}/terms", response_model=CommitteeRead, status_code=201)
def start_term(committee_id: Id, data: TermCreate, session: SessionDep, actor: ActorDep):
    """SU-COMPOSITION — a new 2-year term from `constituted_on`: the current seats end the day before, the
    members sit from that day; refused with the rule id when the new composition breaks the rules."""
    return member_service.start_term(session, actor=actor, committee_id=committee_id, data=data)
