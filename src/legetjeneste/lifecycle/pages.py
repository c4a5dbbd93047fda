"""Pages of the agreement life cycle: the municipality's cases with the form that opens one, a case with its
steps, clocks, documents and the forms of its next steps, a printable document, and the deadlines."""

from fastapi import APIRouter, Request

from legetjeneste.auth import rules as auth_rules
from legetjeneste.errors import Problem, RuleViolation, ValidationFailed
from legetjeneste.lifecycle import service
from legetjeneste.lifecycle.deadlines import service as deadline_service
from legetjeneste.lifecycle.documents import service as document_service
from legetjeneste.lifecycle.labels import DOCUMENT_STEPS, KIND_LABELS, STEP_LABELS
from legetjeneste.lifecycle.rules import lists
from legetjeneste.lifecycle.schemas import CaseCreate, StepCreate
from legetjeneste.norwegian import date_text
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import panels, redirect_with_message, render

router = APIRouter(include_in_schema=False)

# The fields of the step forms on the case page: which a step asks for, with Norwegian labels.
FIELDS: dict[str, tuple[str, str, dict[str, str]]] = {
    "application_deadline": ("Søknadsfrist (minst 3 uker etter kunngjøringen)", "date", {}),
    "medium": ("Kunngjort i (nasjonalt medium)", "text", {}),
    "location": ("Lokalisering", "text", {}),
    "listetak": ("Listetak", "number", {}),
    "operating_model": ("Driftsform", "select", {"self_employed": "næringsdrift", "salaried": "fastlønn"}),
    "practice_type": ("Type praksis", "select", {"group": "gruppepraksis", "solo": "solopraksis"}),
    "practice_form": ("Fratredende leges praksisskjema med prisantydning foreligger", "checkbox", {}),
    "awarded_to": ("Legen avtalen tildeles", "text", {}),
    "group_statement_on": ("Dato for gruppepraksisens uttalelse", "date", {}),
    "group_statement": ("Gruppepraksisens uttalelse", "textarea", {}),
    "practice_transfer": ("Tildelingen gjelder overdragelse av praksis", "checkbox", {}),
    "offer_received": ("Tilbudet mottatt (standard: vedtaksdatoen)", "date", {}),
    "start_date": ("Oppstartsdato", "date", {}),
    "party": ("Oppsigelsen gis av", "select", {"doctor": "legen", "municipality": "kommunen"}),
    "objective_reason": ("Kommunens saklige grunn", "textarea", {}),
    "ground": (
        "Grunn",
        "select",
        {
            "health": "legens helsetilstand",
            "care": "omsorgsansvar",
            "age": "legen er over 60 år",
            "demanding_list": "særlig arbeidskrevende liste",
            "later_tasks": "senere pålagte oppgaver",
            "municipal_post": "kommunal deltidsstilling",
            "special": "særlige grunner",
        },
    ),
    "effective_from": ("Skal gjelde fra", "date", {}),
    "until": ("Til og med", "date", {}),
    "successor": ("Etterfølger", "text", {}),
    "list_length": ("Listelengde ved etablering", "number", {}),
    "disability_percent": ("Varig uførhet (prosent)", "number", {}),
    "same_office": ("Etterfølgeren er i samme legesenter", "checkbox", {}),
    "written_consent": ("Kommunens skriftlige samtykke til å fortsette etter 70", "checkbox", {}),
    "text": ("Tekst (begrunnelse, uttalelse, relevant informasjon)", "textarea", {}),
}
STEP_FIELDS = {
    "announcement": [
        "application_deadline",
        "medium",
        "location",
        "listetak",
        "operating_model",
        "practice_type",
        "practice_form",
        "text",
    ],
    "award": [
        "awarded_to",
        "group_statement_on",
        "group_statement",
        "practice_transfer",
        "offer_received",
        "text",
    ],
    "start_agreed": ["start_date", "text"],
    "notice": ["party", "objective_reason", "text"],
    "extension": ["until", "text"],
    "list_reduction_request": ["ground", "effective_from", "listetak", "text"],
    "deleliste_request": [
        "successor",
        "list_length",
        "listetak",
        "start_date",
        "until",
        "disability_percent",
        "same_office",
        "written_consent",
        "text",
    ],
}
FIELD_LABELS = {name: label for name, (label, _, _) in FIELDS.items()} | {
    "date": "Dato",
    "kind": "Steg",
    "agreement_id": "Fastlegeavtale",
    "doctor_hpr": "Lege (HPR-nummer)",
    "notice_period_end": "Oppsigelsesfristen løp ut",
    "title": "Tittel",
}
Failure = ValidationFailed | RuleViolation
CHECKBOXES = {name for name, (_, kind, _) in FIELDS.items() if kind == "checkbox"}


def _cases_page(request, session, actor, number, *, error: Failure | None = None, values: dict | None = None):
    can_write = auth_rules.can(actor, "lifecycle.write")
    context = {
        "number": number,
        "cases": service.list_cases(session, actor=actor, municipality_number=number),
        "options": service.agreement_options(session, actor=actor, municipality_number=number)
        if can_write
        else [],
        "kinds": KIND_LABELS,
        "can_write": can_write,
        **failure_context(error, values, FIELD_LABELS, form="open"),
    }
    return render(request, "lifecycle/cases.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/kommuner/{number}/saker")
def cases(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _cases_page(request, session, actor, number)


@router.post("/kommuner/{number}/saker")
def open_case(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        agreement = values.get("agreement_id", "")
        if agreement and (not agreement.isdigit() or len(agreement) > 9):
            raise ValidationFailed([Problem("agreement_id", "velg fastlegeavtalen saken gjelder")])
        data = parse_form(CaseCreate, values, checkboxes=CHECKBOXES)
        saved = service.open_case(
            session,
            actor=actor,
            data=data,
            agreement_id=int(agreement) if agreement else None,
            municipality_number=number,
        )
    except (ValidationFailed, RuleViolation) as error:
        return _cases_page(request, session, actor, number, error=error, values=values)
    return redirect_with_message(
        request, f"/saker/{saved.id}", f"Sak {saved.id} er opprettet: {saved.title}."
    )


def _list_reduction_panels(session, actor, case) -> dict:
    """The `list_reduction` panels (features.Panel): what other features do with a list reduction whose
    draw is offered (the citizens' draw; the rule is `lists.reduction_to_draw`, AGR-LISTREDUCE and
    CIT-REDUCTION-DRAW)."""
    steps = [(step.kind, step.facts) for step in case.steps]
    draw = lists.reduction_to_draw(
        kind=case.kind, status=case.status, agreement_id=case.agreement_id, steps=steps
    )
    if draw is None:
        return {}
    return panels(
        "list_reduction",
        session,
        actor,
        case_id=case.id,
        agreement_id=draw.agreement_id,
        listetak=draw.listetak,
        effective_from=draw.effective_from,
    )


def _case_page(request, session, actor, case_id, *, error=None, form=None, values=None):
    case = service.get_case(session, actor=actor, case_id=case_id)
    context = {
        # «Hva nå» on the start page links to a step's form: /saker/1?steg=hjemfall#steg-hjemfall opens it.
        "opened_step": request.query_params.get("steg"),
        "case": case,
        "can_write": auth_rules.can(actor, "lifecycle.write"),
        "step_fields": STEP_FIELDS,
        "fields": FIELDS,
        "document_names": DOCUMENT_STEPS,
        **failure_context(error, values, FIELD_LABELS, form=form),
    } | panels("lifecycle_case", session, actor, case_id=case_id)
    more = _list_reduction_panels(session, actor, case)
    context |= more | {"panels": context["panels"] + more.get("panels", [])}
    return render(request, "lifecycle/case.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/saker/{case_id}")
def case(request: Request, case_id: Id, session: SessionDep, actor: ActorDep):
    return _case_page(request, session, actor, case_id)


@router.post("/saker/{case_id}/steg")
def record_step(request: Request, case_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    kind = values.get("kind", "")
    try:
        data = parse_form(StepCreate, values, checkboxes=CHECKBOXES)
        saved = service.record_step(session, actor=actor, case_id=case_id, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _case_page(request, session, actor, case_id, error=error, form=kind, values=values)
    opened = [
        f"{c.rule_id}: {c.text} – frist {date_text(c.due_date)}" for c in saved.clocks if c.closed_on is None
    ]
    title = f"{STEP_LABELS[kind]} er registrert i sak {case_id}."
    return redirect_with_message(request, f"/saker/{case_id}", title, opened)


@router.get("/saker/{case_id}/dokumenter/{step_id}")
def document(request: Request, case_id: Id, step_id: Id, session: SessionDep, actor: ActorDep):
    built = document_service.document(session, actor=actor, case_id=case_id, step_id=step_id)
    context = {"document": built, "case_id": case_id, "step_id": step_id}
    return render(request, "lifecycle/document.html", context, actor=actor)


@router.get("/kommuner/{number}/frister")
def deadlines(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    overview = deadline_service.deadlines(session, actor=actor, municipality_number=number)
    base = str(request.base_url).rstrip("/") + "/api/v1"
    feed = f"{base}/municipalities/{number}/deadlines.ics?token=API-NØKKELEN-DIN"
    return render(request, "lifecycle/deadlines.html", {"overview": overview, "feed": feed}, actor=actor)
