"""JSON API for the municipality's notices."""

from fastapi import APIRouter

from legetjeneste.notices import service
from legetjeneste.notices.schemas import NoticeRead
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["notices"])


@router.get("/municipalities/{number}/notices", response_model=list[NoticeRead])
def open_notices(number: Number, session: SessionDep, actor: ActorDep):
    return service.open_notices(session, actor=actor, municipality_number=number)


@router.post("/notices/{notice_id}/acknowledge", response_model=NoticeRead)
def acknowledge(notice_id: Id, session: SessionDep, actor: ActorDep):
    return service.acknowledge(session, actor=actor, notice_id=notice_id)
