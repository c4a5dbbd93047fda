"""JSON API for the audit log."""

from typing import Annotated

from fastapi import APIRouter, Query

from legetjeneste.audit import service
from legetjeneste.web.deps import ActorDep, SessionDep

router = APIRouter(prefix="/api/v1", tags=["audit"])


@router.get("/audit")
def list_entries(
    session: SessionDep,
    actor: ActorDep,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
):
    return service.list_entries(session, actor=actor, limit=limit)
