"""The worker: claims queued jobs from the database and runs them, one at a time, beating each running
job's heartbeat from a thread of its own.

It runs in the server process by default: `start_in_process` on start-up polls the queue, and `wake`
after a job is queued takes the job at once (and starts a worker that drains the queue when none runs,
so a process without the start-up hook still runs its jobs). Where several server processes run, set
LEGETJENESTE_JOBS_IN_PROCESS=false and run `legetjeneste worker` instead. A job whose worker died (its
heartbeat is older than STALE_AFTER) is given up as failed by the next worker that looks (docs/adr/0008).
"""

import asyncio
import logging
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from legetjeneste.db import get_engine, session_factory
from legetjeneste.errors import DomainError
from legetjeneste.jobs import kinds, service
from legetjeneste.jobs.rules import DONE, FAILED, HEARTBEAT_EVERY, QUEUED, RUNNING, STALE_AFTER, error_text
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.settings import get_settings

log = logging.getLogger(__name__)
POLL_EVERY = 2.0
PROGRESS_EVERY = 0.5
Factory = sessionmaker[Session]


class Heartbeat:
    """While the job runs, its heartbeat is beaten from a thread, whatever the job itself is doing."""

    def __init__(self, factory: Factory, job_id: int, worker: str):
        self.factory, self.job_id, self.worker = factory, job_id, worker
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"job-{job_id}-heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stopping.set()
        self.thread.join()

    def _beat(self) -> None:
        while not self.stopping.wait(HEARTBEAT_EVERY.total_seconds()):
            try:
                with self.factory() as session:
                    if not service.beat(session, job_id=self.job_id, worker=self.worker):
                        log.warning("Job %s was given up while it ran", self.job_id)
                        return
            except Exception:  # a missed beat is no reason to stop the job; the next may get through
                log.exception("Heartbeat of job %s failed", self.job_id)


class Reporter:
    """The `progress` a kind calls: each report goes to whoever runs the job here (the CLI's progress bar);
    a dict report is stored as the job's progress, at most every PROGRESS_EVERY seconds."""

    def __init__(self, factory: Factory, job_id: int, also: Callable[[Any], None] | None):
        self.factory, self.job_id, self.also = factory, job_id, also
        self.pending: dict | None = None
        self.last_written = 0.0

    def __call__(self, report: Any = None) -> None:
        if self.also is not None:
            self.also(report)
        if isinstance(report, dict):
            self.pending = report
            if time.monotonic() - self.last_written >= PROGRESS_EVERY:
                self.flush()

    def flush(self) -> None:
        if self.pending is not None:
            with self.factory() as session:
                service.record_progress(session, job_id=self.job_id, progress=self.pending)
            self.pending, self.last_written = None, time.monotonic()


def execute(
    factory: Factory, job: JobRead, *, worker: str, on_progress: Callable[[Any], None] | None = None
) -> str:
    """Run a job `worker` has claimed: done with the kind's result, or failed with why in Norwegian."""
    reporter = Reporter(factory, job.id, on_progress)
    result, failure = None, None
    with Heartbeat(factory, job.id, worker):
        try:
            result = kinds.runner(job.kind)(factory, job, reporter)
            reporter.flush()
        except DomainError as error:
            failure = error_text(error)
        except Exception as error:  # the job must end as failed whatever went wrong, and say so
            log.exception("Job %s (%s) failed", job.id, job.kind)
            failure = error_text(error)
        except BaseException:  # Ctrl+C or SIGTERM in the middle of the job: it cannot finish
            give_up(factory, worker=worker)
            raise
    with factory() as session:
        service.end(session, job_id=job.id, worker=worker, result=result, error=failure)
    return DONE if failure is None else FAILED


def tell_stopped(factory: Factory, given_up: list[JobRead]) -> None:
    """Each kind marks its own rows of a job that was given up (a roster job shows why it stopped)."""
    for job in given_up:
        log.warning("Job %s (%s) was given up: its worker stopped", job.id, job.kind)
        stopped = kinds.stopper(job.kind)
        if stopped is not None:
            stopped(factory, job)


def give_up(factory: Factory, *, worker: str | None = None) -> int:
    """Give up the jobs `worker` holds (it is stopping), or without `worker` every job whose heartbeat is
    older than STALE_AFTER; the number given up."""
    with factory() as session:
        found = (
            service.give_up_stale(session) if worker is None else service.give_up_own(session, worker=worker)
        )
    tell_stopped(factory, found)
    return len(found)


class Worker:
    """Claims and runs one job after another from the database behind `engine`."""

    def __init__(self, engine: Engine, *, role: str = "worker"):
        self.factory = session_factory(engine)
        self.id = service.identity(role)
        self.last_recovery: float | None = None

    def run_next(self) -> str | None:
        """Claim and run the oldest queued job: "done" or "failed", or None when the queue is empty.
        Stale jobs are given up first, at most every half STALE_AFTER."""
        if (
            self.last_recovery is None
            or time.monotonic() - self.last_recovery >= STALE_AFTER.total_seconds() / 2
        ):
            give_up(self.factory)
            self.last_recovery = time.monotonic()
        with self.factory() as session:
            job = service.claim(session, worker=self.id, kinds=list(kinds.KINDS))
        return None if job is None else execute(self.factory, job, worker=self.id)

    def drain(self) -> Counter:
        """Run jobs until the queue is empty; how many ended done and failed."""
        ended: Counter = Counter()
        while (status := self.run_next()) is not None:
            ended[status] += 1
        return ended


def run_here(engine: Engine, *, job_id: int, on_progress: Callable[[Any], None] | None = None) -> str:
    """Run, here and now, a job queued with `here` (the CLI's solve with its progress bar, `?wait=true`)."""
    factory = session_factory(engine)
    with factory() as session:
        job = service.get(session, job_id=job_id)
    assert job is not None and job.claimed_by is not None
    return execute(factory, job, worker=job.claimed_by, on_progress=on_progress)


# --- in the server process ------------------------------------------------------------------------


class InProcess:
    """A worker thread of this process: polls every `poll` seconds until stopped, or (poll None) drains the
    queue and ends, to be started again by the next `wake`."""

    def __init__(self, engine: Engine, poll: float | None):
        self.engine, self.poll = engine, poll
        self.worker = Worker(engine, role="in-process")
        self.stopping, self.woken = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._loop, name="jobs-worker", daemon=True)

    def _loop(self) -> None:
        try:
            while not self.stopping.is_set():
                try:
                    if self.worker.run_next() is not None:
                        continue
                except Exception:
                    log.exception("The job worker could not reach the queue")
                    if self.poll is None:
                        return
                with _lock:
                    if self.poll is None and not self.woken.is_set():
                        return
                self.woken.wait(self.poll)
                self.woken.clear()
        finally:
            with _lock:
                if _in_process.get(self.engine) is self:
                    del _in_process[self.engine]


_lock = threading.Lock()
_in_process: dict[Engine, InProcess] = {}


def runs_in_process() -> bool:
    """Jobs run in the server process unless LEGETJENESTE_JOBS_IN_PROCESS=false (`legetjeneste worker`)."""
    return get_settings().jobs_in_process


def _ensure(engine: Engine, poll: float | None) -> None:
    current = _in_process.get(engine)
    if current is not None and current.thread.is_alive():
        if poll is not None:
            current.poll = poll
        current.woken.set()
        return
    _in_process[engine] = started = InProcess(engine, poll)
    started.thread.start()


def start_in_process(engine: Engine | None = None, *, poll: float = POLL_EVERY) -> None:
    """On server start-up: a worker thread that gives up stale jobs, runs what is queued and then polls."""
    if runs_in_process():
        with _lock:
            _ensure(engine or get_engine(), poll)


def stop_in_process(engine: Engine | None = None, *, timeout: float = 5.0) -> None:
    """On shutdown: the worker stops after its current job; a job still running when the process ends is
    given up by the next worker once its heartbeat is stale."""
    with _lock:
        current = _in_process.pop(engine or get_engine(), None)
    if current is not None:
        current.stopping.set()
        current.woken.set()
        current.thread.join(timeout)


def lifespan(engine: Engine):
    """The web app's lifespan (`FastAPI(lifespan=jobs_worker.lifespan(engine))`): this process's worker
    runs while the app does."""

    @asynccontextmanager
    async def running(_app) -> AsyncIterator[None]:
        start_in_process(engine)
        try:
            yield
        finally:
            await asyncio.to_thread(stop_in_process, engine)

    return running


def wake(engine: Engine) -> None:
    """A job was queued: this process's worker takes it now (one is started when none runs)."""
    if runs_in_process():
        with _lock:
            _ensure(engine, None)


def wait_for(*, kind: str, record_id: int, timeout: float | None = None) -> None:
    """Until the newest job of the kind for its row has ended, while this process has a worker running
    (tests and scripts that started a job in the background)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while deadline is None or time.monotonic() < deadline:
        with _lock:
            engines = list(_in_process)
        pending = False
        for engine in engines:
            with session_factory(engine)() as session:
                job = service.find(session, kind=kind, record_id=record_id)
            pending = pending or (job is not None and job.status in (QUEUED, RUNNING))
        if not pending:
            return
        time.sleep(0.05)
