"""The key-figures page: the municipality against the country and similar municipalities (SSB), each named."""

from fastapi import APIRouter, Request

from legetjeneste.planning import service, ssb
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, Number, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)


def key_figures_chart(data: dict) -> Chart:
    """The share of patients on a list without a GP: the municipality, the five most like it and the
    country, by name."""
    rows = [data["municipality"], *data["similar"]]
    categories = [row["name"] for row in rows] + ["Landet"]
    values = [row["figures"].get(ssb.SHARE_WITHOUT_GP) for row in rows]
    return Chart(
        title="Andel pasienter på liste uten lege",
        categories=categories,
        series=[Series("Andel uten lege", [*values, data["national"].get(ssb.SHARE_WITHOUT_GP)])],
        unit="prosent",
        kind="barh",
        decimals=1,
        description="Kommunen, de fem kommunene som ligner mest i størrelse, og landet",
    )


@router.get("/kommuner/{number}/nokkeltall")
def key_figures(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    data = service.key_figures(session, actor=actor, municipality_number=number)
    return render(
        request, "planning/key_figures.html", {**data, "chart": key_figures_chart(data)}, actor=actor
    )
