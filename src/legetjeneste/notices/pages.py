"""Marking a notice on the start page as read."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from legetjeneste.notices import service
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(include_in_schema=False)


@router.post("/varsler/{notice_id}/lest")
def acknowledge(request: Request, notice_id: Id, session: SessionDep, actor: ActorDep):
    service.acknowledge(session, actor=actor, notice_id=notice_id)
    back = request.headers.get("referer", "/")
    return RedirectResponse(back if back.startswith(str(request.base_url)) else "/", status_code=303)
