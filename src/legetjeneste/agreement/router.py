"""JSON API for the agreement parameters: every value in force on a date, with its source."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from legetjeneste.agreement import parameters
from legetjeneste.dates import today_oslo
from legetjeneste.web.deps import ActorDep

router = APIRouter(prefix="/api/v1", tags=["parameters"])


@router.get("/parameters")
def parameters_in_force(
    actor: ActorDep,
    on: Annotated[date | None, Query(alias="date")] = None,
):
    return parameters.in_force(on or today_oslo())
