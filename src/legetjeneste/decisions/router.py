"""JSON API of decisions under /api/v1: a decision with its letter's content, the letter as PDF, an appeal,
and the deciding body's handling of it. Each endpoint is one service call."""

from fastapi import APIRouter, Response

from legetjeneste.decisions import service
from legetjeneste.decisions.appeals import service as appeal_service
from legetjeneste.decisions.schemas import AppealCreate, AppealHandle, DecisionRead
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["decisions"])
PRIVATE = {"Cache-Control": "no-store"}


@router.get("/decisions/{decision_id}", response_model=DecisionRead)
def get_decision(decision_id: Id, session: SessionDep, actor: ActorDep):
    """An enkeltvedtak with its reasons (DEC-REASONS), the appeal deadline and where to send an appeal
    (DEC-NOTIFY), and its appeals: for its party and for whom reads the municipality's decisions."""
    return service.get_decision(session, actor=actor, decision_id=decision_id)


@router.get(
    "/decisions/{decision_id}/letter.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "Vedtaksbrevet (A4)"}},
)
def letter_pdf(decision_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.letter_pdf(session, actor=actor, decision_id=decision_id)
    headers = {**PRIVATE, "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.post("/decisions/{decision_id}/appeals", response_model=DecisionRead, status_code=201)
def appeal(decision_id: Id, data: AppealCreate, session: SessionDep, actor: ActorDep):
    """The party's appeal, inside the deadline (DEC-APPEAL); after it, 422 with the rule and the date."""
    return appeal_service.appeal(session, actor=actor, decision_id=decision_id, data=data)


@router.post("/decisions/{decision_id}/appeal-handling", response_model=DecisionRead)
def handle_appeal(decision_id: Id, data: AppealHandle, session: SessionDep, actor: ActorDep):
    """The deciding body reverses its decision (`reversed`: answers the new decision) or sends the appeal on
    to the appeal body (`sent_on`)."""
    return appeal_service.handle(session, actor=actor, decision_id=decision_id, data=data)
