"""JSON API for the national statistics."""

from fastapi import APIRouter

from legetjeneste.planning import service
from legetjeneste.web.deps import ActorDep, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["statistics"])


@router.get("/municipalities/{number}/key-figures")
def key_figures(number: Number, session: SessionDep, actor: ActorDep):
    return service.key_figures(session, actor=actor, municipality_number=number)
