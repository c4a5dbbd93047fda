"""The tilsyn page for the kommuneoverlege: planned hours per unit and weekday against the norm with the chart
(TILSYN-NORM), the hours legevakt covers (TILSYN-LV-SHARE), the plan's versions side by side, and what stands
uncovered while tilsynsleger and municipal doctors are away, with the vikar budget against what is spent
(TILSYN-COVER). The forms of cover and budget (cover/pages.py, budget/pages.py) come back here on a
refusal."""

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from legetjeneste.duties.rules import hours_text
from legetjeneste.duties.tilsyn import service
from legetjeneste.duties.tilsyn.budget import service as budget_service
from legetjeneste.duties.tilsyn.budget.schemas import BudgetRead
from legetjeneste.duties.tilsyn.cover import rules as cover_rules
from legetjeneste.duties.tilsyn.cover import service as cover_service
from legetjeneste.duties.tilsyn.schemas import TilsynRead
from legetjeneste.errors import DomainError
from legetjeneste.norwegian import kroner
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, SessionDep
from legetjeneste.web.forms import failure_context, form_values
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)


def norm_chart(found: TilsynRead) -> Chart:
    """Planned against norm per unit (a unit without a norm has a gap in the norm series)."""
    return Chart(
        title="Planlagte legetimer mot norm per avdeling",
        categories=[line.unit for line in found.units],
        series=[
            Series("Planlagt", [line.planned for line in found.units]),
            Series("Norm", [line.norm for line in found.units]),
        ],
        unit="timer per uke",
        kind="barh",
        decimals=2,
        description=f"Totalt planlagt {hours_text(found.planned)}, norm {hours_text(found.norm)}",
    )


def parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def budget_chart(budgets: list[BudgetRead]) -> Chart:
    """TILSYN-COVER — each year's vikar budget against what is spent."""
    return Chart(
        title="Vikarbudsjett for kommunale leger og forbruk per år",
        categories=[str(b.year) for b in budgets],
        series=[Series("Budsjett", [b.amount for b in budgets]), Series("Brukt", [b.spent for b in budgets])],
        unit="kroner",
        kind="barh",
        description="; ".join(f"{b.year}: brukt {kroner(b.spent)} av {kroner(b.amount)}" for b in budgets),
    )


LABELS = {
    "day": "Dag",
    "name": "Navn",
    "role": "Rolle",
    "municipal_doctor_id": "Kommunal lege",
    "start": "Borte fra",
    "end": "Borte til og med",
    "text": "Merknad",
    "year": "År",
    "amount": "Budsjett (kroner)",
    "week_rate": "Ukesats for vikar (kroner)",
    "source": "Kilde",
    "weeks": "Vikaruker",
    "cost": "Kostnad (kroner)",
    "": "Skjemaet",
}


def render_page(
    request: Request,
    session,
    actor,
    number: str,
    *,
    day: date | None = None,
    plan: str | None = None,
    error: DomainError | None = None,
    values: dict | None = None,
    form: str | None = None,
) -> Response:
    """The whole page; after a refused form, with what was typed and the problems by that form."""
    found = service.tilsyn(session, actor=actor, municipality_number=number, on=day, plan=plan or None)
    budgets = budget_service.budgets(session, actor=actor, municipality_number=number)
    context = {
        "found": found,
        "chart": norm_chart(found),
        "versions": service.versions(session, actor=actor, municipality_number=number, on=day),
        "cover": cover_service.cover(session, actor=actor, municipality_number=number, first=day),
        "budgets": budgets,
        "budget_chart": budget_chart(budgets) if budgets else None,
        "roles": cover_rules.ROLES,
        "hours": hours_text,
        **failure_context(error, values, LABELS, form=form),
    }
    status = 422 if error else 200
    return render(request, "duties/tilsyn.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}/tilsyn")
def tilsyn_page(
    request: Request,
    number: str,
    session: SessionDep,
    actor: ActorDep,
    dato: str | None = None,
    plan: str | None = None,
):
    return render_page(request, session, actor, number, day=parse_day(dato), plan=plan)


def typed_numbers(values: dict[str, str], *names: str) -> dict[str, str]:
    """Numbers as people type them: «500 000», «1,5»."""
    return {**values, **{n: values[n].replace(" ", "").replace(",", ".") for n in names if n in values}}


def submitted(
    request: Request, number: str, session, actor, posted: FormData, *, name: str, use_case, done
) -> Response:
    """One form of the page (`name`, from the handler's `FormDep`): `use_case(values)` makes the change,
    `done(result)` says what happened; a refusal shows the page again with what was typed (403 and 404 stay
    errors)."""
    values = form_values(posted)
    try:
        result = use_case(values)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        day = parse_day(values.get("dato"))
        return render_page(request, session, actor, number, day=day, error=error, values=values, form=name)
    title, anchor = done(result)
    back = f"/kommuner/{number}/tilsyn?dato={values.get('dato', '')}#{anchor}"
    return redirect_with_message(request, back, title)
