"""JSON API for breach cases (AGR-BREACH, ASA 4310 § 15) under /api/v1. Each endpoint is one service call."""

from typing import Annotated

from fastapi import APIRouter, Body

from legetjeneste.payments.breach import service as breach_service
from legetjeneste.payments.breach.schemas import (
    BreachCaseCreate,
    BreachCaseRead,
    BreachCaseSummary,
    BreachStepCreate,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["breach"])


@router.post("/agreements/{agreement_id}/breach-cases", response_model=BreachCaseRead, status_code=201)
def open_case(agreement_id: Id, data: BreachCaseCreate, session: SessionDep, actor: ActorDep):
    """Open a breach case with the written, reasoned notice to rectify and its deadline."""
    return breach_service.open_case(session, actor=actor, agreement_id=agreement_id, data=data)


@router.get("/agreements/{agreement_id}/breach-cases", response_model=list[BreachCaseSummary])
def agreement_cases(agreement_id: Id, session: SessionDep, actor: ActorDep):
    return breach_service.list_cases(session, actor=actor, agreement_id=agreement_id)


@router.get("/municipalities/{number}/breach-cases", response_model=list[BreachCaseSummary])
def municipality_cases(number: Number, session: SessionDep, actor: ActorDep):
    return breach_service.list_cases(session, actor=actor, municipality_number=number)


@router.get("/breach-cases/{case_id}", response_model=BreachCaseRead)
def get_case(case_id: Id, session: SessionDep, actor: ActorDep):
    """A case with every step, what happens next, and what the approved runs withheld and paid out."""
    return breach_service.get_case(session, actor=actor, case_id=case_id)


@router.post("/breach-cases/{case_id}/steps", response_model=BreachCaseRead, status_code=201)
def record_step(case_id: Id, data: Annotated[BreachStepCreate, Body()], session: SessionDep, actor: ActorDep):
    """Record the GP's comment, a meeting, the written warning, the decision (payments.approve) or the
    rectification; `kind` says which."""
    return breach_service.record_step(session, actor=actor, case_id=case_id, data=data)
