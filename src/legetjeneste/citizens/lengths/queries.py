"""AGR-OPEN — each list's length kept per agreement and day (docs/adr/0014): the changes places make to
list lengths, kept in the transaction that changes the places and written when it commits, and the lengths
read from them.

`citizens.places.queries.move` keeps its changes here; the loaders that insert places in bulk call
`keep_places`. Changes are held in the session until its transaction commits, then written in one upsert
with the rows in (agreement, day) order, after every other write: writers of one list take its rows in the
same order and hold them only while committing."""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import cast

from sqlalchemy import Date, Table, bindparam, delete, event, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, SessionTransaction

from legetjeneste.citizens import rules
from legetjeneste.citizens.models import ListLengthChange, Membership

# The session's changes to list lengths not yet written, as a Counter of (agreement, day) -> delta.
_PENDING = "citizens.list_length_changes"


def kept(session: Session, agreement_ids: Iterable[int], *, on: date) -> dict[int, int]:
    """For every agreement named its list length on the day as kept: the same number as the memberships
    covering the day give (`citizens.queries.list_lengths`), read from a few rows per list instead of every
    membership. The session's changes not yet written are included."""
    wanted = set(agreement_ids)
    rows = session.execute(_kept_statement(), {"ids": list(wanted), "on": on})
    found = dict.fromkeys(wanted, 0) | {agreement_id: int(length) for agreement_id, length in rows}
    for (agreement_id, day), delta in session.info.get(_PENDING, {}).items():
        if agreement_id in wanted and day <= on:
            found[agreement_id] += delta
    return found


@cache
def _kept_statement():
    table = cast(Table, ListLengthChange.__table__)  # Core: no ORM compile state on every read
    return (
        select(table.c.agreement_id, func.sum(table.c.delta))
        .where(
            table.c.agreement_id.in_(bindparam("ids", expanding=True)),
            table.c.day <= bindparam("on", type_=Date),
        )
        .group_by(table.c.agreement_id)
    )


def keep(session: Session, changes: Counter[tuple[int, date]]) -> None:
    """Keep the changes (agreement, day) -> delta with the transaction: written when it commits; inside a
    savepoint at once, so that a savepoint rolled back takes them with it."""
    if session.in_nested_transaction():
        _write(session, changes)
    else:
        session.info.setdefault(_PENDING, Counter()).update(changes)


def keep_places(session: Session, places: Iterable[tuple[int, date, date | None]]) -> None:
    """The list lengths that places written in bulk (agreement, first day, last day or None) add, kept with
    them: for the loaders that insert memberships without `move` (the demo's generator, the citizen file)."""
    keep(session, rules.length_changes(places))


def _write(session: Session, changes: Counter[tuple[int, date]]) -> None:
    """Add the changes to the kept lengths: one upsert, its rows in (agreement, day) order."""
    rows = [{"agreement_id": a, "day": d, "delta": n} for (a, d), n in sorted(changes.items()) if n]
    if rows:
        session.execute(_upsert(session.get_bind().dialect.name), rows)


@cache
def _upsert(dialect: str):
    """An increment, not a length: it reads nothing, so writers of one list need no lock to stay exact."""
    table = cast(Table, ListLengthChange.__table__)  # Core, not the ORM bulk insert: every move writes it
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    return statement.on_conflict_do_update(
        index_elements=["agreement_id", "day"],
        set_={"delta": table.c.delta + statement.excluded.delta},
    )


@event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    """The transaction's changes to list lengths, written last: after its other writes, just before it
    commits, so a list's rows are held only while committing (no waits in a cycle)."""
    if session.in_nested_transaction():
        return  # a savepoint released: the outer transaction's commit writes them
    changes = session.info.pop(_PENDING, None)
    if changes:
        session.flush()
        _write(session, changes)


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


def lock(session: Session) -> None:
    """Keep every mover from writing kept lengths until the transaction ends (PostgreSQL; on SQLite the
    write transaction does): a check compares them with the memberships meanwhile."""
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE list_length_change IN SHARE ROW EXCLUSIVE MODE"))


def rebuild(session: Session, agreement_ids: list[int]) -> None:
    """The agreements' kept list lengths built again from their memberships, replacing what was kept."""
    pending = session.info.get(_PENDING, {})
    for key in [key for key in pending if key[0] in agreement_ids]:
        del pending[key]  # already in the memberships read below
    session.execute(delete(ListLengthChange).where(ListLengthChange.agreement_id.in_(agreement_ids)))
    places = session.execute(
        select(Membership.agreement_id, Membership.start, Membership.end).where(
            Membership.agreement_id.in_(agreement_ids)
        )
    )
    _write(session, rules.length_changes((a, first, last) for a, first, last in places))
