"""Reads of the citizen's own side: the citizen, their children, their places on lists with the lists'
offices and GPs, their waiting-list place. Never commits."""

from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from legetjeneste.citizens.models import Citizen, CitizenLetter, CitizenParent, Membership, WaitingListEntry
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, Office


def citizen_by_national_id(session: Session, national_id: str) -> Citizen | None:
    return session.scalar(select(Citizen).where(Citizen.national_id == national_id))


def citizen(session: Session, citizen_id: int) -> Citizen | None:
    return session.get(Citizen, citizen_id)


def children(session: Session, parent_id: int) -> list[Citizen]:
    query = (
        select(Citizen)
        .join(CitizenParent, CitizenParent.child_id == Citizen.id)
        .where(CitizenParent.parent_id == parent_id)
        .order_by(Citizen.birth_date)
    )
    return list(session.scalars(query))


def waiting_entry(session: Session, citizen_id: int) -> tuple[WaitingListEntry, int] | None:
    """The citizen's place on a waiting list and its number in the queue (1: first)."""
    entry = session.scalar(select(WaitingListEntry).where(WaitingListEntry.citizen_id == citizen_id))
    if entry is None:
        return None
    ahead = session.scalar(
        select(func.count()).where(
            WaitingListEntry.agreement_id == entry.agreement_id,
            or_(
                WaitingListEntry.joined_at < entry.joined_at,
                and_(WaitingListEntry.joined_at == entry.joined_at, WaitingListEntry.id < entry.id),
            ),
        )
    )
    return entry, (ahead or 0) + 1


def list_names(session: Session, agreement_ids: list[int], *, on: date) -> dict[int, tuple[str, str | None]]:
    """Per agreement: its office's name and the regular GP on the day (None: a list without a GP)."""
    if not agreement_ids:
        return {}
    regular = and_(
        DoctorPeriod.agreement_id == Agreement.id,
        DoctorPeriod.role == "regular",
        DoctorPeriod.start <= on,
        or_(DoctorPeriod.end.is_(None), DoctorPeriod.end >= on),
    )
    query = (
        select(Agreement.id, Office.name, Doctor.first_name, Doctor.last_name)
        .join(Office, Office.id == Agreement.office_id)
        .outerjoin(DoctorPeriod, regular)
        .outerjoin(Doctor, Doctor.id == DoctorPeriod.doctor_id)
        .where(Agreement.id.in_(sorted(set(agreement_ids))))
    )
    found: dict[int, tuple[str, str | None]] = {}
    for agreement_id, office, first, last in session.execute(query):
        if agreement_id not in found or found[agreement_id][1] is None:
            found[agreement_id] = (office, f"{first} {last}" if first is not None else None)
    return found


def memberships(session: Session, citizen_ids: list[int]) -> list[Membership]:
    query = select(Membership).where(Membership.citizen_id.in_(citizen_ids)).order_by(Membership.start)
    return list(session.scalars(query))


def letters(session: Session, citizen_id: int, *, limit: int | None = None) -> list[CitizenLetter]:
    """The letters about the citizen's list (CIT-WAIT-EFFECT, CIT-UNASSIGNED …), newest first."""
    query = select(CitizenLetter).where(CitizenLetter.citizen_id == citizen_id)
    return list(
        session.scalars(query.order_by(CitizenLetter.created_at.desc(), CitizenLetter.id.desc()).limit(limit))
    )
