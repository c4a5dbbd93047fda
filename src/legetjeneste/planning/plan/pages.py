"""Pages of the plan for legetjenesten: the plan with its totals beside the stated figure (and a chart of the
costs by funding), needs and measures, priority series, linked plans, the SU's statements and the versions;
print and PDF. The forms that change it are in `plan/measures/pages.py` and `plan/committee/pages.py`."""

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from legetjeneste.errors import NotFound
from legetjeneste.planning.plan import rules, service
from legetjeneste.planning.plan.committee import service as committee_service
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)


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


def plan_of(plan: dict, number: str) -> dict:
    """The plan if it is the municipality's in the address (404 otherwise)."""
    if plan["municipality_number"] != number:
        raise NotFound("Fant ikke planen.")
    return plan


def plan_page(request, session, actor, number, plan_id, *, error=None, values=None, form=None, labels=None):
    """The plan page; after a refused form, with the problems at that form (`form`: its name)."""
    plan = plan_of(service.show_plan(session, actor=actor, plan_id=plan_id), number)
    committees = committee_service.committees_to_send(session, actor=actor, municipality_number=number)
    context = {
        "plan": plan,
        "number": number,
        "su_committees": committees,
        "series_labels": rules.SERIES,
        "cost_chart": cost_chart(plan),
        "measures": {m["id"]: m for m in plan["measures"]},
        **failure_context(error, values, labels or {}, form=form),
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
    return plan_page(request, session, actor, number, plan_id)


@router.get("/kommuner/{number}/plan/{plan_id}/plan.pdf")
def plan_pdf(number: Number, plan_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.plan_pdf(session, actor=actor, plan_id=plan_id)
    headers = {"Cache-Control": "no-store", "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)
