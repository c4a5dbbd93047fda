"""The citizen register's shared reads: citizens, families, waiting lists, list lengths and the lists' GPs.
A citizen's places and the one way a citizen moves are `citizens.places.queries`."""

from collections.abc import Iterable
from datetime import date
from functools import cache

from sqlalchemy import Date, bindparam, func, select
from sqlalchemy.orm import Session

from legetjeneste.auth.models import User
from legetjeneste.citizens import rules
from legetjeneste.citizens.lengths import queries as lengths
from legetjeneste.citizens.models import Citizen, CitizenParent, CitizenSettings, Membership, WaitingListEntry
from legetjeneste.citizens.runs.schemas import KeptLengthDifference, LengthRow
from legetjeneste.registry import rules as registry_rules
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, ListCount, Office

ParentLink = tuple[int, str, bool]  # a child's parent: citizen id, sex, is_primary


def citizen(session: Session, citizen_id: int) -> Citizen | None:
    return session.get(Citizen, citizen_id)


def citizen_by_national_id(session: Session, national_id: str) -> Citizen | None:
    return session.scalar(select(Citizen).where(Citizen.national_id == national_id))


def covering(on: date):
    """The memberships that hold a place on the day."""
    return (Membership.start <= on) & (Membership.end.is_(None) | (Membership.end >= on))


def list_lengths(
    session: Session,
    *,
    on: date,
    agreement_ids: Iterable[int] | None = None,
    municipality_number: str | None = None,
) -> dict[int, int]:
    """Per agreement the citizens with a place on its list on the day (AGR-OPEN's list length, from the
    memberships): of the agreements named, or of every agreement of a municipality, or of all."""
    query = (
        select(Membership.agreement_id, func.count()).where(covering(on)).group_by(Membership.agreement_id)
    )
    if agreement_ids is not None:
        query = query.where(Membership.agreement_id.in_(list(agreement_ids)))
    if municipality_number is not None:
        mine = select(Agreement.id).where(Agreement.municipality_number == municipality_number)
        query = query.where(Membership.agreement_id.in_(mine))
    return {agreement_id: count for agreement_id, count in session.execute(query)}


def mend_kept_lengths(
    session: Session, agreement_ids: Iterable[int], *, on: date
) -> list[KeptLengthDifference]:
    """The agreements (of those named) whose kept list length on the day differs from their memberships
    covering it, each built again from its memberships (the monthly run's check, which reports them).
    Compared under `lengths.lock`, so a move committing meanwhile is never taken for a difference."""
    wanted = sorted(set(agreement_ids))
    if not wanted:
        return []
    lengths.lock(session)
    counted = list_lengths(session, on=on, agreement_ids=wanted)
    kept = lengths.kept(session, wanted, on=on)
    found = [
        KeptLengthDifference(agreement_id=a, kept=kept[a], counted=counted.get(a, 0))
        for a in wanted
        if kept[a] != counted.get(a, 0)
    ]
    if found:
        lengths.rebuild(session, [d.agreement_id for d in found])
    return found


def agreements_of(session: Session, municipality_number: str, *, on: date) -> list[Agreement]:
    """The municipality's agreements in force on the day."""
    query = select(Agreement).where(
        Agreement.municipality_number == municipality_number,
        Agreement.start <= on,
        Agreement.end.is_(None) | (Agreement.end >= on),
    )
    return list(session.scalars(query.order_by(Agreement.id)))


def open_places(session: Session, agreements: list[Agreement], *, on: date) -> dict[int, int]:
    """AGR-OPEN — per agreement its open places on the day, from its kept list length."""
    kept = lengths.kept(session, [a.id for a in agreements], on=on)
    return {
        a.id: registry_rules.open_places(
            listetak=a.listetak, list_length=kept[a.id], list_status=a.list_status
        )
        for a in agreements
    }


def switches_in_year(session: Session, *, citizen_id: int, year: int) -> int:
    """CIT-SWITCH — the citizen's moves that count as switches and begin in the calendar year."""
    query = select(func.count()).where(
        Membership.citizen_id == citizen_id,
        Membership.begin_reason.in_(rules.COUNTING),
        Membership.start >= date(year, 1, 1),
        Membership.start <= date(year, 12, 31),
    )
    return session.scalar(query) or 0


def parents(session: Session, child_id: int) -> list[tuple[int, str, bool]]:
    """The child's parents as (citizen id, sex, is_primary)."""
    query = (
        select(Citizen.id, Citizen.sex, CitizenParent.is_primary)
        .join(CitizenParent, CitizenParent.parent_id == Citizen.id)
        .where(CitizenParent.child_id == child_id)
    )
    return [(i, sex, primary) for i, sex, primary in session.execute(query)]


def children(session: Session, parent_ids: Iterable[int]) -> list[Citizen]:
    query = (
        select(Citizen)
        .join(CitizenParent, CitizenParent.child_id == Citizen.id)
        .where(CitizenParent.parent_id.in_(list(parent_ids)))
    )
    return list(session.scalars(query.order_by(Citizen.id)).unique())


def children_with_parents(session: Session, parent_id: int) -> dict[int, tuple[date, list[ParentLink]]]:
    """Per child of the parent its birth date and its parents as (citizen id, sex, is_primary), in one
    statement (CIT-CHILDREN: whom the child follows)."""
    found: dict[int, tuple[date, list[ParentLink]]] = {}
    rows = session.execute(_family_statement(), {"parent": parent_id})
    for child_id, born, parent_of, sex, primary in rows:
        found.setdefault(child_id, (born, []))[1].append((parent_of, sex, primary))
    return found


@cache
def _family_statement():
    """Built once, of Core columns: its aliases cost more to build than the statement costs to run, and an
    ORM statement's compile state costs more than it does (a switch's hot path)."""
    child, parent = Citizen.__table__.alias("child"), Citizen.__table__.alias("parent")
    link, mine = CitizenParent.__table__.alias("link"), CitizenParent.__table__.alias("mine")
    return (
        select(link.c.child_id, child.c.birth_date, parent.c.id, parent.c.sex, link.c.is_primary)
        .select_from(mine)
        .join(link, link.c.child_id == mine.c.child_id)
        .join(child, child.c.id == link.c.child_id)
        .join(parent, parent.c.id == link.c.parent_id)
        .where(mine.c.parent_id == bindparam("parent"))
    )


def is_parent_of(session: Session, *, parent_id: int, child_id: int) -> bool:
    query = select(CitizenParent.child_id).where(
        CitizenParent.parent_id == parent_id, CitizenParent.child_id == child_id
    )
    return session.scalar(query) is not None


def members(session: Session, *, agreement_id: int, on: date) -> list[int]:
    """The citizens on the list on the day, by id."""
    query = select(Membership.citizen_id).where(Membership.agreement_id == agreement_id, covering(on))
    return sorted(session.scalars(query))


def child_links(session: Session, citizen_ids: list[int], *, born_after: date) -> list[tuple[int, int]]:
    """(child, parent) links among the citizens where the child was born after the day (is under 16)."""
    wanted = set(citizen_ids)
    query = (
        select(CitizenParent.child_id, CitizenParent.parent_id)
        .join(Citizen, Citizen.id == CitizenParent.child_id)
        .where(Citizen.birth_date > born_after)
    )
    return [(c, p) for c, p in session.execute(query) if c in wanted and p in wanted]


def waiting_entry(session: Session, citizen_id: int) -> WaitingListEntry | None:
    return session.scalar(select(WaitingListEntry).where(WaitingListEntry.citizen_id == citizen_id))


def waiting_list(session: Session, agreement_id: int) -> list[WaitingListEntry]:
    """CIT-WAIT-EFFECT — the agreement's waiting list in order: who joined first comes first."""
    query = select(WaitingListEntry).where(WaitingListEntry.agreement_id == agreement_id)
    return list(session.scalars(query.order_by(WaitingListEntry.joined_at, WaitingListEntry.id)))


def waiting_counts(session: Session, agreement_ids: Iterable[int]) -> dict[int, int]:
    query = (
        select(WaitingListEntry.agreement_id, func.count())
        .where(WaitingListEntry.agreement_id.in_(list(agreement_ids)))
        .group_by(WaitingListEntry.agreement_id)
    )
    return {agreement_id: count for agreement_id, count in session.execute(query)}


def unassigned(
    session: Session, *, municipality_number: str, on: date, limit: int | None = None
) -> list[tuple[int, date | None]]:
    """CIT-UNASSIGNED — the municipality's citizens without a place on the day, as (id, since): since when
    they have been without one (the end of their last place, else when they came to live here), the one
    longest without a place first."""
    # A scalar subquery with LIMIT 1, not NOT EXISTS: PostgreSQL turns NOT EXISTS into a hash anti join over
    # every membership in the country (5 s for one municipality at national scale); this probes the index
    # (citizen_id, start_date) per citizen of the municipality instead (0.8 s for 100,000 citizens).
    place = (
        select(Membership.id)
        .where(Membership.citizen_id == Citizen.id, covering(on))
        .limit(1)
        .correlate(Citizen)
        .scalar_subquery()
    )
    last_end = (
        select(func.max(Membership.end))
        .where(Membership.citizen_id == Citizen.id, Membership.end < on)
        .correlate(Citizen)
        .scalar_subquery()
    )
    since = func.coalesce(last_end, Citizen.resident_since)
    query = (
        select(Citizen.id, since)
        .where(Citizen.home_municipality_number == municipality_number, place.is_(None))
        .order_by(since, Citizen.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [(i, s) for i, s in session.execute(query)]


def user_ids(session: Session, citizen_ids: Iterable[int]) -> dict[int, int]:
    """Per citizen the active user their citizen login made, for those who have one. The link is the user's
    `citizen_id` (the portal's OpenID Connect login); before it exists, no citizen has a user."""
    column = getattr(User, "citizen_id", None)
    if column is None:
        return {}
    query = select(column, User.id).where(column.in_(list(citizen_ids)), User.is_active.is_(True))
    return {citizen_id: user_id for citizen_id, user_id in session.execute(query)}


def settings(session: Session, municipality_number: str) -> CitizenSettings | None:
    return session.get(CitizenSettings, municipality_number)


def helfo_counts(session: Session, *, municipality_number: str, month: date) -> dict[int, int]:
    """Helfo's monthly count per agreement of the municipality for the month (registry ListCount)."""
    mine = select(Agreement.id).where(Agreement.municipality_number == municipality_number)
    query = select(ListCount.agreement_id, ListCount.list_length).where(
        ListCount.month == month, ListCount.agreement_id.in_(mine)
    )
    return {agreement_id: length for agreement_id, length in session.execute(query)}


def lock_agreement(session: Session, agreement_id: int) -> Agreement | None:
    """The agreement, its row taken until the transaction ends (PostgreSQL; SQLite's write transaction holds
    the whole database): switches, waiting-list moves and runs onto one list take turns, so its open places
    are counted once (AGR-OPEN)."""
    query = select(Agreement).where(Agreement.id == agreement_id).with_for_update(key_share=True)
    return session.scalars(query.execution_options(populate_existing=True)).one_or_none()


def regular_doctor_names(session: Session, agreement_ids: Iterable[int], *, on: date) -> dict[int, str]:
    """Per agreement the name of the regular GP on the day (none: the list is without a GP)."""
    rows = session.execute(_doctor_names_statement(), {"ids": list(agreement_ids), "on": on})
    return {agreement_id: f"{first} {last}" for agreement_id, first, last in rows}


@cache
def _doctor_names_statement():
    on = bindparam("on", type_=Date)
    return (
        select(DoctorPeriod.agreement_id, Doctor.first_name, Doctor.last_name)
        .join(Doctor, Doctor.id == DoctorPeriod.doctor_id)
        .where(
            DoctorPeriod.agreement_id.in_(bindparam("ids", expanding=True)),
            DoctorPeriod.role == "regular",
            DoctorPeriod.start <= on,
            DoctorPeriod.end.is_(None) | (DoctorPeriod.end >= on),
        )
    )


def office_name(session: Session, office_id: int) -> str:
    found = session.get(Office, office_id)
    return found.name if found is not None else ""


def placed(session: Session, citizen_ids: list[int], *, on: date) -> dict[int, int]:
    """Per citizen (of those named) the agreement whose list they are on on the day."""
    query = select(Membership.citizen_id, Membership.agreement_id).where(
        Membership.citizen_id.in_(citizen_ids), covering(on)
    )
    return {citizen_id: agreement_id for citizen_id, agreement_id in session.execute(query)}


def length_rows(session: Session, *, municipality_number: str, month: date) -> list[LengthRow]:
    """AGR-OPEN — every agreement's list length on the 1st from the memberships, beside Helfo's count."""
    agreements = agreements_of(session, municipality_number, on=month)
    lengths = list_lengths(session, on=month, municipality_number=municipality_number)
    helfo = helfo_counts(session, municipality_number=municipality_number, month=month)
    return [
        LengthRow(
            agreement_id=a.id,
            listetak=a.listetak,
            list_length=lengths.get(a.id, 0),
            helfo=helfo.get(a.id),
            difference=None if a.id not in helfo else lengths.get(a.id, 0) - helfo[a.id],
        )
        for a in agreements
    ]
