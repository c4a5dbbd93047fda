"""Pages of the GP panel: the citizen-style preview of an agreement's panel on a date, and the office's
settings (digital services, absence assistant, office notices) with the warnings about them."""

from datetime import date
from typing import Annotated, TypeVar

from fastapi import APIRouter, Form, Query, Request
from pydantic import BaseModel
from sqlalchemy.orm import Session

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office_notices import service as panel_notice_service
from legetjeneste.absence.panel.rules import panel
from legetjeneste.absence.panel.schemas import (
    AbsenceAssistantCreate,
    DigitalServicesUpdate,
    OfficeNoticeCreate,
    OfficeNoticeUpdate,
)
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import ValidationFailed
from legetjeneste.web import forms
from legetjeneste.web.deps import ActorDep, Id, SessionDep
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
OnDate = Annotated[date | None, Query(alias="dato")]
Checkbox = Annotated[str | None, Form(max_length=10)]
Text = Annotated[str | None, Form(max_length=5000)]
M = TypeVar("M", bound=BaseModel)
FIELD_LABELS = {
    "colleague_doctor_id": "Kollega",
    "services": "Tjenester",
    "start": "Fra og med",
    "end": "Til og med",
    "text": "Melding",
}
SETTINGS = ("offers_digital_services", *panel.SERVICES)


@router.get("/avtaler/{agreement_id}/fastlegepanel")
def preview(request: Request, agreement_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    found = panel_service.gp_panel(session, actor=actor, agreement_id=agreement_id, on=on)
    context = {"panel": found, "service_names": panel.SERVICE_NAMES}
    return render(request, "absence/panel_preview.html", context, actor=actor)


def _settings_page(
    request: Request,
    session: Session,
    actor: Actor,
    office_id: int,
    *,
    error: ValidationFailed | None = None,
    form: str | None = None,
    values: dict | None = None,
):
    data = panel_service.office_panel_settings(session, actor=actor, office_id=office_id)
    context = {
        **data,
        "error": error,
        "failed_form": form,
        "values": values or {},
        "field_labels": FIELD_LABELS,
        "service_names": panel.SERVICE_NAMES,
    }
    return render(
        request, "absence/panel_settings.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/kontorer/{office_id}/fastlegepanel")
def settings(request: Request, office_id: Id, session: SessionDep, actor: ActorDep):
    return _settings_page(request, session, actor, office_id)


def _back(request: Request, office_id: int, title: str, lines: list[str] | None = None):
    return redirect_with_message(request, f"/kontorer/{office_id}/fastlegepanel", title, lines)


def _given(**fields: str | None) -> dict:
    """The form's non-empty fields; an empty one is left out so the schema names what is missing."""
    return {name: value for name, value in fields.items() if value}


@router.post("/kontorer/{office_id}/fastlegepanel/avtaler/{agreement_id}/tjenester")
def save_services(
    request: Request,
    office_id: Id,
    agreement_id: Id,
    session: SessionDep,
    actor: ActorDep,
    offers_digital_services: Checkbox = None,
    booking: Checkbox = None,
    e_consultation: Checkbox = None,
    prescription_renewal: Checkbox = None,
    e_contact: Checkbox = None,
):
    checked = (offers_digital_services, booking, e_consultation, prescription_renewal, e_contact)
    data = DigitalServicesUpdate(**{name: box == "on" for name, box in zip(SETTINGS, checked, strict=True)})
    saved = panel_service.update_digital_services(session, actor=actor, agreement_id=agreement_id, data=data)
    lines = [f"Advarsel: {w.message}" for w in saved.warnings]
    return _back(
        request, saved.office_id, f"De digitale tjenestene for avtale {agreement_id} er lagret.", lines
    )


@router.post("/kontorer/{office_id}/fastlegepanel/avtaler/{agreement_id}/fravaersassistent")
def add_assistant(
    request: Request,
    office_id: Id,
    agreement_id: Id,
    session: SessionDep,
    actor: ActorDep,
    colleague_doctor_id: Text = None,
    services: Annotated[list[str] | None, Form()] = None,
    start: Text = None,
    end: Text = None,
):
    values = {
        **_given(colleague_doctor_id=colleague_doctor_id, start=start, end=end),
        "services": services or [],
    }
    try:
        data = forms.validate(AbsenceAssistantCreate, values)
        saved = panel_service.add_assistant(session, actor=actor, agreement_id=agreement_id, data=data)
    except ValidationFailed as error:
        form_id = f"assistant-{agreement_id}"
        return _settings_page(request, session, actor, office_id, error=error, form=form_id, values=values)
    title = f"{saved.colleague_name} er fraværsassistent for {saved.services_label} på avtale {agreement_id}."
    return _back(request, saved.office_id, title)


@router.post("/kontorer/{office_id}/fastlegepanel/fravaersassistent/{assistant_id}/slett")
def remove_assistant(request: Request, office_id: Id, assistant_id: Id, session: SessionDep, actor: ActorDep):
    removed = panel_service.remove_assistant(session, actor=actor, assistant_id=assistant_id)
    title = f"Fraværsassistenten {removed.colleague_name} på avtale {removed.agreement_id} er fjernet."
    return _back(request, removed.office_id, title)


@router.post("/kontorer/{office_id}/fastlegepanel/meldinger")
def add_notice(
    request: Request,
    office_id: Id,
    session: SessionDep,
    actor: ActorDep,
    text: Text = None,
    start: Text = None,
    end: Text = None,
):
    values = {"text": text or "", **_given(start=start, end=end)}
    try:
        data = forms.validate(OfficeNoticeCreate, values)
        saved = panel_notice_service.add_notice(session, actor=actor, office_id=office_id, data=data)
    except ValidationFailed as error:
        return _settings_page(
            request, session, actor, office_id, error=error, form="notice-new", values=values
        )
    return _back(request, saved.office_id, "Meldingen fra legekontoret er lagt inn.")


@router.post("/kontorer/{office_id}/fastlegepanel/meldinger/{notice_id}")
def change_notice(
    request: Request,
    office_id: Id,
    notice_id: Id,
    session: SessionDep,
    actor: ActorDep,
    text: Text = None,
    start: Text = None,
    end: Text = None,
):
    values = {"text": text or "", **_given(start=start), "end": end or None}
    try:
        data = forms.validate(OfficeNoticeUpdate, values)
        saved = panel_notice_service.update_notice(session, actor=actor, notice_id=notice_id, data=data)
    except ValidationFailed as error:
        form_id = f"notice-{notice_id}"
        return _settings_page(request, session, actor, office_id, error=error, form=form_id, values=values)
    return _back(request, saved.office_id, "Meldingen fra legekontoret er endret.")


@router.post("/kontorer/{office_id}/fastlegepanel/meldinger/{notice_id}/slett")
def remove_notice(request: Request, office_id: Id, notice_id: Id, session: SessionDep, actor: ActorDep):
    removed = panel_notice_service.remove_notice(session, actor=actor, notice_id=notice_id)
    return _back(request, removed.office_id, "Meldingen fra legekontoret er slettet.")
