"""Selects and updates of the job table; never commits.

Claims are serialized: on PostgreSQL the claiming transaction first takes a transaction-level advisory lock
(CLAIM_LOCK), on SQLite it is a write transaction (BEGIN IMMEDIATE, db.write_transaction), so the count of
running jobs a claim reads cannot change before the claim commits. Each UPDATE keeps its own condition on
the status as well, so a row changed meanwhile by another writer (a give-up) is never claimed.
"""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, text, update
from sqlalchemy.orm import Session

from legetjeneste.jobs.models import Job
from legetjeneste.jobs.rules import FAILED, QUEUED, RUNNING

#: pg_advisory_xact_lock key of the job claims (any constant no other lock of the application uses).
CLAIM_LOCK = 8_100_001
#: A job that holds a place or waits for its caller: running, or queued and claimed by a waiting caller.
HELD = or_(Job.status == RUNNING, (Job.status == QUEUED) & Job.claimed_by.is_not(None))


def due(now: datetime) -> ColumnElement[bool]:
    """A queued job may start now: it was queued without `not_before`, or that time has come."""
    return or_(Job.not_before.is_(None), Job.not_before <= now)


def add(
    session: Session,
    *,
    kind: str,
    record_id: int | None,
    municipality_number: str | None,
    payload: dict,
    now: datetime,
    waited_for_by: str | None = None,
    not_before: datetime | None = None,
) -> Job:
    """A queued job; with `waited_for_by` it is queued for that caller, who runs it itself when its turn
    comes (and beats its heartbeat while it waits); with `not_before` it starts no earlier than that."""
    job = Job(
        kind=kind,
        record_id=record_id,
        municipality_number=municipality_number,
        payload=payload,
        status=QUEUED,
        attempts=0,
        claimed_by=waited_for_by,
        heartbeat_at=None if waited_for_by is None else now,
        created_at=now,
        not_before=not_before,
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


def newest_created(session: Session, *, kind: str) -> datetime | None:
    """When the newest job of the kind was queued (None when none was)."""
    return session.scalar(select(Job.created_at).where(Job.kind == kind).order_by(Job.id.desc()).limit(1))


def has_queued(session: Session, *, kinds: Collection[str], now: datetime) -> bool:
    query = select(Job.id).where(Job.status == QUEUED, Job.kind.in_(kinds), due(now)).limit(1)
    return session.scalar(query) is not None


def is_queued_by(session: Session, *, kind: str, at: datetime) -> bool:
    """Whether a job of the kind waits in the queue for any worker and may start by `at`."""
    query = select(Job.id).where(Job.status == QUEUED, Job.kind == kind, Job.claimed_by.is_(None), due(at))
    return session.scalar(query.limit(1)) is not None


def lock_claims(session: Session) -> None:
    """Wait for the claims of other transactions to commit (PostgreSQL; on SQLite the write transaction
    already holds the one write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CLAIM_LOCK})


def running(session: Session, *, alive_since: datetime) -> int:
    """How many jobs run now: running, with a heartbeat since `alive_since` (a job whose worker died
    holds no place, even before it is given up)."""
    query = select(func.count()).where(Job.status == RUNNING, Job.heartbeat_at >= alive_since)
    return session.scalar(query) or 0


def head(session: Session, *, kinds: Collection[str], size: int, now: datetime) -> list[tuple[int, bool]]:
    """The oldest `size` queued jobs of these kinds that may start now, as (id, whether a caller waits to
    run it itself)."""
    query = select(Job.id, Job.claimed_by).where(Job.status == QUEUED, Job.kind.in_(kinds), due(now))
    return [(found, by is not None) for found, by in session.execute(query.order_by(Job.id).limit(size))]


def ahead_of(session: Session, *, job_id: int, kinds: Collection[str], now: datetime) -> int:
    """How many queued jobs of these kinds that may start now wait before the job."""
    query = select(func.count()).where(Job.status == QUEUED, Job.kind.in_(kinds), Job.id < job_id, due(now))
    return session.scalar(query) or 0


def claim(session: Session, *, job_id: int, worker: str, now: datetime, own: bool = False) -> Job | None:
    """The queued job, now running and claimed by `worker`: one no caller waits for, or (`own`) the one
    queued for `worker` itself; None when it is no longer so."""
    owner = Job.claimed_by == worker if own else Job.claimed_by.is_(None)
    claimed = session.scalar(
        update(Job)
        .where(Job.id == job_id, Job.status == QUEUED, owner)
        .values(
            status=RUNNING, claimed_by=worker, started_at=now, heartbeat_at=now, attempts=Job.attempts + 1
        )
        .returning(Job.id)
    )
    return None if claimed is None else job(session, claimed)


def release(session: Session, *, job_id: int, worker: str) -> bool:
    """The job queued for `worker` is now queued for any worker (its caller stops waiting)."""
    found = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == QUEUED, Job.claimed_by == worker)
        .values(claimed_by=None, heartbeat_at=None)
    )
    return found.rowcount == 1  # type: ignore[attr-defined]


def beat(session: Session, *, job_id: int, worker: str, now: datetime) -> bool:
    """The heartbeat of a job this worker runs or waits to run; False when the job is no longer ours."""
    found = session.execute(
        update(Job).where(Job.id == job_id, HELD, Job.claimed_by == worker).values(heartbeat_at=now)
    )
    return found.rowcount == 1  # type: ignore[attr-defined]


def held(session: Session) -> list[tuple[int, str]]:
    """Every job that holds a place or waits for its caller, as (id, claimed by)."""
    return [(found, str(by)) for found, by in session.execute(select(Job.id, Job.claimed_by).where(HELD))]


def stale(session: Session, *, before: datetime) -> list[int]:
    """The jobs held by a worker or a waiting caller whose heartbeat stopped before `before`."""
    return list(session.scalars(select(Job.id).where(HELD, Job.heartbeat_at < before)))


def give_up(
    session: Session,
    *,
    now: datetime,
    error: str,
    before: datetime | None = None,
    worker: str | None = None,
    held_by: dict[int, str] | None = None,
) -> list[int]:
    """Jobs that lost their worker (or waiting caller), now failed with `error`: those whose heartbeat
    stopped before `before`, those `worker` held, or those in `held_by` still held by the same claimer.
    One UPDATE each, so of two workers giving up at once only one gets each job."""
    query = update(Job).where(HELD).values(status=FAILED, error=error, finished_at=now).returning(Job.id)
    if before is not None:
        return list(session.scalars(query.where(Job.heartbeat_at < before)))
    if worker is not None:
        return list(session.scalars(query.where(Job.claimed_by == worker)))
    found: list[int] = []
    for job_id, claimed_by in (held_by or {}).items():
        found += session.scalars(query.where(Job.id == job_id, Job.claimed_by == claimed_by))
    return found


def end(
    session: Session, found: Job, *, status: str, now: datetime, result: dict | None, error: str | None
) -> None:
    found.status, found.finished_at, found.heartbeat_at = status, now, now
    found.result = result
    found.error = None if error is None else error[:1000]


def set_progress(session: Session, *, job_id: int, progress: dict) -> None:
    session.execute(update(Job).where(Job.id == job_id).values(progress=progress))
