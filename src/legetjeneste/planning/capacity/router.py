"""JSON API of capacity and forecast (PLAN-CAPACITY, PLAN-LIST-NEED, PLAN-AGE-HORIZON, STAT-POPULATION)."""

from typing import Annotated

from fastapi import APIRouter, Query

from legetjeneste.planning.capacity import service
from legetjeneste.web.deps import ActorDep, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["statistics"])


@router.get("/municipalities/{number}/capacity")
def capacity(
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    target_average: Annotated[int | None, Query(ge=100, le=3000)] = None,
    horizon_year: Annotated[int | None, Query(ge=1990, le=2100)] = None,
):
    """Capacity today, the list need of the scenario and the GPs' age horizon."""
    return service.capacity_view(
        session,
        actor=actor,
        municipality_number=number,
        target_average=target_average,
        horizon_year=horizon_year,
    )
