"""The capacity page: population and forecast, capacity against need, the list need of a scenario and the
GPs' age horizon, each as a chart with its table; and the municipality overview's panel of list length
against listetak per agreement."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.planning.capacity import rules, service
from legetjeneste.web.charts import Chart, Series
from legetjeneste.web.deps import ActorDep, Number, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)
BANDS = ("0-14", "15-66", "67-79", "80+")


def population_chart(view: dict) -> Chart:
    """STAT-POPULATION — each age band by year, actual and projected."""
    years = view["population"]
    return Chart(
        title="Befolkning per aldersgruppe",
        categories=[f"{y['year']}{' (framskrevet)' if y['projected'] else ''}" for y in years],
        series=[
            Series(rules.AGE_BANDS[b], [y["bands"].get(b) for y in years])
            for b in BANDS
            if any(b in y["bands"] for y in years)
        ],
        unit="innbyggere",
        description="Faktisk og framskrevet befolkning; tomme felt betyr at tallet mangler",
    )


def capacity_chart(view: dict) -> Chart:
    """PLAN-CAPACITY, PLAN-LIST-NEED — the sum of listetak against those listed and the population now and
    at the scenario's horizon."""
    cap, scenario = view["capacity"], view["scenario"]
    rows = [
        ("Sum listetak", cap["listetak_sum"]),
        ("På liste i dag", cap["listed"]),
        ("Innbyggere", cap["population"]),
        (f"Innbyggere {scenario['horizon_year']}", scenario["future_population"]),
    ]
    return Chart(
        title="Kapasitet mot behov",
        categories=[r[0] for r in rows],
        series=[Series("Antall", [r[1] for r in rows])],
        unit="innbyggere / listeplasser",
        kind="barh",
    )


def age_chart(view: dict) -> Chart:
    """PLAN-AGE-HORIZON — the GPs at 55, 60 and the age limit in 5 and 10 years."""
    horizons = view["age_horizon"]
    return Chart(
        title="Fastlegenes alder fram i tid",
        categories=[f"Om {h['years']} år" for h in horizons],
        series=[
            Series("55 år eller eldre", [h["at_least_55"] for h in horizons]),
            Series("60 år eller eldre", [h["at_least_60"] for h in horizons]),
            Series("Ved aldersgrensen", [h["at_age_limit"] for h in horizons]),
            Series("Under 60 (tar legevakt)", [h["remaining"] for h in horizons]),
        ],
        unit="fastleger",
    )


def lists_chart(lists: list[dict]) -> Chart:
    """PLAN-CAPACITY — list length against listetak per agreement."""
    return Chart(
        title="Listelengde og listetak per avtale",
        categories=[f"{row['agreement']} {row['doctor'] or 'uten lege'}" for row in lists],
        series=[
            Series("Listelengde", [row["list_length"] for row in lists]),
            Series("Listetak", [row["listetak"] for row in lists]),
        ],
        unit="pasienter",
        kind="barh",
    )


@router.get("/kommuner/{number}/kapasitet")
def capacity(
    request: Request,
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    snitt: Annotated[int | None, Query(ge=100, le=3000)] = None,
    aar: Annotated[int | None, Query(ge=1990, le=2100)] = None,
):
    view = service.capacity_view(
        session, actor=actor, municipality_number=number, target_average=snitt, horizon_year=aar
    )
    charts = {
        "population": population_chart(view) if view["population"] else None,
        "capacity": capacity_chart(view),
        "age": age_chart(view),
        "lists": lists_chart(view["lists"]),
    }
    return render(
        request, "planning/capacity.html", {"view": view, "number": number, "charts": charts}, actor=actor
    )


def municipality_panel(session: Session, *, actor: Actor, municipality_number: str) -> dict:
    """The municipality overview's panel: list length against listetak per agreement, as a chart."""
    view = service.capacity_view(session, actor=actor, municipality_number=municipality_number)
    return {"chart": lists_chart(view["lists"]), "capacity": view["capacity"], "number": municipality_number}
