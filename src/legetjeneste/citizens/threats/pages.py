"""Pages of threat cases (ASA 4310 Vedlegg II): the kommuneoverlege's list «Truende pasienter», the GP's
request for help, and the case page with its steps. The decision and the move are confirmed first; closing
the case asks first (web/confirm.py)."""

from collections.abc import Callable

from fastapi import APIRouter, Request
from pydantic import BaseModel

from legetjeneste.citizens.threats import labels, service
from legetjeneste.citizens.threats.decision import service as decision_service
from legetjeneste.citizens.threats.schemas import (
    AlternativeIn,
    ChoiceIn,
    ContactIn,
    DecisionIn,
    MeasureIn,
    ThreatRequestIn,
)
from legetjeneste.errors import DomainError, Problem, RuleViolation, ValidationFailed
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
BASE = "/truende-pasienter"
FIELD_LABELS = {
    "national_id": "Fødselsnummer",
    "description": "Hva har skjedd",
    "code": "Tiltak",
    "status": "Status",
    "on": "Dato",
    "note": "Merknad",
    "outcome": "Utfall",
    "weighing": "Vurdering",
    "deadline": "Frist for å velge ny fastlege",
    "target_agreement_id": "Ny fastlege ved tildeling",
    "agreement_id": "Ny fastlege",
    "contacted_on": "Kontaktet",
    "measures": "Tiltak avtalt med ny fastlege",
    "patient_told": "Hva pasienten er fortalt",
    "kind": "Tilbud",
    "": "Saken",
}
# Steps confirmed before they are taken: the decision and the move (form name → the question).
CONFIRM = {
    "vedtak": "Vedtaket sendes til fastlegen som vedtaksbrev og kan ikke endres her etterpå.",
    "valg": "Pasienten flyttes til den valgte listen fra i dag.",
    "tildel": "Pasienten flyttes til listen som er valgt i vedtaket, fra i dag.",
}
STEPS: dict[str, tuple[type[BaseModel] | None, Callable[..., object], str]] = {
    "tiltak": (MeasureIn, service.record_measure, "Tiltaket er registrert."),
    "krav": (None, service.demand_decision, "Kravet om vedtak er sendt til kommunen."),
    "vedtak": (
        DecisionIn,
        decision_service.decide,
        "Vedtaket er fattet, og vedtaksbrevet er sendt til fastlegen.",
    ),
    "valg": (ChoiceIn, decision_service.record_choice, "Pasienten har fått ny fastlege."),
    "tildel": (None, decision_service.assign, "Pasienten er tildelt ny fastlege."),
    "ny-fastlege": (
        ContactIn,
        decision_service.record_contact,
        "Kontakten med den nye fastlegen er registrert.",
    ),
    "tilbud": (AlternativeIn, decision_service.record_alternative, "Tilbudet er registrert."),
    "avslutt": (None, decision_service.close_case, "Saken er avsluttet."),
}


def _on_field(error: DomainError, model: type[BaseModel] | None) -> DomainError:
    """A rule's refusal that names a field of the step's form by its label («Vurdering: skriv …»,
    citizens/threats/rules.py) as that field's problem with the rule's id, so the error summary links to the
    field and the field is marked invalid (the rule's citation stays with its id, «(THREAT-DEADLINE, ASA 4310
    vedlegg II punkt 2)»); any other refusal as it is."""
    if not isinstance(error, RuleViolation) or model is None:
        return error
    label, found, message = error.message.partition(": ")
    fields = {FIELD_LABELS[name]: name for name in model.model_fields if name in FIELD_LABELS}
    if not found or label not in fields:
        return error
    rule = f"{error.rule_id}, {error.citation}" if error.citation else error.rule_id
    return ValidationFailed([Problem(fields[label], message, rule)])


def _case_page(request, session, actor, case_id, *, error=None, values=None, form=None, confirm=None):
    case = service.get_case(session, actor=actor, case_id=case_id)
    handles = service.handles(actor)
    context = {
        "case": case,
        "handles": handles,
        "is_gp": actor.doctor_id is not None and actor.doctor_id == case.doctor_id,
        "options": decision_service.list_options(session, actor=actor, case_id=case_id) if handles else [],
        "threat_labels": labels,
        "confirm": confirm,
        "confirm_text": CONFIRM.get(form or "", ""),
        **failure_context(error, values, FIELD_LABELS, form=form),
    }
    status = 422 if error else 200
    return render(request, "citizens/threats/case.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}" + BASE)
def list_cases(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    found = service.list_cases(session, actor=actor, municipality_number=number)
    return render(request, "citizens/threats/list.html", {"cases": found, "number": number}, actor=actor)


def _new_page(request, actor, *, error=None, values=None):
    context = failure_context(error, values, FIELD_LABELS, form="ny")
    service.require_request(actor)
    status = 422 if error else 200
    return render(request, "citizens/threats/new.html", context, actor=actor, status_code=status)


@router.get(BASE + "/ny")
def new_case(request: Request, actor: ActorDep):
    return _new_page(request, actor)


@router.post(BASE + "/ny")
def request_help(request: Request, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        case = service.request_help(session, actor=actor, data=parse_form(ThreatRequestIn, values))
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        values.pop("national_id", None)  # a fødselsnummer is not shown back on the page
        return _new_page(request, actor, error=_on_field(error, ThreatRequestIn), values=values)
    title = f"Kommunen har fått beskjed, og saken {case.reference} er opprettet."
    return redirect_with_message(request, f"{BASE}/{case.id}", title)


@router.get(BASE + "/{case_id}")
def show_case(request: Request, case_id: Id, session: SessionDep, actor: ActorDep):
    return _case_page(request, session, actor, case_id)


@router.get(BASE + "/{case_id}/brev")
def patient_letter(request: Request, case_id: Id, session: SessionDep, actor: ActorDep):
    letter = decision_service.patient_letter(session, actor=actor, case_id=case_id)
    context = {"letter": letter, "case_id": case_id}
    return render(request, "citizens/threats/letter.html", context, actor=actor)


@router.post(BASE + "/{case_id}/{step}")
def take_step(request: Request, case_id: Id, step: str, session: SessionDep, actor: ActorDep, form: FormDep):
    """One step of the case: the form as typed, one service call, back to the case with what happened; the
    decision and the move show a confirmation first, and closing the case asks first on a page of its own
    when the form did not (a case that cannot close yet is refused at once, as closing it would be)."""
    if step not in STEPS:
        return _case_page(request, session, actor, case_id)
    model, use_case, title = STEPS[step]
    values = form_values(form)
    try:
        data = {"data": parse_form(model, values)} if model is not None else {}
        if step in CONFIRM and not is_confirmed(values.get("confirmed")):
            return _case_page(request, session, actor, case_id, values=values, form=step, confirm=step)
        if step == "avslutt" and not is_confirmed(values.get("confirmed")):
            reference = decision_service.closing(session, actor=actor, case_id=case_id)
            context = {"case": {"id": case_id, "reference": reference}}
            question, heading = "citizens/threats/_close_question.html", "Avslutte saken?"
            return ask_first(request, actor=actor, title=heading, question=question, context=context)
        use_case(session, actor=actor, case_id=case_id, **data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        error = _on_field(error, model)
        return _case_page(request, session, actor, case_id, error=error, values=values, form=step)
    return redirect_with_message(request, f"{BASE}/{case_id}", title)
