"""A citizen's places on lists, and the one way a citizen moves from list to list.

`move` is called inside the caller's transaction by every use case that moves a citizen (a switch, the
waiting list, an assignment, a list reduction's draw, a vacant list's distribution, a threat decision), so
that a membership never overlaps another and every move carries its reason and cause, and keeps each
list's length with it (`citizens.lengths`, docs/adr/0014)."""

from collections import Counter
from datetime import date, timedelta
from functools import cache

from sqlalchemy import Date, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from legetjeneste.citizens import rules
from legetjeneste.citizens.lengths import queries as lengths
from legetjeneste.citizens.models import Citizen, Membership


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
    citizen_locked: bool = False,
) -> None:
    """From `start` on, the citizen is on `agreement_id`'s list (None: on no list), for `reason`.

    The place held on `start` ends the day before with the same reason; a place that would only have begun
    on or after `start` (a switch booked for a later 1st) is cancelled, since this move replaces it. The
    citizen's row is locked first (`lock_citizen`, unless the caller already holds it): a second move of the
    citizen waits and then reads the places as the first left them, so no two places overlap and each move
    changes the list lengths by exactly the places it changed. Written with Core statements (a switch's hot
    path); places of the citizen already loaded as objects in the session are brought up to date with them."""
    if not citizen_locked:
        lock_citizen(session, citizen_id)
    changes: Counter[tuple[int, date]] = Counter()
    # Every place ending on or after `start`: the one held the day before (no two overlap) and later ones.
    held = session.execute(_held_statement(), {"citizen": citizen_id, "start": start}).all()
    cancelled = [place.id for place in held if place.start >= start]
    ended = [place.id for place in held if place.start < start]
    for place in held:
        first = place.start if place.start >= start else start
        changes.subtract(rules.length_changes([(place.agreement_id, first, place.end)]))
    last_day = start - timedelta(days=1)
    if cancelled:
        session.execute(_cancel_statement(), {"ids": cancelled})
    for place_id in ended:  # one at most: no two places overlap
        session.execute(_end_statement(), {"place": place_id, "last": last_day, "why": reason})
    if agreement_id is not None:
        placed = {"citizen": citizen_id, "agreement": agreement_id, "first": start, "why": reason}
        session.execute(_place_statement(), {**placed, "cause": cause})
        changes.update(rules.length_changes([(agreement_id, start, None)]))
    _loaded_places(session, cancelled=cancelled, ended=ended, last_day=last_day, reason=reason)
    lengths.keep(session, changes)


def lock_citizen(session: Session, citizen_id: int) -> None:
    """The citizen's row locked until the transaction ends (PostgreSQL; on SQLite the write lock already
    keeps every other writer out). Every move of one citizen takes this lock before it reads the citizen's
    places, so two moves of one citizen at once — two switches onto two lists, a switch and the daily run —
    take turns, and the second reads the places the first wrote (in a statement of its own, so it sees
    them)."""
    session.execute(_lock_citizen_statement(), {"citizen": citizen_id})


@cache
def _lock_citizen_statement():
    table = Citizen.__table__
    return select(table.c.id).where(table.c.id == bindparam("citizen")).with_for_update(key_share=True)


def _loaded_places(session: Session, *, cancelled: list[int], ended: list[int], last_day: date, reason: str):
    """The places `move` changed that the session holds as objects, made to match what was written."""
    for place_id in cancelled + ended:
        loaded = session.identity_map.get(identity_key(Membership, place_id))
        if loaded is None:
            continue
        if place_id in cancelled:
            session.expunge(loaded)
        else:
            set_committed_value(loaded, "end", last_day)
            set_committed_value(loaded, "end_reason", reason)


@cache
def _held_statement():
    """Core columns (no ORM compile state; nothing writes places as objects to flush first)."""
    table = Membership.__table__
    columns = (
        table.c.id,
        table.c.agreement_id,
        table.c.start_date.label("start"),
        table.c.end_date.label("end"),
    )
    wanted = table.c.end_date.is_(None) | (table.c.end_date >= bindparam("start", type_=Date))
    return select(*columns).where(table.c.citizen_id == bindparam("citizen"), wanted).with_for_update()


@cache
def _cancel_statement():
    table = Membership.__table__
    return delete(table).where(table.c.id.in_(bindparam("ids", expanding=True)))


@cache
def _end_statement():
    table = Membership.__table__
    return (
        update(table)
        .where(table.c.id == bindparam("place"))
        .values(end_date=bindparam("last"), end_reason=bindparam("why"))
    )


@cache
def _place_statement():
    table = Membership.__table__
    return insert(table).values(
        citizen_id=bindparam("citizen"),
        agreement_id=bindparam("agreement"),
        start_date=bindparam("first"),
        begin_reason=bindparam("why"),
        cause=bindparam("cause"),
    )


# Reads of the register (the caller audits every read of an identity).
