"""JSON API of the citizen register under /api/v1: a citizen (every read audited with its reason), switching
and the waiting list, the runs, list lengths beside Helfo's count, a list reduction's draw and a vacant
list's distribution. Each endpoint is one service call."""

from datetime import date
from typing import Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from legetjeneste.citizens import service
from legetjeneste.citizens.distribution import service as distribution
from legetjeneste.citizens.distribution.schemas import DistributionRead
from legetjeneste.citizens.runs import service as runs
from legetjeneste.citizens.runs.schemas import RunResult
from legetjeneste.citizens.schemas import CitizenCreate, CitizenRead, LengthReport
from legetjeneste.citizens.switching import service as switching
from legetjeneste.citizens.switching.schemas import ListChoice, SwitchIn, SwitchResult, WaitingIn, WaitingRead
from legetjeneste.dates import today_oslo
from legetjeneste.registry.schemas import Input
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["citizens"])


class DrawIn(Input):
    count: int | None = None
    seed: str | None = None
    on: date | None = None
    case_id: int | None = None


class AutoAssignIn(BaseModel):
    auto_assign: bool


@router.post("/citizens", response_model=CitizenRead, status_code=201)
def add_citizen(data: CitizenCreate, session: SessionDep, actor: ActorDep):
    """A citizen with a validated fødselsnummer."""
    return service.add_citizen(session, actor=actor, data=data)


@router.get("/citizens/{citizen_id}", response_model=CitizenRead)
def get_citizen(citizen_id: Id, session: SessionDep, actor: ActorDep, why: str = Query(min_length=3)):
    """A citizen and their list history; `why` is written to the audit log with the read."""
    return service.get_citizen(session, actor=actor, citizen_id=citizen_id, why=why)


@router.post("/citizens/{citizen_id}/switch", response_model=SwitchResult)
def switch(citizen_id: Id, data: SwitchIn, session: SessionDep, actor: ActorDep):
    """CIT-SWITCH — to another GP's list from the 1st of the next month."""
    return switching.switch(
        session, actor=actor, citizen_id=citizen_id, agreement_id=data.agreement_id, on=data.on
    )


@router.post("/citizens/{citizen_id}/waiting-list", response_model=WaitingRead, status_code=201)
def join_waiting_list(citizen_id: Id, data: WaitingIn, session: SessionDep, actor: ActorDep):
    """CIT-WAIT — onto one waiting list."""
    return switching.join_waiting_list(
        session, actor=actor, citizen_id=citizen_id, agreement_id=data.agreement_id
    )


@router.delete("/citizens/{citizen_id}/waiting-list", status_code=204)
def leave_waiting_list(citizen_id: Id, session: SessionDep, actor: ActorDep) -> Response:
    switching.leave_waiting_list(session, actor=actor, citizen_id=citizen_id)
    return Response(status_code=204)


@router.get("/municipalities/{number}/waiting-lists", response_model=list[ListChoice])
def waiting_lists(number: Number, session: SessionDep, actor: ActorDep):
    """Every list's open places and how many wait for it (counts, no names)."""
    return switching.waiting_lists(session, actor=actor, municipality_number=number)


@router.post("/municipalities/{number}/citizen-runs/{kind}", response_model=RunResult)
def citizen_run(
    number: Number,
    kind: Literal["daily", "monthly"],
    session: SessionDep,
    actor: ActorDep,
    day: date | None = None,
):
    """The daily run (CIT-UNASSIGNED, CIT-WAIT-EFFECT) or the monthly effective-date run."""
    use_case = runs.daily if kind == "daily" else runs.monthly
    return use_case(session, actor=actor, municipality_number=number, on=day or today_oslo())


@router.get("/municipalities/{number}/list-lengths", response_model=LengthReport)
def list_lengths(number: Number, session: SessionDep, actor: ActorDep, month: date | None = None):
    """List lengths on the 1st of the month from the memberships beside Helfo's count."""
    return service.list_lengths(session, actor=actor, municipality_number=number, month=month or today_oslo())


@router.put("/municipalities/{number}/auto-assign", response_model=AutoAssignIn)
def auto_assign(number: Number, data: AutoAssignIn, session: SessionDep, actor: ActorDep):
    """CIT-UNASSIGNED — automatic assignment on or off."""
    done = distribution.set_auto_assign(
        session, actor=actor, municipality_number=number, auto_assign=data.auto_assign
    )
    return AutoAssignIn(auto_assign=done)


@router.post("/agreements/{agreement_id}/reduction-draw", response_model=DistributionRead)
def reduction_draw(agreement_id: Id, data: DrawIn, session: SessionDep, actor: ActorDep):
    """CIT-REDUCTION-DRAW — a granted list reduction carried out by a recorded, reproducible draw."""
    return distribution.reduction_draw(
        session,
        actor=actor,
        agreement_id=agreement_id,
        count=data.count,
        seed=data.seed,
        on=data.on,
        case_id=data.case_id,
    )


@router.post("/agreements/{agreement_id}/vacant-distribution", response_model=DistributionRead)
def vacant_distribution(agreement_id: Id, session: SessionDep, actor: ActorDep):
    """AGR-VACANT — a vacant list's citizens distributed among the remaining lists."""
    return distribution.distribute_vacant(session, actor=actor, agreement_id=agreement_id)


@router.get("/municipalities/{number}/distributions", response_model=list[DistributionRead])
def distributions(number: Number, session: SessionDep, actor: ActorDep):
    """The recorded draws and distributions: counts and seeds, no names."""
    return distribution.distributions(session, actor=actor, municipality_number=number)
