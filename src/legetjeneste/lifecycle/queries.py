"""Selects of life-cycle cases and their clocks; never commits."""

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


def case(session: Session, case_id: int) -> LifecycleCase | None:
    return session.scalar(select(LifecycleCase).options(*_CASE_OPTIONS).where(LifecycleCase.id == case_id))


def cases(
    session: Session, *, municipality_number: str, agreement_id: int | None = None
) -> list[LifecycleCase]:
    """Newest first."""
    query = (
        select(LifecycleCase)
        .options(*_CASE_OPTIONS)
        .where(LifecycleCase.municipality_number == municipality_number)
        .order_by(LifecycleCase.opened_on.desc(), LifecycleCase.id.desc())
    )
    if agreement_id is not None:
        query = query.where(LifecycleCase.agreement_id == agreement_id)
    return list(session.scalars(query))


def open_clocks(session: Session, *, municipality_number: str) -> list[LifecycleClock]:
    """Every clock not yet closed, earliest due first."""
    query = (
        select(LifecycleClock)
        .options(
            selectinload(LifecycleClock.case).selectinload(LifecycleCase.doctor),
        )
        .where(
            LifecycleClock.municipality_number == municipality_number,
            LifecycleClock.closed_on.is_(None),
        )
        .order_by(LifecycleClock.due, LifecycleClock.id)
    )
    return list(session.scalars(query))
