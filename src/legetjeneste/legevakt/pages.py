"""Pages of legevakt and nødnett: the municipality's schemes, applications and local parameters; a scheme
with its participants and the application form; an application with its impact and the decision form;
the impact of all pending applications."""

from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel
from sqlalchemy.orm import Session

from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import WEEKDAY_NAMES_NB
from legetjeneste.errors import RuleViolation, ValidationFailed
from legetjeneste.legevakt import rules
from legetjeneste.legevakt.exemptions import impact as impact_service
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.schemas import ExemptionApply, ExemptionDecide, LocalParameterIn
from legetjeneste.legevakt.schemes import service
from legetjeneste.web.deps import get_actor, get_session
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
Number = Annotated[str, Path(pattern=r"^\d{4}$")]
M = TypeVar("M", bound=BaseModel)
FIELD_LABELS = {
    "doctor": "Lege",
    "ground": "Grunnlag",
    "extent": "Omfang",
    "start": "Fra",
    "end": "Til",
    "due_date": "Termin",
    "child_birth_date": "Barnets fødselsdato",
    "application_text": "Søknadstekst",
    "decision": "Vedtak",
    "reasons": "Begrunnelse",
    "weighing": "Vektlegging",
    "granted_start": "Innvilget fra",
    "granted_end": "Innvilget til",
    "decided_on": "Vedtaksdato",
    "name": "Parameter",
    "since": "Gjelder fra",
    "value": "Verdi",
    "source": "Vedtak",
}
LABELS = {
    "kinds": rules.KINDS,
    "day_kinds": rules.DAY_KINDS,
    "grounds": rules.GROUNDS,
    "extents": rules.EXTENTS,
    "statuses": rules.STATUSES,
    "weekdays": WEEKDAY_NAMES_NB,
}


def _overview_page(request, session, actor, number, *, error=None, values=None):
    context = {
        "number": number,
        "can_write": auth_rules.can(actor, "legevakt.write"),
        "schemes": service.list_schemes(session, actor=actor, municipality_number=number),
        "pending": exemption_service.list_exemptions(
            session, actor=actor, municipality_number=number, status=rules.PENDING
        ),
        "parameters": service.list_parameters(session, actor=actor, municipality_number=number),
        **LABELS,
        **failure_context(error, values, FIELD_LABELS),
    }
    return render(request, "legevakt/overview.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/kommuner/{number}/legevakt")
def overview(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _overview_page(request, session, actor, number)


@router.post("/kommuner/{number}/legevakt/parametere")
async def set_parameter(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    values = form_values(await request.form())
    try:
        data = parse_form(LocalParameterIn, values)
        service.set_local_parameter(session, actor=actor, municipality_number=number, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _overview_page(request, session, actor, number, error=error, values=values)
    title = f"Kommunens verdi {data.value} gjelder fra {data.since:%d.%m.%Y}."
    return redirect_with_message(request, f"/kommuner/{number}/legevakt", title)


def _scheme_page(request, session, actor, scheme_id, *, error=None, values=None):
    context = {
        "scheme": service.get_scheme(session, actor=actor, scheme_id=scheme_id),
        "can_apply": auth_rules.can(actor, "exemption.apply"),
        "can_write": auth_rules.can(actor, "legevakt.write"),
        **LABELS,
        **failure_context(error, values, FIELD_LABELS),
    }
    return render(request, "legevakt/scheme.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/ordninger/{scheme_id}")
def scheme(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    return _scheme_page(request, session, actor, scheme_id)


@router.post("/ordninger/{scheme_id}/fritak")
async def apply(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    values = form_values(await request.form())
    try:
        data = parse_form(ExemptionApply, values)
        saved = exemption_service.apply_for_exemption(session, actor=actor, scheme_id=scheme_id, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _scheme_page(request, session, actor, scheme_id, error=error, values=values)
    title = f"Søknaden om fritak fra {saved.doctor_name} er registrert og venter på vedtak."
    return redirect_with_message(request, f"/fritak/{saved.id}", title)


def _exemption_page(request, session, actor, exemption_id, *, error=None, values=None):
    exemption = exemption_service.get_exemption(session, actor=actor, exemption_id=exemption_id)
    municipality = service.get_scheme(session, actor=actor, scheme_id=exemption.scheme_id).municipality_number
    impact = None
    if exemption.status == rules.PENDING:
        impact = impact_service.impact(
            session, actor=actor, municipality_number=municipality, application_ids=[exemption_id]
        )
    context = {
        "exemption": exemption,
        "number": municipality,
        "help": exemption_service.decision_help(session, actor=actor, exemption_id=exemption_id),
        "impact": impact,
        "can_decide": auth_rules.can(actor, "exemption.decide") and exemption.status == rules.PENDING,
        **LABELS,
        **failure_context(error, values, FIELD_LABELS),
    }
    return render(request, "legevakt/exemption.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/fritak/{exemption_id}")
def exemption(request: Request, exemption_id: Id, session: SessionDep, actor: ActorDep):
    return _exemption_page(request, session, actor, exemption_id)


@router.post("/fritak/{exemption_id}/vedtak")
async def decide(request: Request, exemption_id: Id, session: SessionDep, actor: ActorDep):
    values = form_values(await request.form())
    try:
        data = parse_form(ExemptionDecide, values)
        saved = exemption_service.decide_exemption(session, actor=actor, exemption_id=exemption_id, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _exemption_page(request, session, actor, exemption_id, error=error, values=values)
    title = f"Søknaden fra {saved.doctor_name} er {rules.STATUSES[saved.status].lower()} ({saved.rule_id})."
    return redirect_with_message(request, f"/fritak/{exemption_id}", title)


@router.get("/kommuner/{number}/legevakt/virkning")
def impact(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    found = impact_service.impact(session, actor=actor, municipality_number=number)
    context = {"number": number, "impact": found, **LABELS}
    return render(request, "legevakt/impact.html", context, actor=actor)
