"""The inbox pages: «Innboks» (my notices, newest first), one notice (opening it marks it read), and
«Merk alle som lest»."""

from fastapi import APIRouter, Request

from legetjeneste.notices.inbox import service
from legetjeneste.notices.inbox.rules import moment_text
from legetjeneste.web.deps import ActorDep, Id, SessionDep
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)


@router.get("/innboks")
def inbox(request: Request, session: SessionDep, actor: ActorDep):
    notices = service.my_notices(session, actor=actor)
    unread = sum(1 for notice in notices if notice.read_at is None)
    return render(
        request,
        "notices/inbox.html",
        {"notices": notices, "unread": unread, "when": moment_text},
        actor=actor,
    )


@router.get("/innboks/{notice_id}")
def notice(request: Request, notice_id: Id, session: SessionDep, actor: ActorDep):
    opened = service.open_notice(session, actor=actor, notice_id=notice_id)
    return render(request, "notices/inbox_notice.html", {"notice": opened, "when": moment_text}, actor=actor)


@router.post("/innboks/les-alle")
def mark_all_read(request: Request, session: SessionDep, actor: ActorDep):
    marked = service.mark_all_read(session, actor=actor)
    title = "Alle meldingene er merket som lest." if marked else "Det var ingen uleste meldinger."
    return redirect_with_message(request, "/innboks", title)
