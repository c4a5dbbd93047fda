"""Pages of breach cases (AGR-BREACH, ASA 4310 § 15): the municipality's cases with the form that opens one,
and a case with every step, what happens next and the form for it, and what has been withheld."""

from typing import TypeVar

from fastapi import APIRouter, Request
from pydantic import BaseModel

from legetjeneste.auth import rules as auth_rules
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.payments.breach import rules as breach_rules
from legetjeneste.payments.breach import service as breach_service
from legetjeneste.payments.breach.schemas import STEP_MODELS, BreachCaseCreate
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
M = TypeVar("M", bound=BaseModel)
TEXTS = ("subject", "text", "breach_type", "extent", "severity")
FIELD_LABELS = {
    "agreement_id": "Fastlegeavtale",
    "subject": "Forholdet som skal rettes",
    "notice_date": "Varseldato",
    "deadline": "Frist for retting",
    "text": "Tekst",
    "kind": "Steg",
    "date": "Dato",
    "demanded_by": "Krevd av",
    "percentage": "Prosent",
    "breach_type": "Type mangel",
    "extent": "Omfang",
    "severity": "Grovhet",
}
Failure = ValidationFailed | RuleViolation


def _form(form) -> dict[str, str]:
    values = form_values(form)
    if "percentage" in values:
        values["percentage"] = values["percentage"].replace(",", ".").replace(" ", "")
    return values


def _list_page(request, session, actor, number, *, error: Failure | None = None, values: dict | None = None):
    can_write = auth_rules.can(actor, "payments.write")
    context = {
        "number": number,
        "cases": breach_service.list_cases(session, actor=actor, municipality_number=number),
        "options": breach_service.agreement_options(session, actor=actor, municipality_number=number)
        if can_write
        else [],
        "can_write": can_write,
        "percent": breach_rules.percent_text,
        **failure_context(error, values, FIELD_LABELS, form="open"),
    }
    status = 422 if error else 200
    return render(request, "payments/breach_cases.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}/mislighold")
def cases(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _list_page(request, session, actor, number)


@router.post("/kommuner/{number}/mislighold")
def open_case(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = _form(form)
    try:
        agreement = values.get("agreement_id", "")
        if not agreement.isdigit() or len(agreement) > 9:
            raise ValidationFailed([Problem("agreement_id", "velg fastlegeavtalen saken gjelder")])
        data = parse_form(BreachCaseCreate, values, empty=TEXTS)
        saved = breach_service.open_case(session, actor=actor, agreement_id=int(agreement), data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _list_page(request, session, actor, number, error=error, values=values)
    title = f"Misligholdssak {saved.id} er opprettet med skriftlig varsel om retting."
    return redirect_with_message(request, f"/mislighold/{saved.id}", title, [saved.what_next])


def _case_page(request, session, actor, case_id, *, error=None, form=None, values=None):
    context = {
        "case": breach_service.get_case(session, actor=actor, case_id=case_id),
        "can_write": auth_rules.can(actor, "payments.write"),
        "can_decide": auth_rules.can(actor, "payments.approve"),
        "percent": breach_rules.percent_text,
        **failure_context(error, values, FIELD_LABELS, form=form),
    }
    status = 422 if error else 200
    return render(request, "payments/breach_case.html", context, actor=actor, status_code=status)


@router.get("/mislighold/{case_id}")
def case(request: Request, case_id: Id, session: SessionDep, actor: ActorDep):
    return _case_page(request, session, actor, case_id)


@router.post("/mislighold/{case_id}/steg")
def record_step(request: Request, case_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = _form(form)
    kind = values.get("kind", "")
    try:
        if kind not in STEP_MODELS:
            raise ValidationFailed([Problem("kind", "velg et steg i saken")])
        data = parse_form(STEP_MODELS[kind], values, empty=TEXTS)
        saved = breach_service.record_step(session, actor=actor, case_id=case_id, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _case_page(request, session, actor, case_id, error=error, form=kind, values=values)
    title = f"{breach_rules.STEP_LABELS[kind]} er registrert i sak {case_id}."
    return redirect_with_message(request, f"/mislighold/{case_id}", title, [saved.what_next])
