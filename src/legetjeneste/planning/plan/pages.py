"""Pages of the plan for legetjenesten: the plan with its totals beside the stated figure (and a chart of the
costs by funding), needs and measures, priority series with reordering, linked plans and versions; print
and PDF."""

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from legetjeneste.errors import DomainError, NotFound
from legetjeneste.planning.plan import rules, service
from legetjeneste.planning.plan.schemas import ReorderIn
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {"series": "Prioriteringsserie", "rank": "Ny plass", "": "Prioriteten"}


def cost_chart(plan: dict) -> Chart:
    """PLAN-COST-TOTAL — the yearly costs by funding, with the computed and the stated total."""
    totals = plan["totals"]
    rows = [(r["label"], r["amount"]) for r in totals["yearly_by_funding"]]
    rows += [
        ("Utregnet utenom eget budsjett", totals["computed_yearly"]),
        ("Oppgitt i planen", totals["stated_yearly"]),
    ]
    return Chart(
        title="Årlige kostnader etter finansiering",
        categories=[label for label, _ in rows],
        series=[Series("Årlig kostnad", [amount for _, amount in rows])],
        unit="kroner per år",
        kind="barh",
        description="Tiltakenes årlige kostnader etter finansiering, ved siden av planens oppgitte sum",
    )


def _page(request, session, actor, number, plan_id, *, error=None, values=None, form=None):
    plan = service.show_plan(session, actor=actor, plan_id=plan_id)
    if plan["municipality_number"] != number:
        raise NotFound("Fant ikke planen.")
    context = {
        "plan": plan,
        "number": number,
        "series_labels": rules.SERIES,
        "cost_chart": cost_chart(plan),
        "measures": {m["id"]: m for m in plan["measures"]},
        **failure_context(error, values, FIELD_LABELS, form=form),
    }
    return render(request, "planning/plan.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/kommuner/{number}/plan")
def plans(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    found = service.list_plans(session, actor=actor, municipality_number=number)
    if len(found) == 1:
        return RedirectResponse(f"/kommuner/{number}/plan/{found[0]['id']}", status_code=303)
    return render(request, "planning/plans.html", {"plans": found, "number": number}, actor=actor)


@router.get("/kommuner/{number}/plan/{plan_id}")
def plan(request: Request, number: Number, plan_id: Id, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor, number, plan_id)


@router.get("/kommuner/{number}/plan/{plan_id}/plan.pdf")
def plan_pdf(number: Number, plan_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.plan_pdf(session, actor=actor, plan_id=plan_id)
    headers = {"Cache-Control": "no-store", "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.post("/kommuner/{number}/plan/{plan_id}/tiltak/{measure_id}/prioritet")
async def reorder(
    request: Request, number: Number, plan_id: Id, measure_id: Id, session: SessionDep, actor: ActorDep
):
    values = form_values(await request.form())
    form = f"prioritet-{measure_id}-{values.get('series', '')}"
    try:
        service.reorder_priority(
            session, actor=actor, measure_id=measure_id, data=parse_form(ReorderIn, values)
        )
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _page(request, session, actor, number, plan_id, error=error, values=values, form=form)
    series = rules.SERIES.get(values["series"], values["series"])
    title = f"Prioriteten er endret: {series}, plass {values['rank']}."
    return redirect_with_message(
        request, f"/kommuner/{number}/plan/{plan_id}#serie-{values['series']}", title
    )
