"""JSON API for the national statistics."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.planning import service
from legetjeneste.web.deps import get_actor, get_session

router = APIRouter(prefix="/api/v1", tags=["statistics"])


@router.get("/municipalities/{number}/key-figures")
def key_figures(
    number: Annotated[str, Path(pattern=r"^\d{4}$")],
    session: Annotated[Session, Depends(get_session)],
    actor: Annotated[Actor, Depends(get_actor)],
):
    return service.key_figures(session, actor=actor, municipality_number=number)
