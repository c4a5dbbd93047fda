"""The key-figures page: the municipality against the country and similar municipalities (SSB)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.planning import service
from legetjeneste.web.deps import get_actor, get_session
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/kommuner/{number}/nokkeltall")
def key_figures(
    request: Request,
    number: Annotated[str, Path(pattern=r"^\d{4}$")],
    session: Annotated[Session, Depends(get_session)],
    actor: Annotated[Actor, Depends(get_actor)],
):
    data = service.key_figures(session, actor=actor, municipality_number=number)
    return render(request, "planning/key_figures.html", data, actor=actor)
