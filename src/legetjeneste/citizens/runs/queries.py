"""Reads and writes of the daily and monthly runs: batch lookups of families and places, the run's record."""

from collections import defaultdict
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from legetjeneste.citizens import rules as citizen_rules
from legetjeneste.citizens.models import (
    Citizen,
    CitizenLetter,
    CitizenParent,
    CitizenRun,
    Membership,
    WaitingListEntry,
)
from legetjeneste.citizens.places.queries import membership_on
from legetjeneste.citizens.queries import covering
from legetjeneste.dates import add_months
from legetjeneste.registry.models import Agreement


def placed(session: Session, citizen_ids: list[int], *, on: date) -> dict[int, int]:
    """Per citizen (of those named) the agreement whose list they are on on the day."""
    query = select(Membership.citizen_id, Membership.agreement_id).where(
        Membership.citizen_id.in_(citizen_ids), covering(on)
    )
    return {citizen_id: agreement_id for citizen_id, agreement_id in session.execute(query)}


def parents_of(session: Session, child_ids: list[int]) -> dict[int, list[tuple[int, str, bool]]]:
    """Per child (of those named) its parents as (citizen id, sex, is_primary)."""
    query = (
        select(CitizenParent.child_id, Citizen.id, Citizen.sex, CitizenParent.is_primary)
        .join(Citizen, Citizen.id == CitizenParent.parent_id)
        .where(CitizenParent.child_id.in_(child_ids))
    )
    found: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
    for child, parent, sex, primary in session.execute(query):
        found[child].append((parent, sex, primary))
    return found


def children_of(session: Session, parent_ids: list[int], *, born_after: date) -> dict[int, list[int]]:
    """Per parent (of those named) the children born after the day (under 16)."""
    query = (
        select(CitizenParent.parent_id, CitizenParent.child_id)
        .join(Citizen, Citizen.id == CitizenParent.child_id)
        .where(CitizenParent.parent_id.in_(parent_ids), Citizen.birth_date > born_after)
    )
    found: dict[int, list[int]] = defaultdict(list)
    for parent, child in session.execute(query):
        found[parent].append(child)
    return found


def following(session: Session, parent_id: int, *, on: date, age: int) -> list[int]:
    """CIT-CHILDREN — the parent's children under `age` on the parent's list on the day who follow this
    parent (they move with them)."""
    place = membership_on(session, citizen_id=parent_id, on=on)
    if place is None:
        return []
    kids = children_of(session, [parent_id], born_after=add_months(on, -12 * age)).get(parent_id, [])
    there = placed(session, kids, on=on) if kids else {}
    parents = parents_of(session, kids) if kids else {}
    return [
        k
        for k in kids
        if there.get(k) == place.agreement_id
        and citizen_rules.followed_parent(parents.get(k, [])) == parent_id
    ]


def birth_dates(session: Session, citizen_ids: list[int]) -> dict[int, date]:
    query = select(Citizen.id, Citizen.birth_date).where(Citizen.id.in_(citizen_ids))
    return {citizen_id: born for citizen_id, born in session.execute(query)}


def ended_agreement_members(session: Session, *, municipality_number: str, on: date, limit: int) -> list[int]:
    """Citizens on the day on a list of the municipality whose agreement ended before it (the GP left)."""
    ended = select(Agreement.id).where(
        Agreement.municipality_number == municipality_number, Agreement.end < on
    )
    query = select(Membership.citizen_id).where(Membership.agreement_id.in_(ended), covering(on))
    return list(session.scalars(query.order_by(Membership.citizen_id).limit(limit)))


def drop_satisfied_waiting(session: Session, *, municipality_number: str, on: date) -> int:
    """CIT-WAIT — waiting places no longer needed: the citizen is on that list on the day, or its agreement
    has ended. How many were dropped."""
    mine = select(Agreement.id).where(Agreement.municipality_number == municipality_number)
    there = select(Membership.citizen_id).where(
        Membership.agreement_id == WaitingListEntry.agreement_id,
        Membership.citizen_id == WaitingListEntry.citizen_id,
        covering(on),
    )
    ended = select(Agreement.id).where(
        Agreement.municipality_number == municipality_number, Agreement.end < on
    )
    done = session.execute(
        delete(WaitingListEntry)
        .where(WaitingListEntry.agreement_id.in_(mine))
        .where(there.exists() | WaitingListEntry.agreement_id.in_(ended))
        .execution_options(synchronize_session=False)
    )
    return getattr(done, "rowcount", 0) or 0


def waiting_agreements(session: Session, municipality_number: str) -> list[int]:
    query = (
        select(WaitingListEntry.agreement_id)
        .join(Agreement, Agreement.id == WaitingListEntry.agreement_id)
        .where(Agreement.municipality_number == municipality_number)
        .distinct()
    )
    return sorted(session.scalars(query))


def add_run(session: Session, run: CitizenRun) -> CitizenRun:
    session.add(run)
    session.flush()
    return run


def run(session: Session, run_id: int) -> CitizenRun | None:
    return session.get(CitizenRun, run_id)


def runs(session: Session, municipality_number: str, *, limit: int = 20) -> list[CitizenRun]:
    query = select(CitizenRun).where(CitizenRun.municipality_number == municipality_number)
    return list(session.scalars(query.order_by(CitizenRun.id.desc()).limit(limit)))


def municipalities_with_citizens(session: Session) -> list[str]:
    return sorted(session.scalars(select(Citizen.home_municipality_number).distinct()))


def letters_waiting(session: Session, municipality_number: str) -> int:
    """Letters to citizens without a user, not yet sent by the municipality's letter service."""
    query = select(func.count()).where(
        CitizenLetter.municipality_number == municipality_number,
        CitizenLetter.channel == "post",
        CitizenLetter.sent_at.is_(None),
    )
    return session.scalar(query) or 0
