"""The tilsyn page for the kommuneoverlege: planned hours per unit and weekday against the norm with the chart
(TILSYN-NORM), the hours legevakt covers (TILSYN-LV-SHARE), the plan's versions side by side, and what stands
uncovered while tilsynsleger are away, with the vikar budget (TILSYN-COVER)."""

from datetime import date

from fastapi import APIRouter, Request

from legetjeneste.duties.rules import hours_text
from legetjeneste.duties.tilsyn import service
from legetjeneste.duties.tilsyn.schemas import SubstituteIn, TilsynRead
from legetjeneste.norwegian import day_text
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, SessionDep
from legetjeneste.web.forms import form_values, parse_form
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


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/kommuner/{number}/tilsyn")
def tilsyn_page(
    request: Request,
    number: str,
    session: SessionDep,
    actor: ActorDep,
    dato: str | None = None,
    plan: str | None = None,
):
    day = _day(dato)
    found = service.tilsyn(session, actor=actor, municipality_number=number, on=day, plan=plan or None)
    context = {
        "found": found,
        "chart": norm_chart(found),
        "versions": service.versions(session, actor=actor, municipality_number=number, on=day),
        "cover": service.cover(session, actor=actor, municipality_number=number, first=day),
        "hours": hours_text,
    }
    return render(request, "duties/tilsyn.html", context, actor=actor)


@router.post("/kommuner/{number}/tilsyn/stedfortreder")
async def name_substitute(request: Request, number: str, session: SessionDep, actor: ActorDep):
    """TILSYN-COVER — a named substitute for a unit on a day, from the cover table."""
    values = form_values(await request.form())
    data = parse_form(SubstituteIn, values)
    unit_id = int(values.get("unit_id", "0") or 0)
    saved = service.name_substitute(session, actor=actor, unit_id=unit_id, day=data.day, name=data.name)
    title = f"{saved.substitute} er stedfortreder for {saved.unit} {day_text(saved.day)} (TILSYN-COVER)."
    back = f"/kommuner/{number}/tilsyn?dato={values.get('dato', '')}#fravaer"
    return redirect_with_message(request, back, title)
