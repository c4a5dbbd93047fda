"""Pages for absences: the municipality's list, registering and changing one, a doctor's counters."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from legetjeneste import norwegian
from legetjeneste.absence import service
from legetjeneste.absence.counters import service as counter_service
from legetjeneste.absence.form import service as form_service
from legetjeneste.absence.schemas import AbsenceCreate, AbsenceUpdate
from legetjeneste.dates import Period, today_oslo
from legetjeneste.errors import ValidationFailed
from legetjeneste.web import forms
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
MIN_SIDE = "/min-side#mitt-fravaer"  # a GP's own absence: back where its counters show
FORM_FIELDS = ("doctor_id", "ground", "start", "end", "cover", "vikar_doctor_id")
FIELD_LABELS = {
    "doctor_id": "Lege",
    "ground": "Fraværsgrunn",
    "start": "Første fraværsdag",
    "end": "Siste fraværsdag",
    "cover": "Dekning",
    "vikar_doctor_id": "Vikar",
    "agreement_id": "Avtale",
    "details.children": "Antall barn",
}


def _saved_lines(saved) -> list[str]:
    return [f"Advarsel: {w['message']}" for w in saved.warnings] + [
        f"Varslet kommunen: {n}" for n in saved.notices
    ]


def _form_data(form) -> dict:
    """The form's fields as the schema wants them: empty fields left out, the child details grouped."""
    values = forms.form_values(form)
    data: dict = {key: values[key] for key in FORM_FIELDS if values.get(key)}
    data["details"] = {
        "children": values.get("children") or 1,
        "chronically_ill": values.get("chronically_ill") == "on",
        "sole_carer": values.get("sole_carer") == "on",
    }
    return data


@router.get("/kommuner/{number}/fravaer")
def absences(
    request: Request,
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    first: Annotated[date | None, Query(alias="fra")] = None,
    last: Annotated[date | None, Query(alias="til")] = None,
):
    first = first or date(today_oslo().year, 1, 1)
    last = last if last and last >= first else date(first.year, 12, 31)
    found = service.list_absences(
        session, actor=actor, municipality_number=number, period=Period(first, last)
    )
    context = {"number": number, "absences": found, "first": first, "last": last}
    return render(request, "absence/absences.html", context, actor=actor)


def _form_page(request, session, actor, *, values: dict, error=None, absence=None, status_code=200):
    number = actor.municipality_number or (absence.municipality_number if absence else "")
    options = form_service.form_options(session, actor=actor, municipality_number=number, absence=absence)
    context = {
        **forms.failure_context(error, None, FIELD_LABELS),
        "options": options,
        "values": values,
        "absence": absence,
        "number": number,
    }
    return render(request, "absence/absence_form.html", context, actor=actor, status_code=status_code)


@router.get("/fravaer/ny")
def new_absence(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    doctor: Annotated[int | None, Query(alias="lege", ge=1, le=2_147_483_647)] = None,
):
    values: dict = {"doctor_id": doctor, "ground": "ordinary", "cover": "collegial", "details": {}}
    return _form_page(request, session, actor, values=values)


@router.post("/fravaer/ny")
def register(request: Request, session: SessionDep, actor: ActorDep, form: FormDep):
    data = _form_data(form)
    try:
        saved = service.register_absence(session, actor=actor, data=forms.validate(AbsenceCreate, data))
    except ValidationFailed as error:
        return _form_page(request, session, actor, values=data, error=error, status_code=422)
    target = MIN_SIDE if actor.doctor_id == saved.absence.doctor_id else f"/fravaer/{saved.absence.id}"
    return redirect_with_message(request, target, "Fraværet er registrert.", _saved_lines(saved))


@router.get("/fravaer/{absence_id}")
def absence(request: Request, absence_id: Id, session: SessionDep, actor: ActorDep):
    found = service.get_absence(session, actor=actor, absence_id=absence_id)
    values = {**found.model_dump(), "details": found.details or {}}
    return _form_page(request, session, actor, values=values, absence=found)


@router.post("/fravaer/{absence_id}")
def change(request: Request, absence_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    data = _form_data(form)
    data.pop("doctor_id", None)
    try:
        data.setdefault("vikar_doctor_id", None)
        saved = service.update_absence(
            session, actor=actor, absence_id=absence_id, data=forms.validate(AbsenceUpdate, data)
        )
    except ValidationFailed as error:
        found = service.get_absence(session, actor=actor, absence_id=absence_id)
        return _form_page(request, session, actor, values=data, error=error, absence=found, status_code=422)
    return redirect_with_message(
        request, f"/fravaer/{absence_id}", "Endringen er lagret.", _saved_lines(saved)
    )


@router.get("/fravaer/{absence_id}/slett")
def confirm_cancel(request: Request, absence_id: Id, session: SessionDep, actor: ActorDep):
    found = service.get_absence(session, actor=actor, absence_id=absence_id)
    return render(request, "absence/confirm_delete.html", {"absence": found}, actor=actor)


@router.post("/fravaer/{absence_id}/slett")
def cancel(request: Request, absence_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    found = service.get_absence(session, actor=actor, absence_id=absence_id)
    if form.get("confirmed") != "ja":  # deleting asks first, whatever sent the request
        return render(request, "absence/confirm_delete.html", {"absence": found}, actor=actor)
    service.cancel_absence(session, actor=actor, absence_id=absence_id)
    own = actor.doctor_id == found.doctor_id
    target = MIN_SIDE if own else f"/kommuner/{found.municipality_number}/fravaer"
    when = norwegian.period_text(found.start, found.end)
    return redirect_with_message(request, target, f"Fraværet til {found.doctor_name} {when} er slettet.")


@router.get("/leger/{doctor_id}/fravaer")
def counters(
    request: Request,
    doctor_id: Id,
    session: SessionDep,
    actor: ActorDep,
    year: Annotated[int | None, Query(alias="ar", ge=2000, le=2100)] = None,
):
    found = counter_service.doctor_counters(
        session, actor=actor, doctor_id=doctor_id, year=year or today_oslo().year
    )
    return render(request, "absence/counters.html", {"counters": found}, actor=actor)


@router.get("/fravaer")
def own_absences(actor: ActorDep):
    return RedirectResponse(f"/kommuner/{actor.municipality_number}/fravaer", status_code=303)
