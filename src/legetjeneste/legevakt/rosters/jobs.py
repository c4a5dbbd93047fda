"""Running a stored solve job outside the web request: a background thread with sessions of its own.

The runner holds no rule: it calls the solver and hands each step to roster_service, which owns the
transactions. Progress reaches the database at most every PROGRESS_EVERY seconds, so a fast solver
does not turn into a stream of writes.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from legetjeneste.db import session_factory
from legetjeneste.errors import DomainError, ValidationFailed

PROGRESS_EVERY = 0.5
log = logging.getLogger(__name__)
_running: dict[int, threading.Thread] = {}
_lock = threading.Lock()


class ProgressWriter:
    """Called by the solver on each better roster; writes the newest one now and then."""

    def __init__(self, engine: Engine, job_id: int, also: Callable[[Any], None] | None = None):
        self.engine, self.job_id, self.also = engine, job_id, also
        self.last_written = 0.0
        self.pending: Any = None

    def __call__(self, progress: Any) -> None:
        if self.also is not None:
            self.also(progress)
        self.pending = progress
        if time.monotonic() - self.last_written >= PROGRESS_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.pending is None:
            return
        from legetjeneste.legevakt.rosters import service as roster_service

        with session_factory(self.engine)() as session:
            roster_service.record_progress(session, job_id=self.job_id, progress=self.pending)
        self.pending, self.last_written = None, time.monotonic()


def run(engine: Engine, job_id: int, *, on_progress: Callable[[Any], None] | None = None) -> None:
    """Solve the job now, in this thread: running → progress … → the draft roster, or failed."""
    from legetjeneste.legevakt.rosters import service as roster_service

    factory = session_factory(engine)
    writer = ProgressWriter(engine, job_id, on_progress)
    try:
        with factory() as session:
            problem, options = roster_service.begin_job(session, job_id=job_id)
        solution = roster_service.solve_problem(problem, options, on_progress=writer)
        writer.flush()
        with factory() as session:
            roster_service.finish_job(session, job_id=job_id, problem=problem, solution=solution)
    except Exception as error:  # the job must end as failed whatever went wrong, and say so
        log.exception("Roster job %s failed", job_id)
        with factory() as session:
            roster_service.fail_job(session, job_id=job_id, message=failure_text(error))


def failure_text(error: Exception) -> str:
    """Our own errors in their Norwegian words with the rule and every problem; anything else by name."""
    if isinstance(error, ValidationFailed):
        return f"{error.message}: " + "; ".join(str(p) for p in error.problems)
    if isinstance(error, DomainError):
        return error.message + (f" ({error.rule_id})" if error.rule_id else "")
    return f"Uventet feil i løseren ({type(error).__name__}: {error})"


def start(engine: Engine, job_id: int) -> None:
    """Run the job in a daemon thread; the page follows it through the stored progress."""
    thread = threading.Thread(target=_run_and_forget, args=(engine, job_id), name=f"roster-job-{job_id}")
    thread.daemon = True
    with _lock:
        _running[job_id] = thread
    thread.start()


def _run_and_forget(engine: Engine, job_id: int) -> None:
    try:
        run(engine, job_id)
    finally:
        with _lock:
            _running.pop(job_id, None)


def is_running_here(job_id: int) -> bool:
    """Whether this process runs the job; a job marked running that no process runs was cut off."""
    with _lock:
        thread = _running.get(job_id)
    return thread is not None and thread.is_alive()


def wait(job_id: int, timeout: float | None = None) -> None:
    with _lock:
        thread = _running.get(job_id)
    if thread is not None:
        thread.join(timeout)
