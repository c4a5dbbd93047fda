"""Selects of swaps: a swap under lock, the published roster that holds a day, the open swaps of a shift,
a doctor's swaps and the swaps awaiting approval; never commits."""

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.legevakt.schemes.models import Participant, Scheme
from legetjeneste.legevakt.swaps.models import Swap
from legetjeneste.legevakt.swaps.rules import OPEN
from legetjeneste.registry.models import Doctor


def swap(session: Session, swap_id: int) -> Swap | None:
    return session.get(Swap, swap_id)


def lock_swap(session: Session, swap_id: int) -> Swap | None:
    """The swap as the database holds it now, its row taken until the transaction ends: answers and
    approvals of one swap take turns, and the second sees what the first decided (docs/adr/0010)."""
    query = select(Swap).where(Swap.id == swap_id).with_for_update()
    return session.scalar(query.execution_options(populate_existing=True))


def lock_scheme(session: Session, scheme_id: int) -> None:
    """The scheme's row, taken as `publish` takes it: new versions of the scheme's rosters take turns, so
    each swap is checked against the roster the one before made (LV-ALWAYS)."""
    session.execute(select(Scheme.id).where(Scheme.id == scheme_id).with_for_update(key_share=True))


def lock_assignment(session: Session, assignment_id: int) -> RosterAssignment | None:
    """A shift, its row taken: proposals of one shift take turns (one open swap per shift)."""
    query = select(RosterAssignment).where(RosterAssignment.id == assignment_id).with_for_update()
    return session.scalar(query.execution_options(populate_existing=True))


def assignment(session: Session, assignment_id: int) -> RosterAssignment | None:
    return session.get(RosterAssignment, assignment_id)


def doctor(session: Session, doctor_id: int) -> Doctor | None:
    return session.get(Doctor, doctor_id)


def published_on(session: Session, *, scheme_id: int, day: date) -> Roster | None:
    """The scheme's published roster that holds the day, read afresh."""
    query = select(Roster).where(
        Roster.scheme_id == scheme_id,
        Roster.status == "published",
        Roster.start_date <= day,
        Roster.end_date >= day,
    )
    return session.scalar(query.execution_options(populate_existing=True))


def open_swaps_of_shift(session: Session, *, scheme_id: int, shift_key: str) -> list[Swap]:
    """The swaps not yet decided that give away or take the shift (by its key in any version)."""
    mine, theirs = aliased(RosterAssignment), aliased(RosterAssignment)
    query = (
        select(Swap)
        .join(mine, Swap.shift_id == mine.id)
        .outerjoin(theirs, Swap.their_shift_id == theirs.id)
        .where(
            Swap.scheme_id == scheme_id,
            Swap.status.in_(OPEN),
            or_(mine.shift_key == shift_key, theirs.shift_key == shift_key),
        )
    )
    return list(session.scalars(query))


def participants_on(session: Session, *, scheme_id: int, day: date) -> list[Participant]:
    """The scheme's participants on the day, with more than 0 % participation."""
    query = select(Participant).where(
        Participant.scheme_id == scheme_id,
        Participant.start <= day,
        or_(Participant.end.is_(None), Participant.end >= day),
        Participant.participation_percentage > 0,
    )
    return list(session.scalars(query))


def schemes_of_doctor(session: Session, *, doctor_id: int) -> list[int]:
    query = select(Participant.scheme_id).where(Participant.doctor_id == doctor_id).distinct()
    return list(session.scalars(query))


def swaps_of_doctor(session: Session, *, doctor_id: int, scheme_ids: list[int], since: date) -> list[Swap]:
    """The doctor's swaps (proposed by or to them) and the open offers in the doctor's schemes, of shifts
    from `since` on, newest first."""
    query = (
        select(Swap)
        .join(RosterAssignment, Swap.shift_id == RosterAssignment.id)
        .where(
            RosterAssignment.on >= since,
            or_(
                Swap.from_doctor_id == doctor_id,
                Swap.to_doctor_id == doctor_id,
                (Swap.status == "open") & Swap.scheme_id.in_(scheme_ids),
            ),
        )
        .order_by(Swap.proposed_at.desc(), Swap.id.desc())
    )
    return list(session.scalars(query))


def awaiting(session: Session, *, scheme_id: int) -> list[Swap]:
    """The scheme's swaps both doctors agreed to, awaiting the municipality, oldest first."""
    query = select(Swap).where(Swap.scheme_id == scheme_id, Swap.status == "accepted")
    return list(session.scalars(query.order_by(Swap.answered_at, Swap.id)))
