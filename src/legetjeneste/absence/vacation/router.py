"""JSON, CSV and iCalendar endpoints of the vacation overview (SU-VACATION).

Calendar apps cannot log in with a cookie or send a header, so the .ics feeds also take the user's API
token or calendar key as the query parameter `token`.
"""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.absence.vacation.rules.data import VacationOverview
from legetjeneste.auth.rules import Actor
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep, get_feed_actor

router = APIRouter(prefix="/api/v1", tags=["vacation"])
From = Annotated[date | None, Query(alias="from", description="Fra dato (ÅÅÅÅ-MM-DD), standard 1. juni i år")]
To = Annotated[date | None, Query(alias="to", description="Til dato (ÅÅÅÅ-MM-DD), standard 31. august i år")]
CALENDAR = "text/calendar; charset=utf-8"
PRIVATE = {"Cache-Control": "no-store"}


# The feeds' actor (web/deps.py): the `token` query parameter, else a bearer token or the session cookie;
# the one place a calendar key counts.
feed_actor = get_feed_actor
FeedActorDep = Annotated[Actor, Depends(feed_actor)]


@router.get("/municipalities/{number}/vacation-overview", response_model=VacationOverview)
def vacation_overview(
    number: Number, session: SessionDep, actor: ActorDep, first: From = None, last: To = None
):
    period = vacation_service.requested_period(first, last)
    return vacation_service.vacation_overview(session, actor=actor, municipality_number=number, period=period)


@router.get(
    "/municipalities/{number}/vacation-overview.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "Semikolonseparert, UTF-8 med BOM"}},
)
def vacation_overview_csv(
    number: Number, session: SessionDep, actor: ActorDep, first: From = None, last: To = None
):
    period = vacation_service.requested_period(first, last)
    text = vacation_service.vacation_csv(session, actor=actor, municipality_number=number, period=period)
    name = f"ferieoversikt-{number}-{period.start.isoformat()}-{period.end}.csv"
    headers = {**PRIVATE, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


def _calendar(content: bytes, name: str) -> Response:
    headers = {**PRIVATE, "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type=CALENDAR, headers=headers)


@router.get(
    "/offices/{office_id}/absences.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "iCalendar (RFC 5545)"}},
)
def office_absences_ics(office_id: Id, session: SessionDep, actor: FeedActorDep):
    content = vacation_service.office_calendar(session, actor=actor, office_id=office_id)
    return _calendar(content, f"fravaer-kontor-{office_id}.ics")


@router.get(
    "/municipalities/{number}/absences.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "iCalendar (RFC 5545)"}},
)
def municipality_absences_ics(number: Number, session: SessionDep, actor: FeedActorDep):
    content = vacation_service.municipality_calendar(session, actor=actor, municipality_number=number)
    return _calendar(content, f"fravaer-{number}.ics")
