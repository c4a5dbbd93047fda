"""Selects and updates of the job table; never commits.

Claiming is one UPDATE whose subquery picks the oldest queued job. On PostgreSQL the subquery takes the
row with FOR UPDATE SKIP LOCKED, so concurrent workers each get a different job without waiting; SQLite
has one writer at a time, so the UPDATE's own `status = 'queued'` condition makes the claim exclusive.
"""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from legetjeneste.jobs.models import Job
from legetjeneste.jobs.rules import FAILED, QUEUED, RUNNING


def add(
    session: Session,
    *,
    kind: str,
    record_id: int | None,
    municipality_number: str | None,
    payload: dict,
    now: datetime,
    claimed_by: str | None = None,
) -> Job:
    """A queued job; with `claimed_by` it is running already, claimed by the caller (who runs it now)."""
    job = Job(
        kind=kind,
        record_id=record_id,
        municipality_number=municipality_number,
        payload=payload,
        status=QUEUED if claimed_by is None else RUNNING,
        attempts=0 if claimed_by is None else 1,
        claimed_by=claimed_by,
        heartbeat_at=None if claimed_by is None else now,
        started_at=None if claimed_by is None else now,
        created_at=now,
    )
    session.add(job)
    session.flush()
    return job


def job(session: Session, job_id: int) -> Job | None:
    return session.get(Job, job_id, populate_existing=True)


def of_record(session: Session, *, kind: str, record_id: int) -> Job | None:
    """The newest job of the kind for its own row (a roster solve's `roster_job`)."""
    query = select(Job).where(Job.kind == kind, Job.record_id == record_id).order_by(Job.id.desc()).limit(1)
    return session.scalar(query)


def has_queued(session: Session, *, kinds: Collection[str]) -> bool:
    query = select(Job.id).where(Job.status == QUEUED, Job.kind.in_(kinds)).limit(1)
    return session.scalar(query) is not None


def claim_next(session: Session, *, kinds: Collection[str], worker: str, now: datetime) -> Job | None:
    """The oldest queued job of these kinds, now running and claimed by `worker`; None when none is left."""
    oldest = (
        select(Job.id)
        .where(Job.status == QUEUED, Job.kind.in_(kinds))
        .order_by(Job.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    claimed = session.scalar(
        update(Job)
        .where(Job.id == oldest, Job.status == QUEUED)
        .values(
            status=RUNNING, claimed_by=worker, started_at=now, heartbeat_at=now, attempts=Job.attempts + 1
        )
        .returning(Job.id)
    )
    return None if claimed is None else job(session, claimed)


def beat(session: Session, *, job_id: int, worker: str, now: datetime) -> bool:
    """The heartbeat of a job this worker runs; False when the job is no longer ours (given up as stale)."""
    found = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == RUNNING, Job.claimed_by == worker)
        .values(heartbeat_at=now)
    )
    return found.rowcount == 1  # type: ignore[attr-defined]


def give_up(
    session: Session, *, now: datetime, error: str, before: datetime | None = None, worker: str | None = None
) -> list[int]:
    """Running jobs that lost their worker, now failed with `error`: those whose heartbeat stopped before
    `before`, or those `worker` held. One UPDATE, so of two workers giving up at once only one gets each."""
    query = update(Job).where(Job.status == RUNNING)
    if before is not None:
        query = query.where(Job.heartbeat_at < before)
    if worker is not None:
        query = query.where(Job.claimed_by == worker)
    values = {"status": FAILED, "error": error, "finished_at": now}
    return list(session.scalars(query.values(**values).returning(Job.id)))


def end(
    session: Session, found: Job, *, status: str, now: datetime, result: dict | None, error: str | None
) -> None:
    found.status, found.finished_at, found.heartbeat_at = status, now, now
    found.result = result
    found.error = None if error is None else error[:1000]


def set_progress(session: Session, *, job_id: int, progress: dict) -> None:
    session.execute(update(Job).where(Job.id == job_id).values(progress=progress))
