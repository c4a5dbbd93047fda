"""Use cases of rosters: start a solve job (queued for the worker, or here with progress for the CLI),
follow it, read the draft, publish it (frozen), re-plan a published roster with as few changes as possible.

The solve is a job of kind JOB_KIND (jobs/); its steps (`begin_job`, `record_progress`, `finish_job`,
`fail_job`) are each a transaction of their own, so the page sees progress while the solver works."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor, can, can_see_municipality
from legetjeneste.dates import Period, now_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Conflict, NotFound, Problem, RuleViolation, ValidationFailed
from legetjeneste.jobs import service as jobs_service
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.legevakt.exemptions import queries as exemption_queries
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters import queries as roster_queries
from legetjeneste.legevakt.rosters import rules
from legetjeneste.legevakt.rosters import schemas as roster_schemas
from legetjeneste.legevakt.rosters.models import Roster, RosterJob
from legetjeneste.legevakt.rosters.schemas import (
    JobRead,
    ReplanCreate,
    RosterRead,
    RosterSummary,
    SolveCreate,
)
from legetjeneste.legevakt.rosters.versions import service as versions_service
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.rostering import explain
from legetjeneste.rostering import problem as rp

Run = Literal["background", "here"]
JOB_KIND = "roster.solve"
NO_ROSTER = "Løseren fant ingen vaktliste innen tidsgrensen. Prøv igjen med lengre tid."


def scheme_in_scope(session: Session, actor: Actor, scheme_id: int) -> Scheme:
    return scope.row(session, actor, Scheme, scheme_id, missing=f"Ordning {scheme_id} finnes ikke.")


def find_scheme(
    session: Session, *, actor: Actor, reference: str, municipality_number: str | None = None
) -> int:
    """A scheme's id from its id or its code (with the municipality when the code is not unique)."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        if reference.isdigit() and len(reference) < 10:
            return scheme_in_scope(session, actor, int(reference)).id
        named = roster_queries.schemes_with_code(
            session, code=reference, municipality_number=municipality_number
        )
        found = [s for s in named if can_see_municipality(actor, s.municipality_number)]
        if not found:
            raise NotFound(f"Ordningen «{reference}» finnes ikke.")
        if len(found) > 1:
            raise ValidationFailed(
                [Problem("--municipality", f"flere kommuner har ordningen «{reference}»; oppgi kommunen")]
            )
        return found[0].id


def roster_in_scope(session: Session, actor: Actor, roster_id: int) -> Roster:
    return scope.row(session, actor, Roster, roster_id, missing=f"Vaktliste {roster_id} finnes ikke.")


def _job_read(session: Session, job: RosterJob) -> JobRead:
    roster_id = roster_queries.roster_id_of_job(session, job_id=job.id)
    scheme = session.get(Scheme, job.scheme_id)
    assert scheme is not None
    status = rules.job_status(
        status=job.status,
        is_running=jobs_service.is_running(session, kind=JOB_KIND, record_id=job.id),
        last_moved=job.progress_at or job.started_at or job.created_at,
        time_limit=job.time_limit,
        now=datetime.now(UTC),
    )
    return roster_schemas.job_read(job, scheme_name=scheme.name, roster_id=roster_id, status=status)


def _queue(
    session: Session,
    actor: Actor,
    scheme: Scheme,
    period: Period,
    options: ReplanCreate,
    previous: Roster | None,
    here: bool,
) -> tuple[int, int]:
    """The roster job with the solver's input, and the job that runs it (claimed to run `here`, in this
    call, or queued for the worker): both ids."""
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
    number = scheme.municipality_number
    work = jobs_service.enqueue(
        session, kind=JOB_KIND, record_id=job.id, municipality_number=number, here=here
    )
    return job.id, work


def _start(session: Session, actor: Actor, queued: tuple[int, int], run: Run, on_progress: Any) -> JobRead:
    """Solve now, in this call (`run="here"`), or wake the worker; the job as it is then."""
    job_id, work_id = queued
    engine = session.get_bind()
    assert isinstance(engine, Engine), "sessions are bound to an engine (db.session_factory)"
    if run == "here":
        jobs_worker.run_here(engine, job_id=work_id, on_progress=on_progress)
    else:
        jobs_worker.wake(engine)
    return get_job(session, actor=actor, job_id=job_id)


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
        queued = _queue(session, actor, scheme, Period(data.start, data.end), options, None, run == "here")
    return _start(session, actor, queued, run, on_progress)


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
        queued = _queue(session, actor, roster.scheme, period, data, roster, run == "here")
    return _start(session, actor, queued, run, on_progress)


def get_job(session: Session, *, actor: Actor, job_id: int) -> JobRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        job = scope.row(session, actor, RosterJob, job_id, missing=f"Løsejobb {job_id} finnes ikke.")
        return _job_read(session, job)


# --- the runner's steps ----------------------------------------------------------------------------


def begin_job(session: Session, *, job_id: int) -> tuple[rp.Problem, dict]:
    with session.begin():
        job = session.get_one(RosterJob, job_id)
        job.status, job.started_at = "running", now_oslo()
        options = {"time_limit": job.time_limit, "seed": job.seed, "workers": job.workers}
        return problem_builder.problem_from(job.problem), options


def record_progress(session: Session, *, job_id: int, progress: rp.Progress) -> None:
    with session.begin():
        job = session.get_one(RosterJob, job_id)
        job.objective, job.bound = progress.objective, progress.bound
        job.solutions_found, job.progress_at = progress.solutions, now_oslo()
        best = getattr(progress, "assignments", None)
        if best is not None:
            job.best_assignments = dict(best)


def fail_job(session: Session, *, job_id: int, message: str, only_unfinished: bool = False) -> None:
    with session.begin():
        job = session.get_one(RosterJob, job_id)
        if only_unfinished and job.status not in ("queued", "running"):
            return
        job.status, job.message, job.finished_at = "failed", message[:1000], now_oslo()


def finish_job(session: Session, *, job_id: int, problem: rp.Problem, solution: rp.Solution) -> int | None:
    """The solution as a draft roster version, with its explanation and the changes from the re-planned
    roster: the roster's id. A solve without any roster ends the job as failed with why: None."""
    with session.begin():
        job = session.get_one(RosterJob, job_id)
        job.objective, job.bound, job.finished_at = solution.objective, solution.bound, now_oslo()
        job.best_assignments = dict(solution.assignments)
        if not rules.is_roster_found(status=solution.status, assigned=len(solution.assignments)):
            job.status, job.message = "failed", NO_ROSTER
            return None
        changes = None
        if problem.previous is not None:
            names = {p.key: p.name for p in problem.participants}
            labels = {s.id: s.template for s in problem.shifts}
            changes = rules.changes(
                previous=problem.previous, now=solution.assignments, names=names, labels=labels
            )
        roster = roster_queries.add_roster(
            session,
            job=job,
            problem=problem,
            solution=solution,
            explanation=problem_builder.explanation_document(problem, solution),
            changes=changes or [],
            now=now_oslo(),
        )
        job.status = "done"
        return roster.id


# --- rosters -----------------------------------------------------------------------------------------


def get_roster(session: Session, *, actor: Actor, roster_id: int) -> RosterRead:
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        return _roster_read(session, actor, roster_in_scope(session, actor, roster_id))


def to_publish(session: Session, *, actor: Actor, roster_id: int) -> RosterRead:
    """The draft the question before publishing names (issue 13); refused as `publish` would refuse it (the
    permission, the scheme in scope, a roster that is no longer a draft), and changing nothing."""
    auth_service.require(actor, "roster.publish")
    with session.begin():
        return _roster_read(session, actor, _draft(roster_in_scope(session, actor, roster_id)))


def _draft(roster: Roster) -> Roster:
    if roster.status != "draft":
        raise Conflict(f"Vaktliste {roster.id} er {rules.ROSTER_STATUS[roster.status].lower()}.")
    return roster


def _roster_read(session: Session, actor: Actor, roster: Roster) -> RosterRead:
    """The roster as `actor` may see it; only those who decide exemptions see that a colleague has
    applied (LV-EXEMPT-PENDING)."""
    decides = can(actor, "exemption.decide")
    pending = _pending(session, roster) if decides else []
    proposed = _bakvakts(roster)
    return roster_schemas.roster_read(roster, sees_grounds=decides, pending=pending, proposed=proposed)


def _bakvakts(roster: Roster) -> dict[str, str]:
    """LV-COMPETENCE — a proposed bakvakt (name) for each shift whose doctor needs one."""
    problem = problem_builder.problem_from(roster.job.problem)
    if not any(p.needs_bakvakt for p in problem.participants):
        return {}
    names = {p.key: p.name for p in problem.participants}
    now = {a.shift_key: a.doctor.hpr_number if a.doctor else None for a in roster.assignments}
    return {shift: names[key] for shift, key in explain.bakvakts(problem, now).items()}


def _pending(session: Session, roster: Roster) -> list[rules.PendingExemption]:
    """The scheme's applications for exemption not yet decided that overlap the roster (LV-EXEMPT-PENDING)."""
    found = exemption_queries.exemptions(
        session, municipality_number=roster.municipality_number, status="pending", scheme_id=roster.scheme_id
    )
    period = Period(roster.start_date, roster.end_date)
    return [
        rules.PendingExemption(
            e.id, e.doctor_id, e.doctor.full_name, e.start, e.end, nights_only=e.extent == "no_nights"
        )
        for e in found
        if e.period.overlaps(period)
    ]


def list_rosters(session: Session, *, actor: Actor, scheme_id: int) -> list[RosterSummary]:
    """The scheme's roster versions, newest period and version first."""
    auth_service.require(actor, "legevakt.read")
    with session.begin():
        scheme_in_scope(session, actor, scheme_id)
        rosters = roster_queries.rosters(session, scheme_id=scheme_id)
        return [roster_schemas.roster_summary(r) for r in rosters]


def publish(session: Session, *, actor: Actor, roster_id: int) -> RosterRead:
    """Freeze a draft: a re-plan replaces the version it re-planned; a fresh solve may not cover days of a
    published roster (LV-ALWAYS). Publications of one scheme take turns (docs/adr/0010). The doctors with
    shifts, and those who could take a vacant one, are told in the same transaction (LV-REPLAN)."""
    auth_service.require(actor, "roster.publish")
    try:
        with write_transaction(session):
            roster = roster_queries.lock_for_publishing(session, roster_in_scope(session, actor, roster_id))
            _draft(roster)
            published = roster_queries.published_overlapping(
                session, scheme_id=roster.scheme_id, start=roster.start_date, end=roster.end_date
            )
            overlapping = [(other.id, other.version) for other in published]
            rules.require_only_replaced_overlap(overlapping=overlapping, replaces=roster.previous_id)
            roster_queries.publish(session, roster, replacing=published, by=actor.email, at=now_oslo())
            replaced = next((other for other in published if other.id == roster.previous_id), None)
            versions_service.record_published(session, actor=actor, roster=roster, replaced=replaced)
            return _roster_read(session, actor, roster)
    except IntegrityError as error:
        if not roster_queries.is_published_overlap(error):
            raise
        raise RuleViolation.of(rules.ALWAYS, rules.PUBLISHED_AT_ONCE) from None
