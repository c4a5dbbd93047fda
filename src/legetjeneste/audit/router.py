"""JSON API for the audit log."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from legetjeneste.audit import service
from legetjeneste.auth.rules import Actor
from legetjeneste.web.deps import get_actor, get_session

router = APIRouter(prefix="/api/v1", tags=["audit"])


@router.get("/audit")
def list_entries(
    session: Annotated[Session, Depends(get_session)],
    actor: Annotated[Actor, Depends(get_actor)],
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
):
    return service.list_entries(session, actor=actor, limit=limit)
