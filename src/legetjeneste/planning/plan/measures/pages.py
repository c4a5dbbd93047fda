"""Pages that change the plan's needs and measures (PLAN-DUTY, PLAN-PRIORITY-SERIES): a measure's form (new or
changed), its removal after a confirmation, a new need, and moving a measure in a series from the plan page.
A refused form comes back with what was typed and each problem by the field's label and its rule."""

from fastapi import APIRouter, Request

from legetjeneste.errors import DomainError, NotFound, ValidationFailed
from legetjeneste.planning.plan import rules
from legetjeneste.planning.plan.measures import service
from legetjeneste.planning.plan.measures.schemas import MeasureChange, MeasureCreate, NeedCreate
from legetjeneste.planning.plan.pages import plan_of, plan_page
from legetjeneste.planning.plan.schemas import ReorderIn
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {
    "need": "Behov",
    "text": "Tiltak",
    "first_year": "Første år",
    "last_year": "Siste år",
    "period_text": "Periode slik planen skriver den",
    "yearly_cost": "Årlig kostnad",
    "one_off_cost": "Engangskostnad",
    "funding": "Finansiering",
    "owner": "Ansvarlig",
    "status": "Status",
    "progress": "Framdrift",
    "concerns_gps": "Angår fastlegene",
    "series": "Prioriteringsserie",
    "rank": "Plass i serien",
    "letter": "Bokstav",
    "title": "Tittel",
    "chapter": "Kapittel",
    "mandate_area": "Mandatområde",
    "": "Planen",
}
REORDER_LABELS = {"series": "Prioriteringsserie", "rank": "Ny plass", "": "Prioriteten"}
BASE = "/kommuner/{number}/plan/{plan_id}"


def _parsed(model, values: dict[str, str]):
    """The form as the model, or a refusal whose every problem names its rule (PLAN-*)."""
    try:
        return parse_form(model, values, checkboxes={"concerns_gps"})
    except ValidationFailed as error:
        raise ValidationFailed(rules.cited(error.problems)) from error


def _form(request, session, actor, number, plan_id, template, *, measure_id=None, error=None, values=None):
    if measure_id is None:
        plan, measure = plan_of(service.editable_plan(session, actor=actor, plan_id=plan_id), number), None
    else:
        plan, measure = _measure_of(session, actor, number, plan_id, measure_id)
    context = {
        "plan": plan,
        "number": number,
        "measure": measure,
        "funding": rules.FUNDING,
        "statuses": rules.STATUS,
        "series_labels": rules.SERIES,
        **failure_context(error, values, FIELD_LABELS),
    }
    status = 422 if error else 200
    return render(request, f"planning/{template}", context, actor=actor, status_code=status)


def _back(number: str, plan_id: int, anchor: str) -> str:
    return f"{BASE.format(number=number, plan_id=plan_id)}#{anchor}"


@router.get(BASE + "/tiltak/ny")
def new_measure(request: Request, number: Number, plan_id: Id, session: SessionDep, actor: ActorDep):
    return _form(request, session, actor, number, plan_id, "measure_form.html")


def _save_measure(request, number, plan_id, session, actor, form, *, measure_id=None):
    """A measure's form, new (`measure_id` None) or changed: saved with a new version of the plan, or the
    form again with what was typed and the problems (403 and 404 stay errors)."""
    values = form_values(form)
    try:
        if measure_id is None:
            data = _parsed(MeasureCreate, values)
            service.add_measure(session, actor=actor, plan_id=plan_id, data=data)
        else:
            data = _parsed(MeasureChange, values)
            service.update_measure(session, actor=actor, measure_id=measure_id, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _form(
            request, session, actor, number, plan_id, "measure_form.html",
            measure_id=measure_id, error=error, values=values,
        )  # fmt: skip
    if measure_id is None:
        title = f"Tiltaket er lagt til under behov {data.need}, og en ny versjon av planen er lagret."
    else:
        title = f"Tiltaket under behov {data.need} er lagret."
    return redirect_with_message(request, _back(number, plan_id, f"behov-{data.need}"), title)


@router.post(BASE + "/tiltak")
def add_measure(
    request: Request, number: Number, plan_id: Id, session: SessionDep, actor: ActorDep, form: FormDep
):
    return _save_measure(request, number, plan_id, session, actor, form)


@router.get(BASE + "/tiltak/{measure_id}")
def measure(
    request: Request, number: Number, plan_id: Id, measure_id: Id, session: SessionDep, actor: ActorDep
):
    return _form(request, session, actor, number, plan_id, "measure_form.html", measure_id=measure_id)


@router.post(BASE + "/tiltak/{measure_id}")
def update_measure(
    request: Request,
    number: Number,
    plan_id: Id,
    measure_id: Id,
    session: SessionDep,
    actor: ActorDep,
    form: FormDep,
):
    return _save_measure(request, number, plan_id, session, actor, form, measure_id=measure_id)


def _measure_of(session, actor, number: str, plan_id: int, measure_id: int) -> tuple[dict, dict]:
    plan = plan_of(service.editable_plan(session, actor=actor, plan_id=plan_id), number)
    found = next((m for m in plan["measures"] if m["id"] == measure_id), None)
    if found is None:
        raise NotFound(f"Tiltak {measure_id} finnes ikke i planen.")
    return plan, found


def _ask_removal(request, session, actor, number: str, plan_id: int, measure_id: int):
    """PLAN-DUTY, PLAN-PRIORITY-SERIES — the question before a measure is removed, on a page of its own."""
    plan, found = _measure_of(session, actor, number, plan_id, measure_id)
    context = {"plan": plan, "measure": found, "number": number}
    question = "planning/_measure_remove_question.html"
    title = f"Fjerne tiltaket under behov {found['need']}?"
    return ask_first(request, actor=actor, title=title, question=question, context=context)


@router.get(BASE + "/tiltak/{measure_id}/fjern")
def confirm_removal(
    request: Request, number: Number, plan_id: Id, measure_id: Id, session: SessionDep, actor: ActorDep
):
    return _ask_removal(request, session, actor, number, plan_id, measure_id)


@router.post(BASE + "/tiltak/{measure_id}/fjern")
def remove_measure(
    request: Request,
    number: Number,
    plan_id: Id,
    measure_id: Id,
    session: SessionDep,
    actor: ActorDep,
    form: FormDep,
):
    """Removing asks first (web/confirm.py), whatever sent the request: without confirmed=ja nothing
    changes."""
    if not is_confirmed(form.get("confirmed")):
        return _ask_removal(request, session, actor, number, plan_id, measure_id)
    _measure_of(session, actor, number, plan_id, measure_id)
    service.remove_measure(session, actor=actor, measure_id=measure_id)
    title = "Tiltaket er fjernet fra planen. De lagrede versjonene har det fortsatt."
    return redirect_with_message(request, _back(number, plan_id, "behov"), title)


@router.get(BASE + "/behov/ny")
def new_need(request: Request, number: Number, plan_id: Id, session: SessionDep, actor: ActorDep):
    return _form(request, session, actor, number, plan_id, "need_form.html")


@router.post(BASE + "/behov")
def add_need(
    request: Request, number: Number, plan_id: Id, session: SessionDep, actor: ActorDep, form: FormDep
):
    values = form_values(form)
    try:
        data = _parsed(NeedCreate, values)
        service.add_need(session, actor=actor, plan_id=plan_id, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _form(request, session, actor, number, plan_id, "need_form.html", error=error, values=values)
    title = f"Behov {data.letter} er lagt til. Legg til tiltakene under det."
    return redirect_with_message(request, _back(number, plan_id, f"behov-{data.letter}"), title)


@router.post(BASE + "/tiltak/{measure_id}/prioritet")
def reorder(
    request: Request,
    number: Number,
    plan_id: Id,
    measure_id: Id,
    session: SessionDep,
    actor: ActorDep,
    form: FormDep,
):
    values = form_values(form)
    name = f"prioritet-{measure_id}-{values.get('series', '')}"
    try:
        service.reorder_priority(
            session, actor=actor, measure_id=measure_id, data=parse_form(ReorderIn, values)
        )
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return plan_page(
            request,
            session,
            actor,
            number,
            plan_id,
            error=error,
            values=values,
            form=name,
            labels=REORDER_LABELS,
        )
    series = rules.SERIES.get(values["series"], values["series"])
    title = f"Prioriteten er endret: {series}, plass {values['rank']}."
    return redirect_with_message(request, _back(number, plan_id, f"serie-{values['series']}"), title)
