"""Use cases of jobs: queue one (inside the caller's transaction), claim the next within the limit on
running jobs, wait for a job's turn, beat its heartbeat, record its progress and its end, and give up jobs
whose worker is gone. Only the worker and the features that queue work call these; a feature shows its own
jobs through its own service."""

import os
import socket
import uuid
from collections.abc import Collection
from datetime import UTC, date, datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy.orm import Session

from legetjeneste.dates import OSLO
from legetjeneste.db import write_transaction
from legetjeneste.jobs import kinds, queries
from legetjeneste.jobs.rules import (
    DONE,
    FAILED,
    QUEUED,
    RUNNING,
    STALE_AFTER,
    STOPPED,
    is_gone,
    is_pending,
    may_start,
    next_to_start,
)
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.settings import get_settings


def now_utc() -> datetime:
    return datetime.now(UTC)


@cache
def host() -> str:
    """This host as a claimer names it: the host name and, on Linux, the process namespace, so that only a
    process that can see a claimer's process judges whether it still exists."""
    try:
        namespace = f"/{os.stat('/proc/self/ns/pid').st_ino}"
    except OSError:
        namespace = ""
    return socket.gethostname()[:40].replace(":", "-") + namespace


def identity(role: str) -> str:
    """Who claims a job (`host:pid:role:tag`): host, process and a tag of this worker, shown in the row."""
    return f"{host()}:{os.getpid()}:{role}:{uuid.uuid4().hex[:8]}"


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def enqueue(
    session: Session,
    *,
    kind: str,
    record_id: int | None = None,
    municipality_number: str | None = None,
    payload: dict | None = None,
    here: bool = False,
    not_before: datetime | None = None,
) -> int:
    """Queue a job in the caller's transaction, so it exists exactly when the caller's work is committed.
    With `here` it is queued for the caller, who runs it itself when its turn comes (worker.run_here);
    with `not_before` no worker starts it before that time (a retry later)."""
    return queries.add(
        session,
        kind=kind,
        record_id=record_id,
        municipality_number=municipality_number,
        payload=payload or {},
        now=now_utc(),
        waited_for_by=identity("here") if here else None,
        not_before=not_before,
    ).id


def enqueue_daily(session: Session, *, today: date) -> list[int]:
    """Queue today's job of each daily kind (jobs/kinds.py) unless one was queued today (Oslo's day). Under
    the claim lock (SQLite: the write lock), so two workers starting at once queue one."""
    queued = []
    with write_transaction(session):
        queries.lock_claims(session)
        for kind in kinds.daily():
            newest = queries.newest_created(session, kind=kind)
            if newest is None or newest.astimezone(OSLO).date() < today:
                queued.append(enqueue(session, kind=kind))
    return queued


def is_queued_by(session: Session, *, kind: str, at: datetime) -> bool:
    """Whether a job of the kind already waits for a worker and may start by `at` (in the caller's
    transaction), so a caller need not queue another."""
    return queries.is_queued_by(session, kind=kind, at=at)


def is_running(session: Session, *, kind: str, record_id: int) -> bool:
    """Whether the newest job for the kind's row is still in hand (in the caller's transaction): queued, or
    run by a worker whose heartbeat is alive. False once its worker died, even before it is given up."""
    found = queries.of_record(session, kind=kind, record_id=record_id)
    return found is not None and is_pending(
        status=found.status, claimed_by=found.claimed_by, heartbeat_at=found.heartbeat_at, now=now_utc()
    )


def find(session: Session, *, kind: str, record_id: int) -> JobRead | None:
    with session.begin():
        found = queries.of_record(session, kind=kind, record_id=record_id)
        return None if found is None else JobRead.model_validate(found)


def get(session: Session, *, job_id: int) -> JobRead | None:
    with session.begin():
        found = queries.job(session, job_id)
        return None if found is None else JobRead.model_validate(found)


def limit() -> int:
    return get_settings().jobs_max_running


def claim(
    session: Session, *, worker: str, kinds: Collection[str], max_running: int | None = None
) -> JobRead | None:
    """The oldest queued job of these kinds that may start (JOBS-LIMIT: fewer than `max_running` jobs run
    in all processes together), claimed by `worker`; None when none may. What cannot start is seen with a
    read alone, so polling takes no write lock (SQLite has one writer at a time)."""
    most = max_running or limit()
    with session.begin():
        if not queries.has_queued(session, kinds=kinds, now=now_utc()) or _next(session, kinds, most) is None:
            return None
    with write_transaction(session):
        queries.lock_claims(session)
        found = _next(session, kinds, most)
        if found is None:
            return None
        claimed = queries.claim(session, job_id=found, worker=worker, now=now_utc())
        return None if claimed is None else JobRead.model_validate(claimed)


def _next(session: Session, kinds: Collection[str], most: int) -> int | None:
    running = queries.running(session, alive_since=now_utc() - STALE_AFTER)
    head = queries.head(session, kinds=kinds, size=most, now=now_utc()) if running < most else []
    return next_to_start(head=head, running=running, limit=most)


class Turn(NamedTuple):
    """A waiting caller's look at its job: claimed now (`job`), or how many jobs wait before it; `lost`
    when the job is no longer queued for the caller (it was given up)."""

    job: JobRead | None = None
    ahead: int = 0
    lost: bool = False


def take_turn(
    session: Session, *, job_id: int, worker: str, kinds: Collection[str], max_running: int | None = None
) -> Turn:
    """Claim the job queued for `worker` when its turn has come (JOBS-LIMIT), else say how many wait
    before it; a write lock is taken only when the turn has come."""
    most, kinds = max_running or limit(), set(kinds)
    with session.begin():
        turn = _turn(session, job_id, worker, kinds, most)
    if turn is not None:
        return turn
    with write_transaction(session):
        queries.lock_claims(session)
        turn = _turn(session, job_id, worker, kinds, most)
        if turn is not None:
            return turn
        claimed = queries.claim(session, job_id=job_id, worker=worker, now=now_utc(), own=True)
        return Turn(job=JobRead.model_validate(claimed)) if claimed else Turn(lost=True)


def _turn(session: Session, job_id: int, worker: str, kinds: set[str], most: int) -> Turn | None:
    """None when the job may be claimed now; else the Turn that says why not."""
    found = queries.job(session, job_id)
    if found is None or found.status != QUEUED or found.claimed_by != worker:
        return Turn(lost=True)
    kinds.add(found.kind)
    running = queries.running(session, alive_since=now_utc() - STALE_AFTER)
    head = queries.head(session, kinds=kinds, size=most, now=now_utc()) if running < most else []
    if may_start(job_id=job_id, head=head, running=running, limit=most):
        return None
    return Turn(ahead=queries.ahead_of(session, job_id=job_id, kinds=kinds, now=now_utc()))


def release(session: Session, *, job_id: int, worker: str) -> bool:
    """The caller stops waiting: its job is queued for any worker."""
    with session.begin():
        return queries.release(session, job_id=job_id, worker=worker)


def beat(session: Session, *, job_id: int, worker: str) -> bool:
    """The heartbeat of a job this worker runs or its caller waits for; False when the job is no longer
    theirs (it was given up meanwhile)."""
    with session.begin():
        return queries.beat(session, job_id=job_id, worker=worker, now=now_utc())


def record_progress(session: Session, *, job_id: int, progress: dict) -> None:
    with session.begin():
        queries.set_progress(session, job_id=job_id, progress=progress)


def end(
    session: Session, *, job_id: int, worker: str, result: dict | None = None, error: str | None = None
) -> bool:
    """Done with `result`, or failed with the Norwegian `error`; only while the job is still this worker's
    (it reads, then writes: a write transaction, so SQLite takes its write lock first)."""
    with write_transaction(session):
        found = queries.job(session, job_id)
        if found is None or found.status != RUNNING or found.claimed_by != worker:
            return False
        status = DONE if error is None else FAILED
        queries.end(session, found, status=status, now=now_utc(), result=result, error=error)
        return True


def give_up_stale(session: Session) -> list[JobRead]:
    """Jobs whose heartbeat stopped longer than STALE_AFTER ago, now failed: their worker (or the caller
    that waited for them) is gone. Found with a read, so a look that finds none takes no write lock."""
    before = now_utc() - STALE_AFTER
    with session.begin():
        if not queries.stale(session, before=before):
            return []
    with session.begin():
        ids = queries.give_up(session, now=now_utc(), error=STOPPED, before=before)
        return [JobRead.model_validate(queries.job(session, i)) for i in ids]


def give_up_gone(session: Session) -> list[JobRead]:
    """Jobs claimed by a process of this host that no longer exists (a crash, a kill, a restart), now
    failed at once, without waiting for their heartbeat to go stale."""
    with session.begin():
        gone = {
            job_id: by
            for job_id, by in queries.held(session)
            if is_gone(by, host=host(), process_exists=process_exists)
        }
    if not gone:
        return []
    with session.begin():
        ids = queries.give_up(session, now=now_utc(), error=STOPPED, held_by=gone)
        return [JobRead.model_validate(queries.job(session, i)) for i in ids]


def give_up_own(session: Session, *, worker: str) -> list[JobRead]:
    """The jobs `worker` still runs or waits for, now failed: it is stopping and cannot finish them."""
    with session.begin():
        ids = queries.give_up(session, now=now_utc(), error=STOPPED, worker=worker)
        return [JobRead.model_validate(queries.job(session, i)) for i in ids]


def stop(session: Session, *, job_id: int, worker: str, error: str) -> JobRead | None:
    """The job `worker` runs, now failed with `error` (it ran past its budget); None when it was no longer
    the worker's."""
    with session.begin():
        ids = queries.give_up(session, now=now_utc(), error=error, held_by={job_id: worker})
        return JobRead.model_validate(queries.job(session, ids[0])) if ids else None
