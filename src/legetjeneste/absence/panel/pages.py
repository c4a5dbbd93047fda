"""Pages of the GP panel: the citizen-style preview of an agreement's panel on a date, and the writes of
the office notices, a deletion only once confirmed (the settings page and the writes of each agreement's
part are `office.pages`)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from sqlalchemy.orm import Session

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.office import pages as office_pages
from legetjeneste.absence.panel.office_notices import service as panel_notice_service
from legetjeneste.absence.panel.rules import panel
from legetjeneste.absence.panel.schemas import OfficeNoticeCreate, OfficeNoticeUpdate
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import ValidationFailed
from legetjeneste.web import forms
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, Id, SessionDep
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
OnDate = Annotated[date | None, Query(alias="dato")]
Text = Annotated[str | None, Form(max_length=5000)]


@router.get("/avtaler/{agreement_id}/fastlegepanel")
def preview(request: Request, agreement_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    found = panel_service.gp_panel(session, actor=actor, agreement_id=agreement_id, on=on)
    context = {"panel": found, "service_names": panel.SERVICE_NAMES}
    return render(request, "absence/panel_preview.html", context, actor=actor)


def _failed(
    request: Request, session: Session, actor: Actor, office_id: int, back: str | None, failure: dict
):
    if back == office_pages.MY_OFFICE:
        return office_pages.my_office_page(request, session, actor, failure)
    return office_pages.settings_page(request, session, actor, office_id, failure)


def _back(request: Request, office_id: int, back: str | None, title: str):
    url = f"{office_pages.back_path(office_id, back)}#informasjon"
    return redirect_with_message(request, url, title)


def _given(**fields: str | None) -> dict:
    """The form's non-empty fields; an empty one is left out so the schema names what is missing."""
    return {name: value for name, value in fields.items() if value}


@router.post("/kontorer/{office_id}/fastlegepanel/meldinger")
def add_notice(
    request: Request,
    office_id: Id,
    session: SessionDep,
    actor: ActorDep,
    text: Text = None,
    start: Text = None,
    end: Text = None,
    back: office_pages.Back = None,
):
    values = {"text": text or "", **_given(start=start, end=end)}
    try:
        data = forms.validate(OfficeNoticeCreate, values)
        saved = panel_notice_service.add_notice(session, actor=actor, office_id=office_id, data=data)
    except ValidationFailed as error:
        failure = {"error": error, "failed_form": "notice-new", "values": values}
        return _failed(request, session, actor, office_id, back, failure)
    return _back(request, saved.office_id, back, "Meldingen fra legekontoret er lagt inn.")


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
    back: office_pages.Back = None,
):
    values = {"text": text or "", **_given(start=start), "end": end or None}
    try:
        data = forms.validate(OfficeNoticeUpdate, values)
        saved = panel_notice_service.update_notice(session, actor=actor, notice_id=notice_id, data=data)
    except ValidationFailed as error:
        failure = {"error": error, "failed_form": f"notice-{notice_id}", "values": values}
        return _failed(request, session, actor, office_id, back, failure)
    return _back(request, saved.office_id, back, "Meldingen fra legekontoret er endret.")


@router.post("/kontorer/{office_id}/fastlegepanel/meldinger/{notice_id}/slett")
def remove_notice(
    request: Request,
    office_id: Id,
    notice_id: Id,
    session: SessionDep,
    actor: ActorDep,
    back: office_pages.Back = None,
    confirmed: office_pages.Checkbox = None,
):
    """Deleting asks first (web/confirm.py): a request without confirmed=ja gets the question and changes
    nothing."""
    if not is_confirmed(confirmed):
        notice = panel_notice_service.get_notice(session, actor=actor, notice_id=notice_id)
        context = {
            "n": notice,
            "office": {"id": notice.office_id},
            "back": office_pages.MY_OFFICE if back == office_pages.MY_OFFICE else None,
            "back_url": f"{office_pages.back_path(notice.office_id, back)}#informasjon",
        }
        question = "absence/_notice_delete_question.html"
        return ask_first(request, actor=actor, title="Slette meldingen?", question=question, context=context)
    removed = panel_notice_service.remove_notice(session, actor=actor, notice_id=notice_id)
    return _back(request, removed.office_id, back, "Meldingen fra legekontoret er slettet.")
