"""JSON API of threat cases (ASA 4310 Vedlegg II) under /api/v1: each endpoint is one service call. A case
answers 404 to everyone but the kommuneoverlege and the GPs concerned (THREAT-PRIVACY)."""

from fastapi import APIRouter

from legetjeneste.citizens.threats import service
from legetjeneste.citizens.threats.decision import service as decision_service
from legetjeneste.citizens.threats.schemas import (
    AlternativeIn,
    AnonymisedCase,
    ChoiceIn,
    ContactIn,
    DecisionIn,
    MeasureIn,
    ThreatCaseRead,
    ThreatCaseSummary,
    ThreatRequestIn,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["citizens"])
CASE = "/threat-cases/{case_id}"


@router.post("/threat-cases", response_model=ThreatCaseRead, status_code=201)
def request_help(data: ThreatRequestIn, session: SessionDep, actor: ActorDep):
    """THREAT-ASSIST: the GP (own list) or the office administrator asks the municipality for help."""
    return service.request_help(session, actor=actor, data=data)


@router.get("/municipalities/{number}/threat-cases", response_model=list[ThreatCaseSummary])
def list_cases(number: Number, session: SessionDep, actor: ActorDep):
    """The municipality's cases without the patients' identities (the kommuneoverlege)."""
    return service.list_cases(session, actor=actor, municipality_number=number)


@router.get("/municipalities/{number}/threat-cases/anonymised", response_model=list[AnonymisedCase])
def anonymised_cases(number: Number, session: SessionDep, actor: ActorDep):
    """THREAT-GUIDELINES: the cases anonymised, as the ALU and the SU discuss them."""
    return service.anonymised_cases(session, actor=actor, municipality_number=number)


@router.get(CASE, response_model=ThreatCaseRead)
def get_case(case_id: Id, session: SessionDep, actor: ActorDep):
    """The case with the patient's identity; the read is audited."""
    return service.get_case(session, actor=actor, case_id=case_id)


@router.post(CASE + "/measures", response_model=ThreatCaseRead)
def record_measure(case_id: Id, data: MeasureIn, session: SessionDep, actor: ActorDep):
    """THREAT-MEASURES: one of the seven alternatives as discussed, applied or rejected."""
    return service.record_measure(session, actor=actor, case_id=case_id, data=data)


@router.post(CASE + "/demand", response_model=ThreatCaseRead)
def demand_decision(case_id: Id, session: SessionDep, actor: ActorDep):
    """THREAT-DECISION: the GP demands a decision to move the patient."""
    return service.demand_decision(session, actor=actor, case_id=case_id)


@router.post(CASE + "/decision", response_model=ThreatCaseRead)
def decide(case_id: Id, data: DecisionIn, session: SessionDep, actor: ActorDep):
    """THREAT-DECISION: the municipality's enkeltvedtak (move, no move forsvarlig, or stay)."""
    return decision_service.decide(session, actor=actor, case_id=case_id, data=data)


@router.post(CASE + "/choice", response_model=ThreatCaseRead)
def record_choice(case_id: Id, data: ChoiceIn, session: SessionDep, actor: ActorDep):
    """THREAT-DEADLINE: the patient chose a new GP within the deadline."""
    return decision_service.record_choice(session, actor=actor, case_id=case_id, data=data)


@router.post(CASE + "/assign", response_model=ThreatCaseRead)
def assign(case_id: Id, session: SessionDep, actor: ActorDep):
    """THREAT-DEADLINE: after the deadline, the list named in the decision."""
    return decision_service.assign(session, actor=actor, case_id=case_id)


@router.post(CASE + "/new-gp", response_model=ThreatCaseRead)
def record_contact(case_id: Id, data: ContactIn, session: SessionDep, actor: ActorDep):
    """THREAT-NEW-GP: the new GP contacted and the measures agreed."""
    return decision_service.record_contact(session, actor=actor, case_id=case_id, data=data)


@router.post(CASE + "/alternative", response_model=ThreatCaseRead)
def record_alternative(case_id: Id, data: AlternativeIn, session: SessionDep, actor: ActorDep):
    """THREAT-ALTERNATIVE: institution or special vaktordning where no move is forsvarlig."""
    return decision_service.record_alternative(session, actor=actor, case_id=case_id, data=data)


@router.post(CASE + "/close", response_model=ThreatCaseRead)
def close_case(case_id: Id, session: SessionDep, actor: ActorDep):
    """Close the case (THREAT-ALTERNATIVE: not without other care where no move is forsvarlig)."""
    return decision_service.close_case(session, actor=actor, case_id=case_id)
