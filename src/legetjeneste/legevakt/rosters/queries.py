"""Selects and inserts of rosters and their files; never commits."""

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence.models import Absence
from legetjeneste.dates import Period
from legetjeneste.legevakt.rosters.models import (
    PUBLISHED_OVERLAP_CONSTRAINT,
    Roster,
    RosterAssignment,
    RosterJob,
)
from legetjeneste.legevakt.schemes.models import DoctorCourse, Scheme
from legetjeneste.rostering import problem as rp


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


def lock_for_publishing(session: Session, roster: Roster) -> Roster:
    """The roster as the database holds it now, after taking its scheme's row until the transaction ends
    (PostgreSQL; SQLite's write transaction holds the whole database): publications of one scheme take
    turns, so each one's check sees the roster the one before published (LV-ALWAYS, docs/adr/0010)."""
    session.execute(select(Scheme.id).where(Scheme.id == roster.scheme_id).with_for_update(key_share=True))
    query = select(Roster).where(Roster.id == roster.id).execution_options(populate_existing=True)
    return session.scalars(query).one()


def publish(session: Session, roster: Roster, *, replacing: list[Roster], by: str, at: datetime) -> None:
    """The draft published, and the versions it replaces marked so first: they leave the published
    rosters before it joins them, as PostgreSQL checks the exclusion constraint row by row."""
    for other in replacing:
        other.status = "replaced"
    session.flush()
    roster.status, roster.published_at, roster.published_by = "published", at, by
    session.flush()


def is_published_overlap(error: IntegrityError) -> bool:
    """Whether PostgreSQL refused two published rosters of a scheme that share a day (LV-ALWAYS)."""
    diagnostics = getattr(error.orig, "diag", None)
    return getattr(diagnostics, "constraint_name", None) == PUBLISHED_OVERLAP_CONSTRAINT


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


def add_roster(
    session: Session,
    *,
    job: RosterJob,
    problem: rp.Problem,
    solution: rp.Solution,
    explanation: dict,
    changes: list[dict],
    now: datetime,
) -> Roster:
    """The job's solution as the scheme's next draft version: one row per shift, no doctor when vacant;
    times stored as Oslo wall-clock times. The changes name each shift by its template's name."""
    scheme = session.get(Scheme, job.scheme_id)
    assert scheme is not None
    doctors = {p.doctor.hpr_number: p.doctor for p in scheme.participants}
    templates = {t.code: t.name for t in scheme.shift_templates}
    roster = Roster(
        municipality_number=job.municipality_number,
        scheme_id=job.scheme_id,
        start_date=job.start_date,
        end_date=job.end_date,
        version=next_version(session, scheme_id=job.scheme_id, start=job.start_date),
        status="draft",
        job_id=job.id,
        previous_id=job.previous_roster_id,
        objective=solution.objective,
        bound=solution.bound,
        is_optimal=solution.status == "optimal",
        explanation=explanation,
        changes=[{**c, "label": templates.get(c["label"], c["label"])} for c in changes],
        created_at=now,
        created_by=job.created_by,
    )
    for shift in problem.shifts:
        key = solution.assignments.get(shift.id)
        roster.assignments.append(
            RosterAssignment(
                shift_key=shift.id,
                category=shift.category,
                template=shift.template,
                label=templates.get(shift.template, shift.template),
                is_night=shift.is_night,
                on=shift.day,
                starts_at=shift.start.replace(tzinfo=None),
                ends_at=shift.end.replace(tzinfo=None),
                doctor=doctors.get(key) if key else None,
                was_vacant=key is None,
            )
        )
    session.add(roster)
    session.flush()
    return roster


def published_before(session: Session, *, scheme_id: int, period: Period) -> list[Roster]:
    """The scheme's published rosters earlier in the year `period` starts in (LV-DUTY's running balance)."""
    query = select(Roster).where(
        Roster.scheme_id == scheme_id,
        Roster.status == "published",
        Roster.start_date >= date(period.start.year, 1, 1),
        Roster.end_date < period.start,
    )
    return list(session.scalars(query).all())


def absences_by_doctor(
    session: Session, *, doctor_ids: list[int], period: Period
) -> dict[int, list[Absence]]:
    """The doctors' absences that overlap the period, per doctor id."""
    assert period.end is not None
    query = select(Absence).where(
        Absence.doctor_id.in_(doctor_ids), Absence.start <= period.end, Absence.end >= period.start
    )
    found: dict[int, list[Absence]] = defaultdict(list)
    for row in session.scalars(query):
        found[row.doctor_id].append(row)
    return found


def courses(session: Session, *, doctor_ids: list[int]) -> list[DoctorCourse]:
    return list(session.scalars(select(DoctorCourse).where(DoctorCourse.doctor_id.in_(doctor_ids))))


def schemes_with_code(session: Session, *, code: str, municipality_number: str | None) -> list[Scheme]:
    query = select(Scheme).where(Scheme.code == code)
    if municipality_number is not None:
        query = query.where(Scheme.municipality_number == municipality_number)
    return list(session.scalars(query))


def roster_id_of_job(session: Session, *, job_id: int) -> int | None:
    return session.scalar(select(Roster.id).where(Roster.job_id == job_id))
