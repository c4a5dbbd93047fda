"""The start page of each role: "/" leads there; Min side and Mitt kontor are hosts for other features'
panels."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from legetjeneste.registry.start import rules, service
from legetjeneste.web.deps import ActorDep, SessionDep
from legetjeneste.web.pages import panels, render

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(actor: ActorDep):
    return RedirectResponse(rules.start_path(actor), status_code=303)


@router.get("/min-side")
def my_page(request: Request, session: SessionDep, actor: ActorDep):
    data = service.my_page(session, actor=actor)
    data |= panels("min_side", session, actor, doctor_id=actor.doctor_id)
    return render(request, "registry/min_side.html", data, actor=actor)


@router.get("/mitt-kontor")
def my_office(request: Request, session: SessionDep, actor: ActorDep):
    data = service.my_office(session, actor=actor)
    data |= panels("office", session, actor, office_id=actor.office_id)
    return render(request, "registry/my_office.html", data, actor=actor)
