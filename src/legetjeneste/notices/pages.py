"""Marking a notice on the start page as read."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.notices import service
from legetjeneste.web.deps import get_actor, get_session

router = APIRouter(include_in_schema=False)


@router.post("/varsler/{notice_id}/lest")
def acknowledge(
    request: Request,
    notice_id: Annotated[int, Path(ge=1, le=2_147_483_647)],
    session: Annotated[Session, Depends(get_session)],
    actor: Annotated[Actor, Depends(get_actor)],
):
    service.acknowledge(session, actor=actor, notice_id=notice_id)
    back = request.headers.get("referer", "/")
    return RedirectResponse(back if back.startswith(str(request.base_url)) else "/", status_code=303)
