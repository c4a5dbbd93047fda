"""JSON API for the municipality's notices."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.notices import service
from legetjeneste.web.deps import get_actor, get_session

router = APIRouter(prefix="/api/v1", tags=["notices"])
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]


@router.get("/municipalities/{number}/notices")
def open_notices(number: Annotated[str, Path(pattern=r"^\d{4}$")], session: SessionDep, actor: ActorDep):
    return service.open_notices(session, actor=actor, municipality_number=number)


@router.post("/notices/{notice_id}/acknowledge")
def acknowledge(
    notice_id: Annotated[int, Path(ge=1, le=2_147_483_647)], session: SessionDep, actor: ActorDep
):
    return service.acknowledge(session, actor=actor, notice_id=notice_id)
