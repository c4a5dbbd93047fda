"""Other municipal GP work: what each GP holds (assignments), the GP's duty profile (exemptions, opening
hours), the tasks the municipality announces, and the orders it gives (ASA 4310 §§ 11–12)."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.dates import Period
from legetjeneste.db import Base, ExactDecimal, Timestamp
from legetjeneste.registry.models import Doctor


class DutyProfile(Base):
    """What decides how much a GP can be ordered beyond the duties held: state medical work and the 1984
    arrangement (DUTY-EXEMPT), and average opening hours when they differ from the agreement's (DUTY-CAP)."""

    __tablename__ = "duty_profile"

    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    state_work_hours: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2), default=Decimal(0))
    transition_1984: Mapped[bool] = mapped_column(Boolean, default=False)
    opening_hours: Mapped[Decimal | None] = mapped_column(ExactDecimal(6, 2))
    note: Mapped[str] = mapped_column(String(300), default="")

    doctor: Mapped[Doctor] = relationship()


class DutyTask(Base):
    """A task the municipality needs done (DUTY-VOLUNTARY): announced and the GPs informed before anyone is
    ordered; who issues it (DUTY-ISSUER), where and when (DUTY-PLACE-TIME)."""

    __tablename__ = "duty_task"
    __table_args__ = (UniqueConstraint("municipality_number", "code", name="uq_duty_task_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    hours_per_week: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    place: Mapped[str] = mapped_column(String(200))
    weekdays: Mapped[list] = mapped_column(JSON, default=list)
    issuer: Mapped[str] = mapped_column(String(20), default="municipality")
    issuer_name: Mapped[str] = mapped_column(String(200), default="")
    pay_form: Mapped[str] = mapped_column(String(10), default="post")
    announced_on: Mapped[date | None] = mapped_column(Date)
    informed_on: Mapped[date | None] = mapped_column(Date)
    # HPR numbers: who volunteered for the task, and who is qualified (empty: every GP).
    volunteers: Mapped[list] = mapped_column(JSON, default=list)
    qualified: Mapped[list] = mapped_column(JSON, default=list)


class DutyAssignment(Base):
    """A municipal part-time post or task a GP holds (duty_assignment): hours a week (a percentage is
    converted at 37.5 h for 100 %), period, place and weekdays, voluntary or ordered, issuer and pay form."""

    __tablename__ = "duty_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("duty_task.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200), default="")
    hours_per_week: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2))
    percentage: Mapped[Decimal | None] = mapped_column(ExactDecimal(6, 2))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    place: Mapped[str] = mapped_column(String(200))
    weekdays: Mapped[list] = mapped_column(JSON, default=list)
    basis: Mapped[str] = mapped_column(String(10), default="voluntary")
    issuer: Mapped[str] = mapped_column(String(20), default="municipality")
    issuer_name: Mapped[str] = mapped_column(String(200), default="")
    pay_form: Mapped[str] = mapped_column(String(10), default="post")

    doctor: Mapped[Doctor] = relationship()
    task: Mapped[DutyTask | None] = relationship()

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class DutyOrder(Base):
    """An order (tilplikting) of a task on a GP: an enkeltvedtak (its `decision_id`), notified at least 28
    days before the first day (DUTY-VOLUNTARY), with the proposed list reduction (DUTY-LIST-REDUCTION)."""

    __tablename__ = "duty_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("duty_task.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("duty_assignment.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="ordered")
    hours_per_week: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2))
    notified_on: Mapped[date] = mapped_column(Date)
    first_day: Mapped[date] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    proposed_listetak: Mapped[int | None] = mapped_column(Integer)
    warning: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    created_by: Mapped[str] = mapped_column(String(254))

    doctor: Mapped[Doctor] = relationship()
    task: Mapped[DutyTask] = relationship()
