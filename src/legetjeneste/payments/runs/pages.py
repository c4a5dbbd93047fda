"""Pages of the monthly basistilskudd run: the runs, one run with its lines, a payee's specification, and the
month's hours of municipal work. Each handler makes one service call; a refused write shows its message, and
deleting or replacing hours asks first."""

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from sqlalchemy.orm import Session

from legetjeneste import norwegian
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month, parse_month, today_oslo
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.payments.exports import service as export_service
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate
from legetjeneste.payments.runs import service
from legetjeneste.payments.runs.rules.lines import month_name
from legetjeneste.payments.runs.schemas import MONTH_PATTERN
from legetjeneste.payments.settings import service as settings_service
from legetjeneste.web import forms
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
Month = Annotated[str, Path(pattern=MONTH_PATTERN)]
Text = Annotated[str | None, Form(max_length=1000)]
FIELD_LABELS = {
    "doctor_id": "Lege",
    "kind": "Slag",
    "hours": "Timer",
    "description": "Beskrivelse",
    "month": "Måned",
    "confirm": "Bekreftelse",
}


def _runs_page(request: Request, session: Session, actor: Actor, number: str, *, error=None, month=""):
    runs = service.list_runs(session, actor=actor, municipality_number=number)
    this_month = today_oslo().replace(day=1)
    context = {
        "number": number,
        "runs": runs,
        "month_labels": {r.month: month_name(parse_month(r.month)) for r in runs},
        "this_month": format_month(this_month),
        "this_month_label": month_name(this_month),
        "error": error,
        "month": month,
        "settings": settings_service.get_settings(session, actor=actor, municipality_number=number),
    }
    return render(
        request, "payments/runs.html", context, actor=actor, status_code=error.status_code if error else 200
    )


@router.get("/kommuner/{number}/utbetalinger")
def runs(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _runs_page(request, session, actor, number)


@router.post("/kommuner/{number}/utbetalinger")
def compute_month(request: Request, number: Number, session: SessionDep, actor: ActorDep, month: Text = None):
    """The month input sends ÅÅÅÅ-MM; anything else is answered on the page."""
    try:
        day = parse_month(month or "")
    except ValueError:
        error = ValidationFailed([Problem("month", "må være en måned på formen ÅÅÅÅ-MM, f.eks. 2026-03")])
        return _runs_page(request, session, actor, number, error=error, month=month or "")
    try:
        computed = service.compute_run(session, actor=actor, municipality_number=number, month=day)
    except DomainError as error:
        return _runs_page(request, session, actor, number, error=error, month=month or "")
    return _computed(request, number, computed)


def _computed(request: Request, number: str, computed):
    title = f"Utkastet for {month_name(parse_month(computed.month))} er beregnet."
    total = norwegian.number(computed.total, 2)
    lines = [f"{len(computed.lines)} linjer, til sammen {total} kr. Kontroller og godkjenn."]
    return redirect_with_message(request, f"/kommuner/{number}/utbetalinger/{computed.month}", title, lines)


def _run_page(request, session, actor, number: str, month: str, *, office_id=None, error=None):
    view = service.run_view(
        session, actor=actor, municipality_number=number, month=parse_month(month), office_id=office_id
    )
    context = {"number": number, "view": view, "run": view.run, "error": error, "field_labels": FIELD_LABELS}
    status = error.status_code if error else 200
    return render(request, "payments/run.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}/utbetalinger/{month}")
def run(
    request: Request,
    number: Number,
    month: Month,
    session: SessionDep,
    actor: ActorDep,
    office: Annotated[str | None, Query(alias="kontor", pattern=r"^\d{0,9}$")] = None,
):
    """`?kontor=ID` shows the lines of one office; the select's «Alle legekontor» sends it empty."""
    return _run_page(request, session, actor, number, month, office_id=int(office) if office else None)


@router.post("/kommuner/{number}/utbetalinger/{month}/beregn")
def recompute(request: Request, number: Number, month: Month, session: SessionDep, actor: ActorDep):
    try:
        computed = service.compute_run(
            session, actor=actor, municipality_number=number, month=parse_month(month)
        )
    except DomainError as error:
        return _run_page(request, session, actor, number, month, error=error)
    return _computed(request, number, computed)


@router.post("/kommuner/{number}/utbetalinger/{month}/godkjenn")
def approve(
    request: Request,
    number: Number,
    month: Month,
    session: SessionDep,
    actor: ActorDep,
    version: Annotated[int | None, Form(ge=1, le=2_147_483_647)] = None,
    confirm: Annotated[str | None, Form(max_length=10)] = None,
):
    """The form sends the version the page showed, so a run computed again meanwhile is not approved, and
    the approver's tick that they have checked it (the page asks before money leaves)."""
    try:
        if confirm != "yes":
            raise ValidationFailed(
                [Problem("confirm", "kryss av for at du har kontrollert kjøringen før du godkjenner")]
            )
        approved = service.approve_run(
            session, actor=actor, municipality_number=number, month=parse_month(month), version=version
        )
    except DomainError as error:
        return _run_page(request, session, actor, number, month, error=error)
    title = f"Kjøringen for {month_name(parse_month(month))} er godkjent."
    lines = [
        f"Til utbetaling {norwegian.number(approved.total, 2)} kr "
        f"med forfall {norwegian.day_text(approved.due_date)}."
    ]
    return redirect_with_message(request, f"/kommuner/{number}/utbetalinger/{month}", title, lines)


@router.get("/kommuner/{number}/utbetalinger/{month}/spesifikasjon/{doctor_id}")
def specification(
    request: Request, number: Number, month: Month, doctor_id: Id, session: SessionDep, actor: ActorDep
):
    found = export_service.payee_specification(
        session, actor=actor, municipality_number=number, month=parse_month(month), doctor_id=doctor_id
    )
    return render(request, "payments/spec.html", {"spec": found}, actor=actor)


def _month_hours(session, actor, number: str, month: str):
    return duty_service.duty_hours_view(
        session, actor=actor, municipality_number=number, month=parse_month(month)
    )


def _ask(request, session, actor, number: str, month: str, title: str, what: str, context: dict):
    """The question before deleting or replacing hours (payments/_hours_{what}_question.html), with the
    month's page for its labels and the run's status."""
    view = _month_hours(session, actor, number, month)
    base_url = f"/kommuner/{view.municipality}/utbetalinger/{view.month}"
    question = f"payments/_hours_{what}_question.html"
    context |= {"view": view, "base_url": base_url}
    return ask_first(request, actor=actor, title=title, question=question, context=context)


def _hours_page(request, session, actor, number: str, month: str, *, error=None, values=None):
    view = _month_hours(session, actor, number, month)
    context = {"view": view, "error": error, "values": values or {}, "field_labels": FIELD_LABELS}
    status = error.status_code if error else 200
    return render(request, "payments/run_hours.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}/utbetalinger/{month}/timer")
def hours(request: Request, number: Number, month: Month, session: SessionDep, actor: ActorDep):
    return _hours_page(request, session, actor, number, month)


def _hours_data(month: str, doctor_id, kind, hours, description) -> dict:
    """The form's fields as DutyHoursCreate wants them; «7,5» is read as 7.5."""
    data = {"month": month, "kind": kind or "municipal_duty", "description": description or ""}
    if doctor_id:
        data["doctor_id"] = doctor_id
    if hours:
        data["hours"] = hours.replace(",", ".").replace(" ", "")
    return data


@router.post("/kommuner/{number}/utbetalinger/{month}/timer")
def register_hours(
    request: Request,
    number: Number,
    month: Month,
    session: SessionDep,
    actor: ActorDep,
    doctor_id: Text = None,
    kind: Text = None,
    hours: Text = None,
    description: Text = None,
    confirmed: Text = None,
):
    """A GP has one registration per kind and month: one that would replace another asks first."""
    values = _hours_data(month, doctor_id, kind, hours, description)
    try:
        data = forms.validate(DutyHoursCreate, values)
        old = (
            None
            if is_confirmed(confirmed)
            else duty_service.replaced_registration(session, actor=actor, data=data)
        )
        if old is not None:
            typed = {
                "doctor_id": doctor_id or "",
                "kind": data.kind,
                "hours": hours or "",
                "description": description or "",
            }
            context = {"old": old, "hours": data.hours, "values": typed}
            return _ask(request, session, actor, number, month, "Erstatte timene?", "replace", context)
        saved = duty_service.register_duty_hours(session, actor=actor, data=data)
    except DomainError as error:
        return _hours_page(request, session, actor, number, month, error=error, values=values)
    when = month_name(parse_month(month))
    title = f"{norwegian.number(saved.hours, 2)} timer for {saved.doctor_name} i {when} er registrert."
    return redirect_with_message(request, f"/kommuner/{number}/utbetalinger/{month}/timer", title)


@router.post("/kommuner/{number}/utbetalinger/{month}/timer/{duty_hours_id}/slett")
def delete_hours(
    request: Request,
    number: Number,
    month: Month,
    duty_hours_id: Id,
    session: SessionDep,
    actor: ActorDep,
    confirmed: Text = None,
):
    """Deleting asks first (web/confirm.py): without confirmed=ja nothing changes."""
    try:
        if not is_confirmed(confirmed):
            found = duty_service.get_duty_hours(session, actor=actor, duty_hours_id=duty_hours_id)
            return _ask(
                request, session, actor, number, found.month, "Slette timene?", "delete", {"h": found}
            )
        duty_service.delete_duty_hours(session, actor=actor, duty_hours_id=duty_hours_id)
    except DomainError as error:
        return _hours_page(request, session, actor, number, month, error=error)
    return redirect_with_message(
        request, f"/kommuner/{number}/utbetalinger/{month}/timer", "Timeregistreringen er slettet."
    )
