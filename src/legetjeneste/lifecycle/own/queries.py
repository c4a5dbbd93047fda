"""Selects of a GP's own life-cycle cases and clocks; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.lifecycle.models import LifecycleCase, LifecycleClock
from legetjeneste.registry.models import Agreement

_CASE_OPTIONS = (
    selectinload(LifecycleCase.steps),
    selectinload(LifecycleCase.clocks),
    selectinload(LifecycleCase.doctor),
    selectinload(LifecycleCase.agreement).selectinload(Agreement.office),
)


def cases_of_doctor(session: Session, *, doctor_id: int) -> list[LifecycleCase]:
    """The cases about the doctor, open first, newest first."""
    query = (
        select(LifecycleCase)
        .options(*_CASE_OPTIONS)
        .where(LifecycleCase.doctor_id == doctor_id)
        .order_by(LifecycleCase.status.desc(), LifecycleCase.opened_on.desc(), LifecycleCase.id.desc())
    )
    return list(session.scalars(query))


def open_clocks_of_doctor(session: Session, *, doctor_id: int) -> list[LifecycleClock]:
    """Every clock not yet closed in the doctor's cases, earliest due first."""
    query = (
        select(LifecycleClock)
        .join(LifecycleClock.case)
        .options(selectinload(LifecycleClock.case).selectinload(LifecycleCase.doctor))
        .where(LifecycleCase.doctor_id == doctor_id, LifecycleClock.closed_on.is_(None))
        .order_by(LifecycleClock.due, LifecycleClock.id)
    )
    return list(session.scalars(query))


def open_case(session: Session, *, agreement_id: int, kind: str) -> LifecycleCase | None:
    """An open case of the kind about the agreement, if there is one."""
    query = (
        select(LifecycleCase)
        .where(
            LifecycleCase.agreement_id == agreement_id,
            LifecycleCase.kind == kind,
            LifecycleCase.status == "open",
        )
        .order_by(LifecycleCase.id)
        .limit(1)
    )
    return session.scalar(query)


def lock_agreement(session: Session, agreement_id: int) -> None:
    """The agreement's row locked until the transaction ends (PostgreSQL; SQLite's write transaction already
    holds the one write lock), so two requests about it follow one another (docs/adr/0010)."""
    session.execute(select(Agreement.id).where(Agreement.id == agreement_id).with_for_update())
