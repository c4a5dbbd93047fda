"""HTML pages of the register: the municipality overview, office, doctor and agreement pages, import."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request

from legetjeneste.registry import service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep
from legetjeneste.web.pages import panels, render

router = APIRouter(include_in_schema=False)
OnDate = Annotated[date | None, Query(alias="dato")]


@router.get("/kommuner")
def municipalities(request: Request, session: SessionDep, actor: ActorDep):
    found = service.list_municipalities(session, actor=actor)
    return render(request, "registry/municipalities.html", {"municipalities": found}, actor=actor)


@router.get("/kommuner/{number}")
def overview(request: Request, number: Number, session: SessionDep, actor: ActorDep, on: OnDate = None):
    data = agreement_service.overview(session, actor=actor, municipality_number=number, on=on)
    data |= panels("municipality", session, actor, municipality_number=number)
    return render(request, "registry/overview.html", data, actor=actor)


@router.get("/kontorer/{office_id}")
def office(request: Request, office_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    data = agreement_service.office_details(session, actor=actor, office_id=office_id, on=on)
    return render(request, "registry/office.html", data, actor=actor)


@router.get("/leger/{doctor_id}")
def doctor(request: Request, doctor_id: Id, session: SessionDep, actor: ActorDep):
    data = agreement_service.doctor_details(session, actor=actor, doctor_id=doctor_id)
    return render(request, "registry/doctor.html", data, actor=actor)


@router.get("/avtaler/{agreement_id}")
def agreement(request: Request, agreement_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    data = agreement_service.agreement_details(session, actor=actor, agreement_id=agreement_id, on=on)
    data |= panels("agreement", session, actor, agreement_id=agreement_id)
    return render(request, "registry/agreement.html", data, actor=actor)
