"""JSON API of the agreement life cycle under /api/v1: cases, steps, documents and the deadlines overview
with its iCalendar feed. Each endpoint is one service call; a refusal answers 422 with the rule id."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from legetjeneste.absence.vacation.router import feed_actor
from legetjeneste.auth.rules import Actor
from legetjeneste.lifecycle import service
from legetjeneste.lifecycle.deadlines import service as deadline_service
from legetjeneste.lifecycle.deadlines.schemas import DeadlineOverview
from legetjeneste.lifecycle.documents import service as document_service
from legetjeneste.lifecycle.schemas import CaseCreate, CaseRead, CaseSummary, StepCreate
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["lifecycle"])
FeedActorDep = Annotated[Actor, Depends(feed_actor)]
OnDate = Annotated[date | None, Query(alias="date", description="Dato fristene vurderes mot (ÅÅÅÅ-MM-DD)")]
PRIVATE = {"Cache-Control": "no-store"}


@router.post("/agreements/{agreement_id}/lifecycle-cases", response_model=CaseRead, status_code=201)
def open_case(agreement_id: Id, data: CaseCreate, session: SessionDep, actor: ActorDep):
    """Open a case about the agreement: vacancy, notice, deleliste, list reduction, age limit, …"""
    return service.open_case(session, actor=actor, agreement_id=agreement_id, data=data)


@router.post("/municipalities/{number}/lifecycle-cases", response_model=CaseRead, status_code=201)
def open_municipality_case(number: Number, data: CaseCreate, session: SessionDep, actor: ActorDep):
    """Open a case about a new agreement (AGR-NEW-SU, AGR-NEW-INFORM)."""
    return service.open_case(session, actor=actor, municipality_number=number, data=data)


@router.get("/municipalities/{number}/lifecycle-cases", response_model=list[CaseSummary])
def municipality_cases(number: Number, session: SessionDep, actor: ActorDep):
    return service.list_cases(session, actor=actor, municipality_number=number)


@router.get("/agreements/{agreement_id}/lifecycle-cases", response_model=list[CaseRead])
def agreement_history(agreement_id: Id, session: SessionDep, actor: ActorDep):
    """The agreement's whole life: every case with every step (who and when) and every clock."""
    return service.agreement_history(session, actor=actor, agreement_id=agreement_id)


@router.get("/lifecycle-cases/{case_id}", response_model=CaseRead, response_model_by_alias=True)
def get_case(case_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_case(session, actor=actor, case_id=case_id)


@router.post("/lifecycle-cases/{case_id}/steps", response_model=CaseRead, status_code=201)
def record_step(case_id: Id, data: StepCreate, session: SessionDep, actor: ActorDep):
    """Record a step; `kind` says which. A step the rules refuse answers 422 with `rule_id` and `citation`."""
    return service.record_step(session, actor=actor, case_id=case_id, data=data)


@router.get(
    "/lifecycle-cases/{case_id}/steps/{step_id}/document.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "Dokumentet (A4)"}},
)
def document_pdf(case_id: Id, step_id: Id, session: SessionDep, actor: ActorDep):
    """The announcement, the award letter or the confirmation of notice of the step, as PDF."""
    name, content = document_service.document_pdf(session, actor=actor, case_id=case_id, step_id=step_id)
    headers = {**PRIVATE, "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.get("/municipalities/{number}/deadlines", response_model=DeadlineOverview)
def deadlines(number: Number, session: SessionDep, actor: ActorDep, on: OnDate = None):
    """Every open clock with due date, rule, case, agreement, responsible role and status."""
    return deadline_service.deadlines(session, actor=actor, municipality_number=number, on=on)


@router.get(
    "/municipalities/{number}/deadlines.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "iCalendar (RFC 5545)"}},
)
def deadlines_ics(number: Number, session: SessionDep, actor: FeedActorDep):
    content = deadline_service.deadlines_calendar(session, actor=actor, municipality_number=number)
    headers = {**PRIVATE, "Content-Disposition": f'inline; filename="frister-{number}.ics"'}
    return Response(content, media_type="text/calendar; charset=utf-8", headers=headers)
