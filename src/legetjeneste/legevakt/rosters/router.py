"""JSON API of rosters under /api/v1: solve jobs and their progress, roster versions, publishing and
re-planning, the vacancy list, CSV and the iCalendar feeds. Each endpoint is one service call.

Calendar apps cannot log in with a cookie or send a header, so the .ics feeds also take the user's API
token as the query parameter `token` (as the absence feeds do).
"""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Response

from legetjeneste.absence.vacation.router import feed_actor
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.legevakt.feeds import service as feeds_service
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import (
    JobRead,
    ReplanCreate,
    RosterRead,
    RosterSummary,
    SolveCreate,
)
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.legevakt.vacancies.schemas import (
    AssignCreate,
    CandidateRead,
    VacancyCount,
    VacancyRead,
    VolunteerCreate,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["roster"])
FeedActorDep = Annotated[Actor, Depends(feed_actor)]
Wait = Annotated[bool, Query(description="Løs før svaret kommer (for skript); ellers i bakgrunnen")]
CALENDAR = "text/calendar; charset=utf-8"
PRIVATE = {"Cache-Control": "no-store"}
ICS: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/calendar": {}}, "description": "iCalendar (RFC 5545)"}
}


def _run(wait: bool) -> roster_service.Run:
    return "here" if wait else "background"


@router.post("/schemes/{scheme_id}/roster-jobs", response_model=JobRead, status_code=202)
def start_solve(scheme_id: Id, data: SolveCreate, session: SessionDep, actor: ActorDep, wait: Wait = False):
    """Start solving the scheme's roster for a period; follow the job for progress and the draft."""
    return roster_service.start_solve(session, actor=actor, scheme_id=scheme_id, data=data, run=_run(wait))


@router.get("/roster-jobs/{job_id}", response_model=JobRead)
def get_job(job_id: Id, session: SessionDep, actor: ActorDep):
    """Status, best objective so far, the bound and the gap, solutions found, and the draft when done."""
    return roster_service.get_job(session, actor=actor, job_id=job_id)


@router.get("/schemes/{scheme_id}/rosters", response_model=list[RosterSummary])
def list_rosters(scheme_id: Id, session: SessionDep, actor: ActorDep):
    return roster_service.list_rosters(session, actor=actor, scheme_id=scheme_id)


@router.get("/rosters/{roster_id}", response_model=RosterRead)
def get_roster(roster_id: Id, session: SessionDep, actor: ActorDep):
    """Assignments, per doctor the counts against the fair target, soft-rule costs, vacancies and why."""
    return roster_service.get_roster(session, actor=actor, roster_id=roster_id)


@router.post("/rosters/{roster_id}/publish", response_model=RosterRead)
def publish(roster_id: Id, session: SessionDep, actor: ActorDep):
    return roster_service.publish(session, actor=actor, roster_id=roster_id)


@router.post("/rosters/{roster_id}/replan", response_model=JobRead, status_code=202)
def replan(
    roster_id: Id,
    session: SessionDep,
    actor: ActorDep,
    data: Annotated[ReplanCreate | None, Body()] = None,
    wait: Wait = False,
):
    """Solve a published roster again on today's facts with as few changes as possible: a new version."""
    options = data or ReplanCreate()
    return roster_service.replan(session, actor=actor, roster_id=roster_id, data=options, run=_run(wait))


@router.get(
    "/rosters/{roster_id}/roster.csv",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "Semikolonseparert, UTF-8 med BOM"}},
)
def roster_csv(roster_id: Id, session: SessionDep, actor: ActorDep):
    text, name = feeds_service.roster_csv(session, actor=actor, roster_id=roster_id)
    headers = {**PRIVATE, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


def _calendar(content: bytes, name: str) -> Response:
    headers = {**PRIVATE, "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type=CALENDAR, headers=headers)


@router.get("/schemes/{scheme_id}/roster.ics", response_class=Response, responses=ICS)
def scheme_ics(scheme_id: Id, session: SessionDep, actor: FeedActorDep):
    content = feeds_service.scheme_calendar(session, actor=actor, scheme_id=scheme_id)
    return _calendar(content, f"vakter-ordning-{scheme_id}.ics")


@router.get("/doctors/{doctor_id}/roster.ics", response_class=Response, responses=ICS)
def doctor_ics(doctor_id: Id, session: SessionDep, actor: FeedActorDep):
    content = feeds_service.doctor_calendar(session, actor=actor, doctor_id=doctor_id)
    return _calendar(content, f"vakter-lege-{doctor_id}.ics")


@router.get("/schemes/{scheme_id}/vacancies", response_model=list[VacancyRead])
def vacancies(
    scheme_id: Id,
    session: SessionDep,
    actor: ActorDep,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
):
    return vacancy_service.list_vacancies(session, actor=actor, scheme_id=scheme_id, year=year)


@router.post("/vacancies/{assignment_id}/volunteers", response_model=VacancyRead, status_code=201)
def volunteer(assignment_id: Id, data: VolunteerCreate, session: SessionDep, actor: ActorDep):
    """A doctor volunteers for a vacant shift (a doctor for themselves; staff name the doctor)."""
    return vacancy_service.volunteer(
        session, actor=actor, assignment_id=assignment_id, doctor_id=data.doctor_id
    )


@router.get("/vacancies/{assignment_id}/candidates", response_model=list[CandidateRead])
def candidates(assignment_id: Id, session: SessionDep, actor: ActorDep):
    """Doctors who could take the shift without breaking a hard rule, fewest shifts of its kind first."""
    return vacancy_service.candidates(session, actor=actor, assignment_id=assignment_id)


@router.post("/vacancies/{assignment_id}/assign", response_model=VacancyRead)
def assign(assignment_id: Id, data: AssignCreate, session: SessionDep, actor: ActorDep):
    """Give the vacant shift to a doctor; refused with the rule id when a hard rule would break."""
    return vacancy_service.assign(session, actor=actor, assignment_id=assignment_id, doctor_id=data.doctor_id)


@router.get("/municipalities/{number}/vacancy-counts", response_model=list[VacancyCount])
def vacancy_counts(
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Året; standard i år")] = None,
):
    """Per scheme: shifts left vacant in the year's published rosters, filled since, still vacant."""
    year = year or today_oslo().year
    return vacancy_service.vacancy_counts(session, actor=actor, municipality_number=number, year=year)
