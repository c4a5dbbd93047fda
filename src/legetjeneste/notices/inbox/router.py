"""JSON API of the user's own inbox."""

from fastapi import APIRouter

from legetjeneste.notices.inbox import service
from legetjeneste.notices.inbox.schemas import InboxNoticeRead
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["inbox"])


@router.get("/inbox", response_model=list[InboxNoticeRead])
def my_notices(session: SessionDep, actor: ActorDep):
    """The user's own notices, newest first; `read_at` is empty while one is unread."""
    return service.my_notices(session, actor=actor)


@router.post("/inbox/{notice_id}/read", response_model=InboxNoticeRead)
def mark_read(notice_id: Id, session: SessionDep, actor: ActorDep):
    """Mark one of the user's own notices as read (another user's answers 404)."""
    return service.open_notice(session, actor=actor, notice_id=notice_id)
