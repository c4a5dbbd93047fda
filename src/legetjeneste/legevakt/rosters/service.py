"""Use cases of rosters: start a solve job (in the background, or here with progress for the CLI), follow
it, read the draft, publish it (frozen), re-plan a published roster with as few changes as possible.

The job runner (jobs.py) calls `begin_job`, `record_progress`, `finish_job` and `fail_job`, each its own
transaction, so the page sees progress while the solver works.
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor, can, can_see_municipality
from legetjeneste.dates import OSLO, Period, now_oslo
from legetjeneste.errors import Conflict, NotFound, Problem, RuleViolation, ValidationFailed
from legetjeneste.legevakt.models import Scheme
from legetjeneste.legevakt.rosters import feeds as roster_feeds
from legetjeneste.legevakt.rosters import jobs
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.rosters import views as roster_views
from legetjeneste.legevakt.rosters.models import Roster, RosterJob
from legetjeneste.legevakt.rosters.schemas import (
    JobRead,
    ReplanCreate,
    RosterRead,
    RosterSummary,
    SolveCreate,
)
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering import solver

Run = Literal["background", "here"]
CUT_OFF_AFTER = timedelta(minutes=2)


def scheme_in_scope(session: Session, actor: Actor, scheme_id: int) -> Scheme:
    scheme = session.get(Scheme, scheme_id)
    if scheme is None:
        raise NotFound(f"Ordning {scheme_id} finnes ikke.")
    scope.require_municipality(actor, scheme.municipality_number)
    return scheme


def find_scheme(
    session: Session, *, actor: Actor, reference: str, municipality_number: str | None = None
) -> int:
    """A scheme's id from its id or its code (with the municipality when the code is not unique)."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        if reference.isdigit() and len(reference) < 10:
            return scheme_in_scope(session, actor, int(reference)).id
        query = select(Scheme).where(Scheme.code == reference)
        if municipality_number is not None:
            query = query.where(Scheme.municipality_number == municipality_number)
        found = [s for s in session.scalars(query) if can_see_municipality(actor, s.municipality_number)]
        if not found:
            raise NotFound(f"Ordningen «{reference}» finnes ikke.")
        if len(found) > 1:
            raise ValidationFailed(
                [Problem("--municipality", f"flere kommuner har ordningen «{reference}»; oppgi kommunen")]
            )
        return found[0].id


def roster_in_scope(session: Session, actor: Actor, roster_id: int) -> Roster:
    roster = session.get(Roster, roster_id)
    if roster is None:
        raise NotFound(f"Vaktliste {roster_id} finnes ikke.")
    scope.require_municipality(actor, roster.municipality_number)
    return roster


def _job_status(job: RosterJob) -> str:
    """A job queued or running that no process has moved for a while was cut off (a restart, a crash)."""
    if job.status not in ("queued", "running") or jobs.is_running_here(job.id):
        return job.status
    last = job.progress_at or job.started_at or job.created_at
    limit = timedelta(seconds=job.time_limit) + CUT_OFF_AFTER
    return "cut_off" if datetime.now(UTC) - _aware(last) > limit else job.status


def _aware(moment: datetime) -> datetime:
    """SQLite gives back the Oslo wall-clock time without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


def _job_read(session: Session, job: RosterJob) -> JobRead:
    roster_id = session.scalar(select(Roster.id).where(Roster.job_id == job.id))
    scheme = session.get(Scheme, job.scheme_id)
    assert scheme is not None
    return roster_views.job_read(job, scheme_name=scheme.name, roster_id=roster_id, status=_job_status(job))


def _queue(
    session: Session,
    actor: Actor,
    scheme: Scheme,
    period: Period,
    options: ReplanCreate,
    previous: Roster | None,
) -> RosterJob:
    was = {a.shift_key: a.doctor.hpr_number for a in previous.assignments if a.doctor} if previous else None
    problem = problem_builder.build(session, scheme, period, previous=was)
    if previous is not None:
        problem = problem_builder.keep_worked(problem, previous.assignments, now_oslo().replace(tzinfo=None))
    job = RosterJob(
        municipality_number=scheme.municipality_number,
        scheme_id=scheme.id,
        start_date=period.start,
        end_date=period.end,
        previous_roster_id=previous.id if previous else None,
        problem=problem_builder.problem_document(problem),
        seed=options.seed,
        time_limit=options.time_limit,
        workers=options.workers,
        status="queued",
        solutions_found=0,
        created_at=now_oslo(),
        created_by=actor.email,
    )
    session.add(job)
    session.flush()
    detail = {"scheme": scheme.id, "from": period.start.isoformat(), "to": str(period.end)}
    audit_service.record(
        session,
        actor=actor,
        action="create",
        entity="roster_job",
        record_ids=[job.id],
        municipality_number=scheme.municipality_number,
        detail=detail,
    )
    return job


def _run(session: Session, job_id: int, run: Run, on_progress: Callable[[Any], None] | None) -> None:
    engine = session.get_bind()
    assert isinstance(engine, Engine), "sessions are bound to an engine (db.session_factory)"
    if run == "here":
        jobs.run(engine, job_id, on_progress=on_progress)
    else:
        jobs.start(engine, job_id)


def start_solve(
    session: Session,
    *,
    actor: Actor,
    scheme_id: int,
    data: SolveCreate,
    run: Run = "background",
    on_progress: Callable[[Any], None] | None = None,
) -> JobRead:
    """A solve job for the scheme and period; `run="here"` solves before returning (the CLI, the tests)."""
    auth_service.require(actor, "roster.solve")
    with session.begin():
        scheme = scheme_in_scope(session, actor, scheme_id)
        options = ReplanCreate(time_limit=data.time_limit, seed=data.seed, workers=data.workers)
        job_id = _queue(session, actor, scheme, Period(data.start, data.end), options, None).id
    _run(session, job_id, run, on_progress)
    return get_job(session, actor=actor, job_id=job_id)


def replan(
    session: Session,
    *,
    actor: Actor,
    roster_id: int,
    data: ReplanCreate,
    run: Run = "background",
    on_progress: Callable[[Any], None] | None = None,
) -> JobRead:
    """A new version of a published roster from today's facts (e.g. a granted exemption), solved with the
    published one as the roster to change as little as possible; shifts already worked stay."""
    auth_service.require(actor, "roster.solve")
    with session.begin():
        roster = roster_in_scope(session, actor, roster_id)
        if roster.status != "published":
            raise Conflict("Bare en publisert vaktliste kan planlegges på nytt; et utkast kan løses på nytt.")
        period = Period(roster.start_date, roster.end_date)
        job_id = _queue(session, actor, roster.scheme, period, data, roster).id
    _run(session, job_id, run, on_progress)
    return get_job(session, actor=actor, job_id=job_id)


def get_job(session: Session, *, actor: Actor, job_id: int) -> JobRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        job = session.get(RosterJob, job_id)
        if job is None:
            raise NotFound(f"Løsejobb {job_id} finnes ikke.")
        scope.require_municipality(actor, job.municipality_number)
        return _job_read(session, job)


# --- the runner's steps ----------------------------------------------------------------------------


def begin_job(session: Session, *, job_id: int) -> tuple[rp.Problem, dict]:
    with session.begin():
        job = session.get(RosterJob, job_id)
        assert job is not None
        job.status, job.started_at = "running", now_oslo()
        options = {"time_limit": job.time_limit, "seed": job.seed, "workers": job.workers}
        return problem_builder.problem_from(job.problem), options


def solve_problem(problem: rp.Problem, options: dict, *, on_progress: Callable[[Any], None]) -> rp.Solution:
    return solver.solve(problem, on_progress=on_progress, **options)


def record_progress(session: Session, *, job_id: int, progress: rp.Progress) -> None:
    with session.begin():
        job = session.get(RosterJob, job_id)
        assert job is not None
        job.objective, job.bound = progress.objective, progress.bound
        job.solutions_found, job.progress_at = progress.solutions, now_oslo()
        best = getattr(progress, "assignments", None)
        if best is not None:
            job.best_assignments = dict(best)


def fail_job(session: Session, *, job_id: int, message: str) -> None:
    with session.begin():
        job = session.get(RosterJob, job_id)
        assert job is not None
        job.status, job.message, job.finished_at = "failed", message[:1000], now_oslo()


def finish_job(session: Session, *, job_id: int, problem: rp.Problem, solution: rp.Solution) -> None:
    """The solution as a draft roster version, with its explanation and the changes from the re-planned
    roster; a solve without any roster ends the job as failed with why."""
    with session.begin():
        job = session.get(RosterJob, job_id)
        assert job is not None
        job.objective, job.bound, job.finished_at = solution.objective, solution.bound, now_oslo()
        job.best_assignments = dict(solution.assignments)
        if solution.status in ("infeasible", "unknown") or not solution.assignments:
            job.status = "failed"
            job.message = "Løseren fant ingen vaktliste innen tidsgrensen. Prøv igjen med lengre tid."
            return
        changes = None
        if problem.previous is not None:
            names = {p.key: p.name for p in problem.participants}
            labels = {s.id: s.template for s in problem.shifts}
            changes = roster_views.changes(problem.previous, solution.assignments, names, labels)
        roster_queries.add_roster(
            session,
            job=job,
            problem=problem,
            solution=solution,
            explanation=roster_views.explanation_document(problem, solution),
            changes=changes or [],
            now=now_oslo(),
        )
        job.status = "done"


# --- rosters -----------------------------------------------------------------------------------------


def get_roster(session: Session, *, actor: Actor, roster_id: int) -> RosterRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        roster = roster_in_scope(session, actor, roster_id)
        return roster_views.roster_read(roster, sees_grounds=can(actor, "exemption.decide"))


def list_rosters(session: Session, *, actor: Actor, scheme_id: int) -> list[RosterSummary]:
    """The scheme's roster versions, newest period and version first."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scheme_in_scope(session, actor, scheme_id)
        rosters = roster_queries.rosters(session, scheme_id=scheme_id)
        return [roster_views.roster_summary(r) for r in rosters]


def publish(session: Session, *, actor: Actor, roster_id: int) -> RosterRead:
    """Freeze a draft. A re-plan replaces the version it re-planned; a fresh solve may not cover days of
    a roster already published (re-plan that one instead)."""
    auth_service.require(actor, "roster.publish")
    with session.begin():
        roster = roster_in_scope(session, actor, roster_id)
        if roster.status != "draft":
            raise Conflict(f"Vaktliste {roster_id} er {roster_views.ROSTER_STATUS[roster.status].lower()}.")
        published = roster_queries.published_overlapping(
            session, scheme_id=roster.scheme_id, start=roster.start_date, end=roster.end_date
        )
        for other in published:
            if other.id != roster.previous_id:
                raise RuleViolation(
                    "LV-ALWAYS",
                    "akuttmedisinforskriften § 6",
                    f"Perioden overlapper den publiserte vaktlisten {other.id} (versjon {other.version}). "
                    "Planlegg den på nytt i stedet, så blir endringene listet.",
                )
            other.status = "replaced"
        roster.status, roster.published_at, roster.published_by = "published", now_oslo(), actor.email
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="legevakt_roster",
            record_ids=[roster.id],
            municipality_number=roster.municipality_number,
            detail={"publish": True},
        )
        return roster_views.roster_read(roster, sees_grounds=can(actor, "exemption.decide"))


# --- files: calendar feeds, CSV, the printable month ---------------------------------------------------

FEED_HISTORY_DAYS = 365


def scheme_calendar(session: Session, *, actor: Actor, scheme_id: int, now: datetime | None = None) -> bytes:
    """The scheme's published shifts from a year back on, with the doctor of each, as an iCalendar feed."""
    auth_service.require(actor, "legevakt.read")
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    with session.begin():
        scheme = scheme_in_scope(session, actor, scheme_id)
        since = stamp.date() - timedelta(FEED_HISTORY_DAYS)
        found = roster_queries.published_assignments(session, since=since, scheme_id=scheme.id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="roster_assignment",
            record_ids=[a.id for a in found],
            municipality_number=scheme.municipality_number,
            detail={"view": "calendar"},
        )
        shifts = [roster_views.feed_shift(a, scheme.name) for a in found]
        return roster_feeds.roster_calendar(scheme.name, shifts, stamp=stamp, with_doctor=True)


def doctor_calendar(session: Session, *, actor: Actor, doctor_id: int, now: datetime | None = None) -> bytes:
    """One doctor's published shifts in every scheme, from a year back on, as an iCalendar feed."""
    auth_service.require(actor, "legevakt.read")
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        since = stamp.date() - timedelta(FEED_HISTORY_DAYS)
        found = roster_queries.published_assignments(session, since=since, doctor_id=doctor.id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="roster_assignment",
            record_ids=[a.id for a in found],
            municipality_number=doctor.municipality_number,
            detail={"view": "calendar"},
        )
        shifts = [roster_views.feed_shift(a, a.roster.scheme.name) for a in found]
        return roster_feeds.roster_calendar(doctor.full_name, shifts, stamp=stamp, with_doctor=False)


def roster_csv(session: Session, *, actor: Actor, roster_id: int) -> tuple[str, str]:
    """The roster as CSV (Dato;Vakt;Fra;Til;Lege;HPR-nummer;Merknad) and a file name for it."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        roster = roster_in_scope(session, actor, roster_id)
        shifts = [roster_views.feed_shift(a, roster.scheme.name) for a in roster.assignments]
        name = f"vaktliste-{roster.scheme.code}-{roster.start_date}-{roster.end_date}-v{roster.version}.csv"
        return roster_feeds.roster_csv(shifts), name


def month_view(session: Session, *, actor: Actor, roster_id: int, month) -> dict:
    """The weeks of one month of the roster with each day's shifts, for printing."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        roster = roster_in_scope(session, actor, roster_id)
        if not (roster.start_date.replace(day=1) <= month <= roster.end_date):
            raise NotFound("Måneden er ikke med i vaktlisten.")
        shifts = [roster_views.feed_shift(a, roster.scheme.name) for a in roster.assignments]
        return {
            "roster": roster_views.roster_summary(roster),
            "weeks": roster_feeds.month_weeks(month.year, month.month, shifts),
            "month": month,
        }
