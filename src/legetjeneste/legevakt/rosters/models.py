"""Solve jobs, roster versions with their assignments, vacancies and volunteers."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.registry.models import Doctor

PUBLISHED_OVERLAP_CONSTRAINT = "ex_legevakt_roster_published_period"


class RosterJob(Base):
    """One solve of a scheme for a period, run outside the web request. `problem` is the solver's input as
    JSON, so a published roster can be solved again from exactly what it was solved from."""

    __tablename__ = "roster_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # The published roster this solve re-plans (kept as a plain id: the roster points back to its job).
    previous_roster_id: Mapped[int | None] = mapped_column(Integer)
    problem: Mapped[dict] = mapped_column(JSON)
    seed: Mapped[int] = mapped_column(Integer)
    time_limit: Mapped[float] = mapped_column(Float)
    workers: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    objective: Mapped[float | None] = mapped_column(Float)
    bound: Mapped[float | None] = mapped_column(Float)
    solutions_found: Mapped[int] = mapped_column(Integer, default=0)
    best_assignments: Mapped[dict | None] = mapped_column(JSON)
    message: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    created_by: Mapped[str] = mapped_column(String(254))
    started_at: Mapped[datetime | None] = mapped_column(Timestamp)
    progress_at: Mapped[datetime | None] = mapped_column(Timestamp)
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp)


class Roster(Base):
    """A version of a scheme's roster for a period: a draft until published, then frozen. Re-planning a
    published roster makes a new version with `previous_id` and the changes listed."""

    __tablename__ = "legevakt_roster"
    __table_args__ = (
        UniqueConstraint("scheme_id", "start_date", "version", name="uq_legevakt_roster_version"),
        # Two published rosters of a scheme never share a day (LV-ALWAYS): held by PostgreSQL itself, so
        # two publications at once cannot both pass the service's check (docs/adr/0010). SQLite ignores
        # it; there the service checks inside one write transaction.
        ExcludeConstraint(
            ("scheme_id", "="),
            (text("daterange(start_date, end_date, '[]')"), "&&"),
            name=PUBLISHED_OVERLAP_CONSTRAINT,
            using="gist",
            where=text("status = 'published'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    job_id: Mapped[int] = mapped_column(ForeignKey("roster_job.id"), index=True)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("legevakt_roster.id"))
    objective: Mapped[float | None] = mapped_column(Float)
    bound: Mapped[float | None] = mapped_column(Float)
    is_optimal: Mapped[bool] = mapped_column(Boolean, default=False)
    explanation: Mapped[dict] = mapped_column(JSON, default=dict)
    changes: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    created_by: Mapped[str] = mapped_column(String(254))
    published_at: Mapped[datetime | None] = mapped_column(Timestamp)
    published_by: Mapped[str | None] = mapped_column(String(254))

    scheme: Mapped[Scheme] = relationship()
    job: Mapped[RosterJob] = relationship()
    assignments: Mapped[list["RosterAssignment"]] = relationship(
        back_populates="roster",
        order_by=lambda: [RosterAssignment.starts_at, RosterAssignment.id],
        cascade="all, delete-orphan",
    )


class RosterAssignment(Base):
    """One shift of a roster and its doctor; no doctor means vacant. A vacant shift of a published roster
    can later be filled from the vacancy list (`filled_at`), which leaves `was_vacant` as a record."""

    __tablename__ = "roster_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("legevakt_roster.id"), index=True)
    shift_key: Mapped[str] = mapped_column(String(80))
    # The fairness category (weekday, weekend, holiday), the template's code and name, and whether the
    # shift covers night hours: what the counts and the files need without the job's problem.
    category: Mapped[str] = mapped_column(String(10))
    template: Mapped[str] = mapped_column(String(30))
    label: Mapped[str] = mapped_column(String(100))
    is_night: Mapped[bool] = mapped_column(Boolean, default=False)
    on: Mapped[date] = mapped_column("shift_date", Date, index=True)
    # Wall-clock times in Europe/Oslo, as the shift templates state them.
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    was_vacant: Mapped[bool] = mapped_column(Boolean, default=False)
    filled_at: Mapped[datetime | None] = mapped_column(Timestamp)
    filled_by: Mapped[str | None] = mapped_column(String(254))

    roster: Mapped[Roster] = relationship(back_populates="assignments")
    doctor: Mapped[Doctor | None] = relationship()
    volunteers: Mapped[list["VacancyVolunteer"]] = relationship(
        back_populates="assignment", order_by="VacancyVolunteer.id", cascade="all, delete-orphan"
    )


class VacancyVolunteer(Base):
    """A doctor who offers to take a vacant shift: by themselves, or registered by staff."""

    __tablename__ = "vacancy_volunteer"
    __table_args__ = (UniqueConstraint("assignment_id", "doctor_id", name="uq_vacancy_volunteer_doctor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("roster_assignment.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    registered_at: Mapped[datetime] = mapped_column(Timestamp)
    registered_by: Mapped[str] = mapped_column(String(254))

    assignment: Mapped[RosterAssignment] = relationship(back_populates="volunteers")
    doctor: Mapped[Doctor] = relationship()
