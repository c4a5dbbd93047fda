"""JSON API for the citizen's GP panel and its settings under /api/v1. Each endpoint is one service call."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office_notices import service as panel_notice_service
from legetjeneste.absence.panel.schemas import (
    AbsenceAssistantCreate,
    AbsenceAssistantRead,
    DigitalServicesRead,
    DigitalServicesUpdate,
    GpPanelRead,
    OfficeNoticeCreate,
    OfficeNoticeRead,
    OfficeNoticeUpdate,
    PanelWarningRead,
)
from legetjeneste.dates import Period
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["GP panel"])
OnDate = Annotated[date | None, Query(alias="date", description="Dato (ÅÅÅÅ-MM-DD), standard i dag")]


@router.get("/agreements/{agreement_id}/digital-services", response_model=DigitalServicesRead)
def get_digital_services(agreement_id: Id, session: SessionDep, actor: ActorDep):
    return panel_service.get_digital_services(session, actor=actor, agreement_id=agreement_id)


@router.put("/agreements/{agreement_id}/digital-services", response_model=DigitalServicesRead)
def update_digital_services(
    agreement_id: Id, data: DigitalServicesUpdate, session: SessionDep, actor: ActorDep
):
    return panel_service.update_digital_services(session, actor=actor, agreement_id=agreement_id, data=data)


@router.get("/agreements/{agreement_id}/absence-assistant", response_model=list[AbsenceAssistantRead])
def list_assistants(agreement_id: Id, session: SessionDep, actor: ActorDep):
    return panel_service.list_assistants(session, actor=actor, agreement_id=agreement_id)


@router.post(
    "/agreements/{agreement_id}/absence-assistant", response_model=AbsenceAssistantRead, status_code=201
)
def add_assistant(agreement_id: Id, data: AbsenceAssistantCreate, session: SessionDep, actor: ActorDep):
    return panel_service.add_assistant(session, actor=actor, agreement_id=agreement_id, data=data)


@router.delete("/absence-assistant/{assistant_id}", status_code=204)
def remove_assistant(assistant_id: Id, session: SessionDep, actor: ActorDep):
    panel_service.remove_assistant(session, actor=actor, assistant_id=assistant_id)
    return Response(status_code=204)


@router.get("/offices/{office_id}/notices", response_model=list[OfficeNoticeRead])
def list_notices(office_id: Id, session: SessionDep, actor: ActorDep):
    return panel_notice_service.list_notices(session, actor=actor, office_id=office_id)


@router.post("/offices/{office_id}/notices", response_model=OfficeNoticeRead, status_code=201)
def add_notice(office_id: Id, data: OfficeNoticeCreate, session: SessionDep, actor: ActorDep):
    return panel_notice_service.add_notice(session, actor=actor, office_id=office_id, data=data)


@router.patch("/office-notices/{notice_id}", response_model=OfficeNoticeRead)
def update_notice(notice_id: Id, data: OfficeNoticeUpdate, session: SessionDep, actor: ActorDep):
    return panel_notice_service.update_notice(session, actor=actor, notice_id=notice_id, data=data)


@router.delete("/office-notices/{notice_id}", status_code=204)
def remove_notice(notice_id: Id, session: SessionDep, actor: ActorDep):
    panel_notice_service.remove_notice(session, actor=actor, notice_id=notice_id)
    return Response(status_code=204)


@router.get("/agreements/{agreement_id}/panel", response_model=GpPanelRead)
def gp_panel(agreement_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    return panel_service.gp_panel(session, actor=actor, agreement_id=agreement_id, on=on)


def _horizon(first: date | None, last: date | None) -> Period | None:
    if first is None and last is None:
        return None
    if first is None or last is None or last < first:
        raise ValidationFailed([Problem("to", "oppgi både from og to, og to kan ikke være før from")])
    return Period(first, last)


From = Annotated[date | None, Query(alias="from", description="Fra dato; standard i dag")]
To = Annotated[date | None, Query(alias="to", description="Til dato; standard tolv måneder fram")]


@router.get("/offices/{office_id}/panel-warnings", response_model=list[PanelWarningRead])
def office_warnings(office_id: Id, session: SessionDep, actor: ActorDep, first: From = None, last: To = None):
    return panel_service.settings_warnings(
        session, actor=actor, office_id=office_id, horizon=_horizon(first, last)
    )


@router.get("/agreements/{agreement_id}/panel-warnings", response_model=list[PanelWarningRead])
def agreement_warnings(
    agreement_id: Id, session: SessionDep, actor: ActorDep, first: From = None, last: To = None
):
    return panel_service.settings_warnings(
        session, actor=actor, agreement_id=agreement_id, horizon=_horizon(first, last)
    )
