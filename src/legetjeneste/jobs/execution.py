"""Running one claimed job: its heartbeat and budget (JOBS-BUDGET) from a thread of their own, the progress
the kind reports, the job's end; and giving up the jobs whose worker is gone.

A job may run for its budget: `LEGETJENESTE_JOBS_MAX_SECONDS`, or what its kind sets once it knows (a solve:
its time limit and a margin, `progress.set_budget`). Past it the heartbeat thread fails the job with
`over_budget_text`, tells the kind (`stopped`), and the kind's next report raises JobStopped. The place the
job held is free at once; the kind's own work ends at its next report (the solver also stops at its own
time limit).
"""

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.errors import DomainError
from legetjeneste.jobs import kinds, service
from legetjeneste.jobs.rules import DONE, FAILED, HEARTBEAT_EVERY, error_text, over_budget_text
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.settings import get_settings

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5
Factory = sessionmaker[Session]


class JobStopped(DomainError):
    """The job was stopped while it ran (past its budget): the kind ends it here."""


class Heartbeat:
    """While the job runs, its heartbeat is beaten from a thread, whatever the job itself is doing; past
    the job's budget the same thread stops the job."""

    def __init__(self, factory: Factory, job_id: int, worker: str, *, budget: float):
        self.factory, self.job_id, self.worker = factory, job_id, worker
        self.started = time.monotonic()
        self.budget = budget
        self.stopping, self.changed, self.over = threading.Event(), threading.Event(), threading.Event()
        self.error: str | None = None
        self.thread = threading.Thread(target=self._run, name=f"job-{job_id}-heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stopping.set()
        self.changed.set()
        self.thread.join()

    def set_budget(self, seconds: float) -> None:
        """The job may run `seconds` from its start (JOBS-BUDGET)."""
        self.budget = seconds
        self.changed.set()

    def _run(self) -> None:
        every = HEARTBEAT_EVERY.total_seconds()
        beaten = time.monotonic()
        while not self.stopping.is_set():
            left = self.started + self.budget - time.monotonic()
            if left <= 0:
                self._stop()
                return
            self.changed.wait(max(min(every - (time.monotonic() - beaten), left), 0.0))
            self.changed.clear()
            if self.stopping.is_set():
                return
            if time.monotonic() - beaten >= every:
                beaten = time.monotonic()
                if not self._beat():
                    return

    def _beat(self) -> bool:
        try:
            with self.factory() as session:
                if not service.beat(session, job_id=self.job_id, worker=self.worker):
                    log.warning("Job %s was given up while it ran", self.job_id)
                    return False
        except Exception:  # a missed beat is no reason to stop the job; the next may get through
            log.exception("Heartbeat of job %s failed", self.job_id)
        return True

    def _stop(self) -> None:
        """JOBS-BUDGET — the job ran past its budget: failed with why, and its kind told."""
        error = over_budget_text(self.budget)
        with self.factory() as session:
            stopped = service.stop(session, job_id=self.job_id, worker=self.worker, error=error)
        if stopped is not None:
            log.warning("Job %s (%s) ran past its budget of %.0f s", stopped.id, stopped.kind, self.budget)
            self.error = error
            self.over.set()
            tell_stopped(self.factory, [stopped])


class Reporter:
    """The `progress` a kind is given. Calling it reports: the report goes to whoever runs the job here
    (the CLI's progress bar), and a dict report is stored as the job's progress, at most every
    PROGRESS_EVERY seconds. `set_budget(seconds)` sets the job's budget once the kind knows it; `check()`
    (and every report) raises JobStopped once the job was stopped."""

    def __init__(self, factory: Factory, job_id: int, also: Callable[[Any], None] | None, beat: Heartbeat):
        self.factory, self.job_id, self.also, self.heartbeat = factory, job_id, also, beat
        self.pending: dict | None = None
        self.last_written = 0.0

    def __call__(self, report: Any = None) -> None:
        self.check()
        if self.also is not None:
            self.also(report)
        if isinstance(report, dict):
            self.pending = report
            if time.monotonic() - self.last_written >= PROGRESS_EVERY:
                self.flush()

    def set_budget(self, seconds: float) -> None:
        self.heartbeat.set_budget(seconds)

    def check(self) -> None:
        if self.heartbeat.over.is_set():
            raise JobStopped(self.heartbeat.error or "Jobben ble stoppet.")

    def flush(self) -> None:
        if self.pending is not None:
            with self.factory() as session:
                service.record_progress(session, job_id=self.job_id, progress=self.pending)
            self.pending, self.last_written = None, time.monotonic()


def execute(
    factory: Factory, job: JobRead, *, worker: str, on_progress: Callable[[Any], None] | None = None
) -> str:
    """Run a job `worker` has claimed: done with the kind's result, or failed with why in Norwegian."""
    result, failure = None, None
    with Heartbeat(factory, job.id, worker, budget=get_settings().jobs_max_seconds) as heartbeat:
        reporter = Reporter(factory, job.id, on_progress, heartbeat)
        try:
            result = kinds.runner(job.kind)(factory, job, reporter)
            reporter.flush()
        except DomainError as error:
            failure = error_text(error)
        except Exception as error:  # the job must end as failed whatever went wrong, and say so
            log.exception("Job %s (%s) failed", job.id, job.kind)
            failure = error_text(error)
        except BaseException:  # Ctrl+C or SIGTERM in the middle of the job: it cannot finish
            give_up_own(factory, worker=worker)
            raise
    with factory() as session:
        ended = service.end(session, job_id=job.id, worker=worker, result=result, error=failure)
    return DONE if failure is None and ended else FAILED


def tell_stopped(factory: Factory, given_up: list[JobRead]) -> None:
    """Each kind marks its own rows of a job that was given up (a roster job shows why it stopped)."""
    for job in given_up:
        log.warning("Job %s (%s) was given up: %s", job.id, job.kind, job.error)
        stopped = kinds.stopper(job.kind)
        if stopped is not None:
            stopped(factory, job)


def give_up_own(factory: Factory, *, worker: str) -> int:
    """Give up the jobs `worker` holds (it is stopping); how many."""
    with factory() as session:
        found = service.give_up_own(session, worker=worker)
    tell_stopped(factory, found)
    return len(found)


def recover(factory: Factory) -> int:
    """Give up the jobs whose worker is gone: at once those of a process of this host that no longer
    exists, and every job whose heartbeat is older than STALE_AFTER; how many."""
    with factory() as session:
        found = service.give_up_gone(session)
    with factory() as session:
        found += service.give_up_stale(session)
    tell_stopped(factory, found)
    return len(found)


def tell_on_stderr(text: str) -> None:
    """How a caller that waits in the queue is told by default (the command line)."""
    print(text, file=sys.stderr, flush=True)
