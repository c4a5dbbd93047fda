"""The worker: claims queued jobs from the database and runs them, one at a time (jobs/execution.py runs
one, with its heartbeat and budget), within the limit on jobs running at once in all processes
(LEGETJENESTE_JOBS_MAX_RUNNING, JOBS-LIMIT).

It runs in the server process by default: `start_in_process` on start-up polls the queue, and `wake`
after a job is queued takes the job at once (and starts a worker that drains the queue when none runs,
so a process without the start-up hook still runs its jobs). Where several server processes run, set
LEGETJENESTE_JOBS_IN_PROCESS=false and run `legetjeneste worker` instead. Each look at the queue first gives
up the jobs whose worker is gone: at once a process of this host that no longer exists, else once the
heartbeat is older than STALE_AFTER (docs/adr/0008). A caller that runs its job here (`run_here`) waits for
its turn in the same queue.
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

from legetjeneste.dates import today_oslo
from legetjeneste.db import get_engine, session_factory
from legetjeneste.jobs import kinds, service
from legetjeneste.jobs.execution import execute, give_up_own, recover, tell_on_stderr
from legetjeneste.jobs.rules import FAILED, HEARTBEAT_EVERY, QUEUED, RUNNING, queue_text
from legetjeneste.settings import get_settings

log = logging.getLogger(__name__)
POLL_EVERY = 2.0
#: How often a caller that waits for its job's turn looks again.
WAIT_EVERY = 0.5


class Worker:
    """Claims and runs one job after another from the database behind `engine`."""

    def __init__(self, engine: Engine, *, role: str = "worker"):
        self.factory = session_factory(engine)
        self.id = service.identity(role)

    def run_next(self) -> str | None:
        """Give up the jobs whose worker is gone, then claim and run the oldest queued job that may start:
        "done" or "failed", or None when none may (the queue is empty or the limit is reached)."""
        recover(self.factory)
        with self.factory() as session:
            job = service.claim(session, worker=self.id, kinds=list(kinds.KINDS))
        return None if job is None else execute(self.factory, job, worker=self.id)

    def drain(self) -> Counter:
        """Run jobs until none may start; how many ended done and failed."""
        ended: Counter = Counter()
        while (status := self.run_next()) is not None:
            ended[status] += 1
        return ended


class Daily:
    """Queues the day's job of each daily kind (jobs/kinds.py: the deadline reminders) when a polling worker
    starts and when Oslo's date has changed since; it looks at the database once a day per process."""

    def __init__(self, factory):
        self.factory = factory
        self.day = None

    def look(self) -> None:
        today = today_oslo()
        if self.day == today or not kinds.daily():
            return
        with self.factory() as session:
            service.enqueue_daily(session, today=today)
        self.day = today


def run_here(
    engine: Engine,
    *,
    job_id: int,
    on_progress: Callable[[Any], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    patience: float | None = None,
) -> str:
    """Run, here, a job queued with `here` (the CLI's solve with its progress bar, `?wait=true`) when its
    turn comes (JOBS-LIMIT): "done" or "failed", or "queued" when the caller stopped waiting.

    Until its turn the caller waits in the queue, beating the job's heartbeat, and is told «I kø – N jobber
    før denne» through `on_wait` (by default a line on stderr). After `patience` seconds it stops waiting and
    leaves the job to the workers. Without `patience`, a caller that follows the progress (the command
    line) waits for its turn, and one that does not (the API's wait=true) does not wait at all: it is
    answered with the queued job."""
    factory = session_factory(engine)
    with factory() as session:
        job = service.get(session, job_id=job_id)
    assert job is not None and job.claimed_by is not None
    worker = job.claimed_by
    if patience is None and on_progress is None:
        patience = 0.0
    try:
        turn = _wait_for_turn(factory, job_id, worker, on_wait or tell_on_stderr, patience)
    except BaseException:  # Ctrl+C while waiting: the job will not be run
        give_up_own(factory, worker=worker)
        raise
    if turn is None:
        wake(engine)
        return QUEUED
    if turn.job is None:
        return FAILED
    return execute(factory, turn.job, worker=worker, on_progress=on_progress)


def _wait_for_turn(
    factory, job_id: int, worker: str, tell: Callable[[str], None], patience: float | None
) -> service.Turn | None:
    """The turn that claimed the job (or found it lost); None when the caller stopped waiting and the job
    is queued for any worker."""
    deadline = None if patience is None else time.monotonic() + patience
    told, beaten = None, time.monotonic()
    while True:
        with factory() as session:
            turn = service.take_turn(session, job_id=job_id, worker=worker, kinds=list(kinds.KINDS))
        if turn.job is not None or turn.lost:
            return turn
        if deadline is not None and time.monotonic() >= deadline:
            with factory() as session:
                if service.release(session, job_id=job_id, worker=worker):
                    return None
            continue
        if turn.ahead != told:
            tell(queue_text(turn.ahead))
            told = turn.ahead
        time.sleep(WAIT_EVERY)
        if time.monotonic() - beaten >= HEARTBEAT_EVERY.total_seconds() / 2:
            with factory() as session:
                service.beat(session, job_id=job_id, worker=worker)
            beaten = time.monotonic()


# --- in the server process ------------------------------------------------------------------------


class InProcess:
    """A worker thread of this process: polls every `poll` seconds until stopped, or (poll None) drains the
    queue and ends, to be started again by the next `wake`."""

    def __init__(self, engine: Engine, poll: float | None):
        self.engine, self.poll = engine, poll
        self.worker = Worker(engine, role="in-process")
        self.daily = Daily(self.worker.factory)
        self.stopping, self.woken = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._loop, name="jobs-worker", daemon=True)

    def _loop(self) -> None:
        try:
            while not self.stopping.is_set():
                try:
                    if self.poll is not None:  # a polling worker (the server's), not one a wake started
                        self.daily.look()
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
    given up by the next worker that looks: at once on this host (the process no longer exists), else once
    its heartbeat is stale."""
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
