"""JSON API of committee cases under /api/v1: raise a case from its origin, read it, draft or record the
committee's statement (which goes back to the originating case)."""

from fastapi import APIRouter

from legetjeneste.committees.cases import service
from legetjeneste.committees.schemas import CaseCreate, CaseRead, StatementIn
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["committees"])


@router.get("/municipalities/{number}/committee-cases", response_model=list[CaseRead])
def cases(number: Number, session: SessionDep, actor: ActorDep):
    return service.list_cases(session, actor=actor, municipality_number=number)


@router.post("/committee-cases", response_model=CaseRead, status_code=201)
def raise_case(data: CaseCreate, session: SessionDep, actor: ActorDep):
    """SU-CASES, ALU-TASKS — a case on a committee's agenda from `origin_kind`/`origin_id` (a kind a feature
    declares), or «sak fra kommuneoverlegen» (`municipality`) with a title and a link."""
    return service.raise_case(session, actor=actor, data=data)


@router.get("/committee-cases/{case_id}")
def case(case_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_case(session, actor=actor, case_id=case_id)


@router.put("/committee-cases/{case_id}/statement", response_model=CaseRead)
def statement(case_id: Id, data: StatementIn, session: SessionDep, actor: ActorDep):
    """SU-CASES — the statement with the vote and the minority's text; `final` gives it to the origin."""
    return service.record_statement(session, actor=actor, case_id=case_id, data=data)
