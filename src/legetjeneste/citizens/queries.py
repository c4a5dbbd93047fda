"""The citizen register's shared reads and the one way a citizen moves from list to list.

`move` is called inside the caller's transaction by every use case that moves a citizen (a switch, the
waiting list, an assignment, a list reduction's draw, a vacant list's distribution, a threat decision), so
that a membership never overlaps another and every move carries its reason and cause."""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.citizens.models import Membership


def membership_on(session: Session, *, citizen_id: int, on: date) -> Membership | None:
    """The citizen's place on a list on the day, if any."""
    query = select(Membership).where(
        Membership.citizen_id == citizen_id,
        Membership.start <= on,
        (Membership.end.is_(None)) | (Membership.end >= on),
    )
    return session.scalars(query).first()


def memberships(session: Session, *, citizen_id: int) -> list[Membership]:
    """The citizen's list history, earliest first."""
    query = select(Membership).where(Membership.citizen_id == citizen_id).order_by(Membership.start)
    return list(session.scalars(query))


def move(
    session: Session,
    *,
    citizen_id: int,
    agreement_id: int | None,
    start: date,
    reason: str,
    cause: str | None = None,
) -> Membership | None:
    """From `start` on, the citizen is on `agreement_id`'s list (None: on no list), for `reason`.

    The place held on `start` ends the day before with the same reason; a place that would only have begun
    on or after `start` (a switch booked for a later 1st) is cancelled, since this move replaces it."""
    for later in session.scalars(
        select(Membership).where(Membership.citizen_id == citizen_id, Membership.start >= start)
    ):
        session.delete(later)
    current = membership_on(session, citizen_id=citizen_id, on=start - timedelta(days=1))
    if current is not None and (current.end is None or current.end >= start):
        current.end = start - timedelta(days=1)
        current.end_reason = reason
    if agreement_id is None:
        session.flush()
        return None
    placed = Membership(
        citizen_id=citizen_id, agreement_id=agreement_id, start=start, begin_reason=reason, cause=cause
    )
    session.add(placed)
    session.flush()
    return placed
