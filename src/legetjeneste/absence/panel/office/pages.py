"""An office's GP panel settings as a page, and the writes of one agreement's part of it (digital services,
absence assistant). A write from htmx answers with the updated part (settings and the citizen's panel
beside them), so the place on the page is kept; without JavaScript it goes back to the page it came from
(the settings page or Mitt kontor) at the agreement's anchor. A refusal shows the part with what was
refused and why, the rule id included; removing an assistant asks first."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from sqlalchemy.orm import Session

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office import service as office_service
from legetjeneste.absence.panel.rules import panel
from legetjeneste.absence.panel.schemas import AbsenceAssistantCreate, DigitalServicesUpdate
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import ValidationFailed
from legetjeneste.registry.start import service as start_service
from legetjeneste.web import forms
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, Id, SessionDep
from legetjeneste.web.pages import panels, redirect_with_message, render

router = APIRouter(include_in_schema=False)
Checkbox = Annotated[str | None, Form(max_length=10)]
Text = Annotated[str | None, Form(max_length=5000)]
Back = Annotated[str | None, Form(alias="tilbake", max_length=20)]
MY_OFFICE = "mitt-kontor"
SETTINGS = ("offers_digital_services", *panel.SERVICES)
FIELD_LABELS = {
    "offers_digital_services": "Fastlegen tilbyr digitale tjenester på Helsenorge",
    "colleague_doctor_id": "Kollega",
    "services": "Tjenester",
    "start": "Fra og med",
    "end": "Til og med",
    "text": "Melding",
}
SHARED = {"field_labels": FIELD_LABELS, "service_names": panel.SERVICE_NAMES}


def back_path(office_id: int, back: str | None) -> str:
    """Where a write without JavaScript goes back to: Mitt kontor when it came from there, else the
    office's settings page; nothing else is followed."""
    return "/mitt-kontor" if back == MY_OFFICE else f"/kontorer/{office_id}/fastlegepanel"


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def settings_page(
    request: Request, session: Session, actor: Actor, office_id: int, failure: dict | None = None
):
    data = office_service.office_panel_settings(session, actor=actor, office_id=office_id)
    context = {**data, **SHARED, "back": None, **(failure or {})}
    status = 422 if failure else 200
    return render(request, "absence/panel_settings.html", context, actor=actor, status_code=status)


def my_office_page(request: Request, session: Session, actor: Actor, failure: dict):
    data = start_service.my_office(session, actor=actor)
    data |= panels("office", session, actor, office_id=actor.office_id)
    context = {**data, **SHARED, **failure}
    return render(request, "registry/my_office.html", context, actor=actor, status_code=422)


def _part(request: Request, session: Session, actor: Actor, agreement_id: int, back: str | None, **extra):
    """The agreement's part alone, for htmx to put in place of the old one."""
    data = office_service.agreement_part(session, actor=actor, agreement_id=agreement_id)
    context = {**data, **SHARED, "a": data["agreement"], "back": back, **extra}
    return render(request, "absence/_panel_part.html", context, actor=actor)


def _refused(request, session, actor, *, office_id: int, agreement_id: int, back, failure: dict):
    if _is_htmx(request):
        return _part(request, session, actor, agreement_id, back, **failure)
    if back == MY_OFFICE:
        return my_office_page(request, session, actor, failure)
    return settings_page(request, session, actor, office_id, failure)


def _saved(request, session, actor, *, office_id: int, agreement_id: int, back, title, lines=()):
    if _is_htmx(request):
        return _part(request, session, actor, agreement_id, back, saved=title)
    url = f"{back_path(office_id, back)}#avtale-{agreement_id}"
    return redirect_with_message(request, url, title, list(lines))


@router.get("/kontorer/{office_id}/fastlegepanel")
def settings(request: Request, office_id: Id, session: SessionDep, actor: ActorDep):
    return settings_page(request, session, actor, office_id)


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
    back: Back = None,
):
    checked = (offers_digital_services, booking, e_consultation, prescription_renewal, e_contact)
    values = {name: box == "on" for name, box in zip(SETTINGS, checked, strict=True)}
    try:
        saved = panel_service.update_digital_services(
            session, actor=actor, agreement_id=agreement_id, data=DigitalServicesUpdate(**values)
        )
    except ValidationFailed as error:
        failure = {"error": error, "failed_form": f"services-{agreement_id}", "values": values}
        return _refused(
            request,
            session,
            actor,
            office_id=office_id,
            agreement_id=agreement_id,
            back=back,
            failure=failure,
        )
    title = f"De digitale tjenestene for avtale {agreement_id} er lagret."
    lines = [f"Advarsel: {w.message}" for w in saved.warnings]
    return _saved(
        request,
        session,
        actor,
        office_id=saved.office_id,
        agreement_id=agreement_id,
        back=back,
        title=title,
        lines=lines,
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
    back: Back = None,
):
    given = {"colleague_doctor_id": colleague_doctor_id, "start": start, "end": end}
    values = {**{name: value for name, value in given.items() if value}, "services": services or []}
    try:
        data = forms.validate(AbsenceAssistantCreate, values)
        saved = panel_service.add_assistant(session, actor=actor, agreement_id=agreement_id, data=data)
    except ValidationFailed as error:
        failure = {"error": error, "failed_form": f"assistant-{agreement_id}", "values": values}
        return _refused(
            request,
            session,
            actor,
            office_id=office_id,
            agreement_id=agreement_id,
            back=back,
            failure=failure,
        )
    title = f"{saved.colleague_name} er fraværsassistent for {saved.services_label} på avtale {agreement_id}."
    return _saved(
        request, session, actor, office_id=saved.office_id, agreement_id=agreement_id, back=back, title=title
    )


@router.post("/kontorer/{office_id}/fastlegepanel/fravaersassistent/{assistant_id}/slett")
def remove_assistant(
    request: Request,
    office_id: Id,
    assistant_id: Id,
    session: SessionDep,
    actor: ActorDep,
    back: Back = None,
    confirmed: Checkbox = None,
):
    """Removing asks first (web/confirm.py): without confirmed=ja nothing changes and the question is shown,
    opened in the part for htmx, else on a page of its own."""
    if not is_confirmed(confirmed):
        entry = panel_service.get_assistant(session, actor=actor, assistant_id=assistant_id)
        back = MY_OFFICE if back == MY_OFFICE else None
        if _is_htmx(request):
            return _part(request, session, actor, entry.agreement_id, back, ask=entry.id)
        context = {
            "e": entry,
            "base": f"/kontorer/{entry.office_id}/fastlegepanel",
            "back": back,
            "back_url": f"{back_path(entry.office_id, back)}#avtale-{entry.agreement_id}",
        }
        question = "absence/_assistant_remove_question.html"
        title = "Fjerne fraværsassistenten?"
        return ask_first(request, actor=actor, title=title, question=question, context=context)
    removed = panel_service.remove_assistant(session, actor=actor, assistant_id=assistant_id)
    title = f"Fraværsassistenten {removed.colleague_name} på avtale {removed.agreement_id} er fjernet."
    return _saved(
        request,
        session,
        actor,
        office_id=removed.office_id,
        agreement_id=removed.agreement_id,
        back=back,
        title=title,
    )
