"""The key-figures page: the municipality against the country and similar municipalities (SSB)."""

from fastapi import APIRouter, Request

from legetjeneste.planning import service
from legetjeneste.web.deps import ActorDep, Number, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/kommuner/{number}/nokkeltall")
def key_figures(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    data = service.key_figures(session, actor=actor, municipality_number=number)
    return render(request, "planning/key_figures.html", data, actor=actor)
