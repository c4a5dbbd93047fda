"""Use cases of jobs: queue one (inside the caller's transaction), claim the next, beat its heartbeat,
record its progress and its end, and give up jobs whose worker is gone. Only the worker and the features
that queue work call these; a feature shows its own jobs through its own service."""

import os
import socket
import uuid
from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.jobs import queries
from legetjeneste.jobs.rules import DONE, FAILED, RUNNING, STALE_AFTER, STOPPED, is_alive
from legetjeneste.jobs.schemas import JobRead


def now_utc() -> datetime:
    return datetime.now(UTC)


def identity(role: str) -> str:
    """Who claims a job: host, process and a tag of this worker, shown in the job row."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{role}:{uuid.uuid4().hex[:8]}"


def enqueue(
    session: Session,
    *,
    kind: str,
    record_id: int | None = None,
    municipality_number: str | None = None,
    payload: dict | None = None,
    here: bool = False,
) -> int:
    """Queue a job in the caller's transaction, so it exists exactly when the caller's work is committed.
    With `here` it is claimed for the caller, who runs it right after the commit (worker.run_here)."""
    return queries.add(
        session,
        kind=kind,
        record_id=record_id,
        municipality_number=municipality_number,
        payload=payload or {},
        now=now_utc(),
        claimed_by=identity("here") if here else None,
    ).id


def is_running(session: Session, *, kind: str, record_id: int) -> bool:
    """Whether a worker still runs the newest job for the kind's row (in the caller's transaction)."""
    found = queries.of_record(session, kind=kind, record_id=record_id)
    return found is not None and is_alive(status=found.status, heartbeat_at=found.heartbeat_at, now=now_utc())


def find(session: Session, *, kind: str, record_id: int) -> JobRead | None:
    with session.begin():
        found = queries.of_record(session, kind=kind, record_id=record_id)
        return None if found is None else JobRead.model_validate(found)


def get(session: Session, *, job_id: int) -> JobRead | None:
    with session.begin():
        found = queries.job(session, job_id)
        return None if found is None else JobRead.model_validate(found)


def claim(session: Session, *, worker: str, kinds: Collection[str]) -> JobRead | None:
    """The oldest queued job of these kinds, claimed by `worker`; None when the queue is empty. An empty
    queue is seen with a read alone, so polling takes no write lock (SQLite has one writer at a time)."""
    with session.begin():
        if not queries.has_queued(session, kinds=list(kinds)):
            return None
    with session.begin():
        found = queries.claim_next(session, kinds=list(kinds), worker=worker, now=now_utc())
        return None if found is None else JobRead.model_validate(found)


def beat(session: Session, *, job_id: int, worker: str) -> bool:
    """False when the job is no longer this worker's (it was given up as stale meanwhile)."""
    with session.begin():
        return queries.beat(session, job_id=job_id, worker=worker, now=now_utc())


def record_progress(session: Session, *, job_id: int, progress: dict) -> None:
    with session.begin():
        queries.set_progress(session, job_id=job_id, progress=progress)


def end(
    session: Session, *, job_id: int, worker: str, result: dict | None = None, error: str | None = None
) -> bool:
    """Done with `result`, or failed with the Norwegian `error`; only while the job is still this worker's."""
    with session.begin():
        found = queries.job(session, job_id)
        if found is None or found.status != RUNNING or found.claimed_by != worker:
            return False
        status = DONE if error is None else FAILED
        queries.end(session, found, status=status, now=now_utc(), result=result, error=error)
        return True


def give_up_stale(session: Session) -> list[JobRead]:
    """Running jobs whose heartbeat stopped longer than STALE_AFTER ago, now failed: their worker is gone."""
    now = now_utc()
    with session.begin():
        ids = queries.give_up(session, now=now, error=STOPPED, before=now - STALE_AFTER)
        return [JobRead.model_validate(queries.job(session, i)) for i in ids]


def give_up_own(session: Session, *, worker: str) -> list[JobRead]:
    """The jobs `worker` still runs, now failed: the worker is stopping and cannot finish them."""
    with session.begin():
        ids = queries.give_up(session, now=now_utc(), error=STOPPED, worker=worker)
        return [JobRead.model_validate(queries.job(session, i)) for i in ids]
