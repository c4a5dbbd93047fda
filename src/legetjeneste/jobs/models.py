"""The job table: long work (a roster solve, later national runs, list processing, e-mail) that a worker
claims and runs outside the web request."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class Job(Base):
    """One piece of work of a registered kind. `queued` → `running` (claimed by one worker, which beats its
    heartbeat) → `done` or `failed` with a Norwegian `error`. A kind that keeps its own data (the roster
    solve keeps `roster_job`) names its row in `record_id`; the rest goes in `payload`. A job queued with
    `not_before` (an e-mail's next try) starts no earlier than that; until then no worker sees it.

    Times are UTC: heartbeats are compared across processes and must not jump with summer time. SQLite keeps
    no zone, so the columns say theirs (`info`), for a backup restored into PostgreSQL (backup/rules.py)."""

    __tablename__ = "job"
    __table_args__ = (Index("ix_job_kind_record_id", "kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    municipality_number: Mapped[str | None] = mapped_column(ForeignKey("municipality.number"), index=True)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), index=True)
    progress: Mapped[dict | None] = mapped_column(JSON)
    result: Mapped[dict | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(String(1000))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    heartbeat_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    not_before: Mapped[datetime | None] = mapped_column(Timestamp)
    started_at: Mapped[datetime | None] = mapped_column(Timestamp)
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp)
