"""Selects of the vacancy list: vacant shifts of published rosters, a doctor's participation rows, and the
vacant shifts per scheme of a municipality; never commits."""

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.legevakt.schemes.models import Participant, Scheme
from legetjeneste.registry.models import Doctor


def doctor(session: Session, doctor_id: int) -> Doctor | None:
    return session.get(Doctor, doctor_id)


def assignment(session: Session, assignment_id: int) -> RosterAssignment | None:
    return session.get(RosterAssignment, assignment_id)


def lock_assignment(session: Session, assignment_id: int) -> RosterAssignment | None:
    """The shift as the database holds it now, its row taken until the transaction ends (PostgreSQL;
    SQLite's write transaction holds the whole database): assignments of one shift take turns, so the
    second sees the first's doctor (docs/adr/0010)."""
    query = select(RosterAssignment).where(RosterAssignment.id == assignment_id).with_for_update()
    return session.scalar(query.execution_options(populate_existing=True))


def lock_doctor(session: Session, doctor_id: int) -> Doctor | None:
    """The doctor, the row taken until the transaction ends: assignments of one doctor take turns, so the
    rest rule (LV-REST) is checked against the shift given to the doctor the moment before. FOR NO KEY
    UPDATE leaves the key free for rows that merely refer to the doctor."""
    query = select(Doctor).where(Doctor.id == doctor_id).with_for_update(key_share=True)
    return session.scalar(query)


def roster_assignments(session: Session, roster_id: int) -> list[RosterAssignment]:
    """The roster's shifts as the database holds them now, even when the session has read them before."""
    query = (
        select(RosterAssignment)
        .where(RosterAssignment.roster_id == roster_id)
        .order_by(RosterAssignment.starts_at, RosterAssignment.id)
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(query))


def vacancies(session: Session, *, scheme_id: int, year: int | None = None) -> list[RosterAssignment]:
    """The shifts published rosters of the scheme left vacant, filled since or not, in date order."""
    query = (
        select(RosterAssignment)
        .join(Roster)
        .where(Roster.scheme_id == scheme_id, Roster.status == "published", RosterAssignment.was_vacant)
        .order_by(RosterAssignment.starts_at, RosterAssignment.id)
    )
    if year is not None:
        query = query.where(RosterAssignment.on.between(date(year, 1, 1), date(year, 12, 31)))
    return list(session.scalars(query))


def participations(session: Session, *, scheme_id: int, doctor_id: int) -> list[Participant]:
    return list(
        session.scalars(
            select(Participant).where(Participant.scheme_id == scheme_id, Participant.doctor_id == doctor_id)
        ).all()
    )


def vacant_rows(session: Session, *, municipality_number: str, year: int) -> list:
    """(scheme id, scheme name, doctor id) of each shift published rosters left vacant in the year."""
    return list(
        session.execute(
            select(Scheme.id, Scheme.name, RosterAssignment.doctor_id)
            .join(Roster, Roster.scheme_id == Scheme.id)
            .join(RosterAssignment, RosterAssignment.roster_id == Roster.id)
            .where(
                Scheme.municipality_number == municipality_number,
                Roster.status == "published",
                RosterAssignment.was_vacant,
                RosterAssignment.on.between(date(year, 1, 1), date(year, 12, 31)),
            )
        ).all()
    )


def scheme_names(session: Session, *, municipality_number: str) -> list:
    """(id, name) of the municipality's schemes, by name."""
    return list(
        session.execute(
            select(Scheme.id, Scheme.name)
            .where(Scheme.municipality_number == municipality_number)
            .order_by(Scheme.name)
        ).all()
    )


def shift_counts(session: Session, *, municipality_number: str, year: int) -> tuple[int, int]:
    """(shifts, shifts left vacant on publishing) of the municipality's published rosters in the year."""
    shifts, vacant = session.execute(
        select(func.count(), func.count().filter(RosterAssignment.was_vacant))
        .select_from(RosterAssignment)
        .join(Roster, RosterAssignment.roster_id == Roster.id)
        .join(Scheme, Roster.scheme_id == Scheme.id)
        .where(
            Scheme.municipality_number == municipality_number,
            Roster.status == "published",
            RosterAssignment.on.between(date(year, 1, 1), date(year, 12, 31)),
        )
    ).one()
    return shifts, vacant
