"""JSON API of tilsyn under /api/v1: planned hours against the norm (TILSYN-NORM) and the plan's versions
side by side. Cover is in cover/router.py, the vikar budget in budget/router.py. Each endpoint is one service
call."""

from datetime import date

from fastapi import APIRouter

from legetjeneste.duties.tilsyn import service
from legetjeneste.duties.tilsyn.schemas import TilsynRead, VersionsRead
from legetjeneste.web.deps import ActorDep, SessionDep

router = APIRouter(prefix="/api/v1", tags=["duties"])


@router.get("/municipalities/{number}/tilsyn", response_model=TilsynRead)
def tilsyn(
    number: str, session: SessionDep, actor: ActorDep, on: date | None = None, plan: str | None = None
):
    """Per unit and in total: planned, norm, difference and share, with the hours legevakt covers."""
    return service.tilsyn(session, actor=actor, municipality_number=number, on=on, plan=plan)


@router.get("/municipalities/{number}/tilsyn/versions", response_model=VersionsRead)
def versions(number: str, session: SessionDep, actor: ActorDep, on: date | None = None):
    """The tilsyn plan's versions side by side."""
    return service.versions(session, actor=actor, municipality_number=number, on=on)
