"""Pages of exemptions: an application with its impact and the decision form; the impact of all pending
applications. The labels here also serve the scheme pages' application form and the overview."""

from fastapi import APIRouter, Request

from legetjeneste.dates import WEEKDAY_NAMES_NB
from legetjeneste.errors import RuleViolation, ValidationFailed
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionDecide
from legetjeneste.legevakt.schemes import rules as scheme_rules
from legetjeneste.norwegian import month_text
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
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
    "kinds": scheme_rules.KINDS,
    "day_kinds": scheme_rules.DAY_KINDS,
    "grounds": rules.GROUNDS,
    "extents": rules.EXTENTS,
    "statuses": rules.STATUSES,
    "weekdays": WEEKDAY_NAMES_NB,
}


def _exemption_page(request, session, actor, exemption_id, *, error=None, values=None):
    found = exemption_service.exemption_page(session, actor=actor, exemption_id=exemption_id)
    context = {**found, **LABELS, **failure_context(error, values, FIELD_LABELS)}
    return render(request, "legevakt/exemption.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/fritak/{exemption_id}")
def exemption(request: Request, exemption_id: Id, session: SessionDep, actor: ActorDep):
    return _exemption_page(request, session, actor, exemption_id)


@router.post("/fritak/{exemption_id}/vedtak")
def decide(request: Request, exemption_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(ExemptionDecide, values)
        saved = exemption_service.decide_exemption(session, actor=actor, exemption_id=exemption_id, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _exemption_page(request, session, actor, exemption_id, error=error, values=values)
    title = f"Søknaden fra {saved.doctor_name} er {rules.STATUSES[saved.status].lower()} ({saved.rule_id})."
    return redirect_with_message(request, f"/fritak/{exemption_id}", title)


def impact_charts(impact: dict) -> list[Chart]:
    """Per scheme and office, the shifts per participant each month before and after the pending
    applications are granted (NN-EXEMPT: show the effect)."""
    charts = []
    for scheme in impact.get("schemes", []):
        for group in scheme["groups"]:
            where = f" – {group['office_name']}" if group.get("office_name") else ""
            months = group["months"]
            charts.append(
                Chart(
                    title=f"{scheme['name']}{where}: vakter per deltaker før og etter søknadene",
                    categories=[m.get("month_label") or month_text(m["month"]) for m in months],
                    series=(
                        Series("Før", [m["before"]["shifts_per_participant"] for m in months]),
                        Series("Etter", [m["after"]["shifts_per_participant"] for m in months]),
                    ),
                    unit="vakter per deltaker per måned",
                    decimals=1,
                )
            )
    return charts


@router.get("/kommuner/{number}/legevakt/virkning")
def impact(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    found = exemption_service.impact(session, actor=actor, municipality_number=number)
    context = {"number": number, "impact": found, "charts": impact_charts(found), **LABELS}
    return render(request, "legevakt/impact.html", context, actor=actor)
