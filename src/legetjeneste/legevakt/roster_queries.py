"""Selects for rosters and their files; never commits."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.legevakt.roster_models import Roster, RosterAssignment


def next_version(session: Session, *, scheme_id: int, start: date) -> int:
    found = session.scalar(
        select(func.max(Roster.version)).where(Roster.scheme_id == scheme_id, Roster.start_date == start)
    )
    return (found or 0) + 1


def rosters(session: Session, *, scheme_id: int) -> list[Roster]:
    """The scheme's roster versions, newest period and version first."""
    return list(
        session.scalars(
            select(Roster)
            .options(selectinload(Roster.assignments))
            .where(Roster.scheme_id == scheme_id)
            .order_by(Roster.start_date.desc(), Roster.version.desc())
        )
    )


def published_overlapping(session: Session, *, scheme_id: int, start: date, end: date) -> list[Roster]:
    return list(
        session.scalars(
            select(Roster).where(
                Roster.scheme_id == scheme_id,
                Roster.status == "published",
                Roster.start_date <= end,
                Roster.end_date >= start,
            )
        )
    )


def published_assignments(
    session: Session,
    *,
    since: date,
    scheme_id: int | None = None,
    doctor_id: int | None = None,
    municipality_number: str | None = None,
) -> list[RosterAssignment]:
    """Shifts of published rosters from `since` on, of one scheme or one doctor, in time order."""
    query = (
        select(RosterAssignment)
        .join(Roster)
        .options(selectinload(RosterAssignment.doctor), selectinload(RosterAssignment.roster))
        .where(Roster.status == "published", RosterAssignment.on >= since)
        .order_by(RosterAssignment.starts_at, RosterAssignment.id)
    )
    if scheme_id is not None:
        query = query.where(Roster.scheme_id == scheme_id)
    if doctor_id is not None:
        query = query.where(RosterAssignment.doctor_id == doctor_id)
    if municipality_number is not None:
        query = query.where(Roster.municipality_number == municipality_number)
    return list(session.scalars(query))
