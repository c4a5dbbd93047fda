"""Inserts of a roster's new version made without a solve (a swap, LV-SWAP); never commits."""

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment, RosterJob, VacancyVolunteer
from legetjeneste.legevakt.rosters.queries import next_version
from legetjeneste.registry.models import Doctor


def lock_assignments(session: Session, roster_id: int) -> list[RosterAssignment]:
    """The roster's shifts as the database holds them now, their rows taken until the transaction ends: a
    vacant shift given from the vacancy list at the same moment is either in them or waits, then finds the
    roster replaced (docs/adr/0010)."""
    query = (
        select(RosterAssignment)
        .where(RosterAssignment.roster_id == roster_id)
        .order_by(RosterAssignment.starts_at, RosterAssignment.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(query))


def add_job(session: Session, *, roster: Roster, by: str, at: datetime, note: str) -> RosterJob:
    """A finished job for a version made without the solver: the roster's own input, kept so the version
    can be read and explained like any other, with what made it (`note`)."""
    job = roster.job
    copy = RosterJob(
        municipality_number=roster.municipality_number,
        scheme_id=roster.scheme_id,
        start_date=roster.start_date,
        end_date=roster.end_date,
        previous_roster_id=roster.id,
        problem=job.problem,
        seed=job.seed,
        time_limit=0.0,
        workers=job.workers,
        status="done",
        solutions_found=0,
        message=note[:1000],
        created_at=at,
        created_by=by,
        started_at=at,
        finished_at=at,
    )
    session.add(copy)
    session.flush()
    return copy


def add_version(
    session: Session,
    *,
    roster: Roster,
    shifts: list[RosterAssignment],
    job: RosterJob,
    moves: Mapping[str, Doctor],
    changes: list[dict],
    explanation: dict,
    at: datetime,
) -> Roster:
    """The next draft version of `roster`: every shift as it is (with the doctors who volunteered for it),
    the shifts in `moves` with their new doctor."""
    new = Roster(
        municipality_number=roster.municipality_number,
        scheme_id=roster.scheme_id,
        start_date=roster.start_date,
        end_date=roster.end_date,
        version=next_version(session, scheme_id=roster.scheme_id, start=roster.start_date),
        status="draft",
        job_id=job.id,
        previous_id=roster.id,
        is_optimal=False,
        explanation=explanation,
        changes=changes,
        created_at=at,
        created_by=job.created_by,
    )
    for old in shifts:
        doctor = moves.get(old.shift_key, old.doctor)
        new.assignments.append(
            RosterAssignment(
                shift_key=old.shift_key,
                category=old.category,
                template=old.template,
                label=old.label,
                is_night=old.is_night,
                on=old.on,
                starts_at=old.starts_at,
                ends_at=old.ends_at,
                doctor=doctor,
                was_vacant=old.was_vacant,
                filled_at=old.filled_at,
                filled_by=old.filled_by,
                volunteers=[
                    VacancyVolunteer(
                        doctor_id=v.doctor_id, registered_at=v.registered_at, registered_by=v.registered_by
                    )
                    for v in old.volunteers
                ],
            )
        )
    session.add(new)
    session.flush()
    return new
