"""The SU's vacation overview as a page: who is away and who covers per office and week, the gaps first,
the CSV and the calendar feeds (SU-VACATION)."""

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.errors import ValidationFailed
from legetjeneste.registry import service as registry_service
from legetjeneste.web.deps import ActorDep, Number, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)
TEMPLATE = "absence/vacation_overview.html"
TOKEN_PLACEHOLDER = "API-NØKKELEN-DIN"


def _feeds(request: Request, number: str, offices: list[tuple[int, str]]) -> dict:
    base = str(request.base_url).rstrip("/") + "/api/v1"
    query = f"?token={TOKEN_PLACEHOLDER}"
    return {
        "municipality": f"{base}/municipalities/{number}/absences.ics{query}",
        "offices": [(name, f"{base}/offices/{office_id}/absences.ics{query}") for office_id, name in offices],
    }


@router.get("/kommuner/{number}/ferieoversikt")
def vacation_overview(
    request: Request,
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    first: Annotated[date | None, Query(alias="fra")] = None,
    last: Annotated[date | None, Query(alias="til")] = None,
):
    try:
        period = vacation_service.requested_period(first, last)
        overview = vacation_service.vacation_overview(
            session, actor=actor, municipality_number=number, period=period
        )
    except ValidationFailed as error:
        municipality = registry_service.get_municipality(session, actor=actor, number=number)
        context: dict = {
            "municipality_name": municipality.name,
            "municipality_number": number,
            "problems": error.problems,
            "first": first,
            "last": last,
        }
        return render(request, TEMPLATE, context, actor=actor, status_code=422)
    offices = [(office.office_id, office.office_name) for office in overview.offices]
    dates = urlencode({"from": overview.start, "to": overview.end})
    context = {
        "municipality_name": overview.municipality_name,
        "municipality_number": number,
        "overview": overview,
        "first": overview.start,
        "last": overview.end,
        "problems": [],
        "csv_url": f"/api/v1/municipalities/{number}/vacation-overview.csv?{dates}",
        "feeds": _feeds(request, number, offices),
        "token_placeholder": TOKEN_PLACEHOLDER,
    }
    return render(request, TEMPLATE, context, actor=actor)
