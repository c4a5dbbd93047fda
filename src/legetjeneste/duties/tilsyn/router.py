"""JSON API of tilsyn under /api/v1: planned hours against the norm (TILSYN-NORM), the plan's versions side
by side, and cover while tilsynsleger are away (TILSYN-COVER). Each endpoint is one service call."""

from datetime import date

from fastapi import APIRouter, Query

from legetjeneste.duties.tilsyn import service
from legetjeneste.duties.tilsyn.schemas import (
    CoverLineRead,
    CoverRead,
    SubstituteIn,
    TilsynRead,
    VersionsRead,
)
from legetjeneste.web.deps import ActorDep, Id, SessionDep

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


@router.get("/municipalities/{number}/tilsyn/cover", response_model=CoverRead)
def cover(
    number: str,
    session: SessionDep,
    actor: ActorDep,
    first: date | None = None,
    days: int = Query(28, ge=1, le=366),
):
    """Planned hours that stand uncovered while a tilsynslege is away, per unit and day; the vikar budget."""
    return service.cover(session, actor=actor, municipality_number=number, first=first, days=days)


@router.put("/tilsyn-units/{unit_id}/substitutes", response_model=CoverLineRead)
def name_substitute(unit_id: Id, data: SubstituteIn, session: SessionDep, actor: ActorDep):
    """A named substitute for the unit on a day its tilsynslege is away (TILSYN-COVER)."""
    return service.name_substitute(
        session, actor=actor, unit_id=unit_id, day=data.day, name=data.name, doctor_id=data.doctor_id
    )
