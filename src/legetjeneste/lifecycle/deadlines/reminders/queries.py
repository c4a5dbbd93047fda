"""Selects and inserts of deadline reminders; never commits."""

from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from legetjeneste.lifecycle.deadlines.reminders.models import DeadlineReminder
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleClock

_TABLE = cast(Table, DeadlineReminder.__table__)


def clocks_due(
    session: Session, *, first: date, last: date, municipality_number: str | None
) -> list[LifecycleClock]:
    """Open clocks due from `first` to `last` in cases about a doctor (all municipalities when None),
    earliest first, with their case and doctor."""
    query = (
        select(LifecycleClock)
        .join(LifecycleClock.case)
        .options(selectinload(LifecycleClock.case).selectinload(LifecycleCase.doctor))
        .where(
            LifecycleClock.closed_on.is_(None),
            LifecycleClock.due >= first,
            LifecycleClock.due <= last,
            LifecycleCase.doctor_id.is_not(None),
        )
        .order_by(LifecycleClock.due, LifecycleClock.id)
    )
    if municipality_number is not None:
        query = query.where(LifecycleClock.municipality_number == municipality_number)
    return list(session.scalars(query))


def claim(session: Session, *, clock: LifecycleClock, now: datetime) -> int | None:
    """The reminder of the clock at its due date, inserted unless it exists: its id, or None when it was
    already told. ON CONFLICT DO NOTHING, so a run told at the same moment is waited for, not failed."""
    make = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        make(_TABLE)
        .values(
            clock_id=clock.id,
            municipality_number=clock.municipality_number,
            due_date=clock.due,
            told_at=now,
            notices=0,
        )
        .on_conflict_do_nothing(index_elements=["clock_id", "due_date"])
        .returning(_TABLE.c.id)
    )
    row = session.execute(statement).first()
    return None if row is None else row[0]


def set_notices(session: Session, reminder_id: int, notices: int) -> None:
    session.execute(update(_TABLE).where(_TABLE.c.id == reminder_id).values(notices=notices))


def forget(session: Session, reminder_id: int) -> None:
    """No one could be told (the doctor has no user yet): a later run tries again."""
    session.execute(delete(_TABLE).where(_TABLE.c.id == reminder_id))


def told(session: Session, *, clock_id: int) -> list[DeadlineReminder]:
    query = select(DeadlineReminder).where(DeadlineReminder.clock_id == clock_id)
    return list(session.scalars(query.order_by(DeadlineReminder.id)))
