"""Pages of other municipal GP work for the kommuneoverlege: every GP against the cap on a day (DUTY-CAP),
the announced tasks, and what-if before deciding (DUTY-EQUAL-SHARE)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request

from legetjeneste.dates import parse_month
from legetjeneste.duties import rules, service
from legetjeneste.duties.distribution import service as distribution_service
from legetjeneste.duties.payroll import service as payroll_service
from legetjeneste.duties.supervision import service as supervision_service
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.web.deps import ActorDep, FormDep, SessionDep
from legetjeneste.web.forms import failure_context, form_values
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
PAGE = "/kommuner/{number}/kommunale-oppgaver"


def parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _hours(text: str | None) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ".")) if text else None
    except InvalidOperation:
        return None


WHAT_IF_LABELS = {"new_hours": "Timer per uke", "leaving_doctor_id": "Lege som slutter"}


def _overview_page(
    request, session, actor, number, *, day=None, timer=None, slutter=None, error=None, values=None, form=None
):
    """The page; with the what-if's distribution when asked (its refusal by the «hva-om» form), or after a
    refused form (`form`) with what was typed."""
    found = service.overview(session, actor=actor, municipality_number=number, on=day)
    tasks = service.list_tasks(session, actor=actor, municipality_number=number)
    supervision = supervision_service.list_agreements(session, actor=actor, municipality_number=number)
    what_if = None
    if timer or slutter:
        try:
            what_if = distribution_service.what_if(
                session,
                actor=actor,
                municipality_number=number,
                on=found.on,
                new_hours=_hours(timer),
                leaving_doctor_id=slutter,
            )
        except DomainError as failed:
            error, form = failed, "hva-om"
    context = {
        "found": found,
        "tasks": tasks,
        "supervision": supervision,
        "what_if": what_if,
        "kinds": rules.KINDS,
        "bases": rules.BASES,
        "hours": rules.hours_text,
        "timer": timer or "",
        "slutter": slutter,
        **failure_context(error, values, WHAT_IF_LABELS | {"month": "Måned"}, form=form),
    }
    return render(request, "duties/overview.html", context, actor=actor, status_code=422 if error else 200)


@router.get(PAGE)
def overview(
    request: Request,
    number: str,
    session: SessionDep,
    actor: ActorDep,
    dato: str | None = None,
    timer: str | None = None,
    slutter: int | None = None,
):
    return _overview_page(request, session, actor, number, day=parse_day(dato), timer=timer, slutter=slutter)


@router.post(PAGE + "/timer-til-utbetaling")
def send_hours(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    """PAY-DUTY-RATE — the month's hours of hourly-paid duties registered in the payment run."""
    values = form_values(form)
    try:
        month = parse_month(values.get("month", ""))
    except ValueError:
        month = None
    if month is None:
        error = ValidationFailed([Problem("month", "velg en måned på formen ÅÅÅÅ-MM")])
        return _overview_page(request, session, actor, number, error=error, values=values, form="utbetaling")
    sent = payroll_service.send_month(session, actor=actor, municipality_number=number, month=month)
    lines = [f"{h.doctor_name}: {rules.hours_text(h.hours)} ({h.description})" for h in sent.hours]
    title = (
        f"{len(sent.hours)} timeregistreringer for {sent.month} er sendt til utbetalingen (PAY-DUTY-RATE)."
    )
    return redirect_with_message(request, PAGE.format(number=number) + "#utbetaling", title, lines)
