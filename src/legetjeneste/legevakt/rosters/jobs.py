"""The roster solve as a job kind (jobs/kinds.py names `run` and `stopped`): the worker runs it outside the
web request, with sessions of its own.

The kind holds no rule: it calls the solver and hands each step to roster_service, which owns the
transactions. Progress reaches the roster job at most every PROGRESS_EVERY seconds, so a fast solver
does not turn into a stream of writes. The solve may run for its time limit and BUDGET_MARGIN (JOBS-BUDGET),
with at most the threads and the time limit the settings allow now (a job queued before they were lowered
runs within them too).
"""

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.errors import DomainError
from legetjeneste.jobs import rules as jobs_rules
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.jobs.execution import Reporter
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.rostering import solver
from legetjeneste.settings import get_settings

PROGRESS_EVERY = 0.5
STOPPED = "Tjenesten ble stoppet mens vaktlisten ble laget. Start på nytt."
#: Beyond its time limit a solve may take this long to build the model, explain and store the roster.
BUDGET_MARGIN = 60.0


class ProgressWriter:
    """Called by the solver on each better roster; writes the newest one now and then."""

    def __init__(self, factory: sessionmaker[Session], job_id: int, also: Callable[[Any], None]):
        self.factory, self.job_id, self.also = factory, job_id, also
        self.last_written = 0.0
        self.pending: Any = None

    def __call__(self, progress: Any) -> None:
        self.also(progress)
        self.pending = progress
        if time.monotonic() - self.last_written >= PROGRESS_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.pending is None:
            return
        with self.factory() as session:
            roster_service.record_progress(session, job_id=self.job_id, progress=self.pending)
        self.pending, self.last_written = None, time.monotonic()


def bounded(options: dict) -> dict:
    """The solver's options within the settings: the threads one solve may use (so that the solves that may
    run at once share LEGETJENESTE_SOLVER_MAX_WORKERS) and LEGETJENESTE_SOLVER_MAX_TIME_LIMIT."""
    settings = get_settings()
    return options | {
        "workers": max(1, min(options["workers"], settings.solver_workers_per_solve())),
        "time_limit": min(options["time_limit"], settings.solver_max_time_limit),
    }


def run(factory: sessionmaker[Session], job: JobRead, progress: Reporter) -> dict:
    """Solve the roster job now: running → progress … → the draft roster, or failed with why."""
    roster_job_id = job.record_id
    assert roster_job_id is not None
    writer = ProgressWriter(factory, roster_job_id, progress)
    try:
        with factory() as session:
            problem, options = roster_service.begin_job(session, job_id=roster_job_id)
        options = bounded(options)
        progress.set_budget(options["time_limit"] + BUDGET_MARGIN)
        solution = solver.solve(problem, on_progress=writer, **options)
        writer.flush()
        progress.check()
        with factory() as session:
            roster_id = roster_service.finish_job(
                session, job_id=roster_job_id, problem=problem, solution=solution
            )
    except Exception as error:  # the roster job must end as failed whatever went wrong, and say so
        with factory() as session:
            roster_service.fail_job(session, job_id=roster_job_id, message=failure_text(error))
        raise
    if roster_id is None:
        raise DomainError(roster_service.NO_ROSTER)
    return {"roster_id": roster_id}


def stopped(factory: sessionmaker[Session], job: JobRead) -> None:
    """The job was given up (its worker stopped, or it ran past its budget): the roster job says why, and
    that it can be started again."""
    assert job.record_id is not None
    message = STOPPED if job.error in (None, jobs_rules.STOPPED) else job.error
    with factory() as session:
        roster_service.fail_job(session, job_id=job.record_id, message=message, only_unfinished=True)


def failure_text(error: Exception) -> str:
    """Our own errors in their Norwegian words with the rule and every problem; anything else by name."""
    if isinstance(error, DomainError):
        return jobs_rules.error_text(error)
    return f"Uventet feil i løseren ({type(error).__name__}: {error})"


def wait(job_id: int, timeout: float | None = None) -> None:
    """Until the roster job started in the background has ended (tests and scripts)."""
    jobs_worker.wait_for(kind=roster_service.JOB_KIND, record_id=job_id, timeout=timeout)
