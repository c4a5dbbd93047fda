"""Life-cycle cases of agreements (RULES.md § 1, AGR-*): a case per process, its steps and its clocks."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp
from legetjeneste.lifecycle.rules.clocks import Clock
from legetjeneste.lifecycle.rules.codes import CLOSED
from legetjeneste.registry.models import Agreement, Doctor


class LifecycleCase(Base):
    """One process in an agreement's life: a vacancy, an announcement, a notice, a deleliste, …

    `facts` holds what the process is about as plain values (listetak of an announcement, the ground of a
    list reduction, …); the steps hold what happened, the clocks what is due."""

    __tablename__ = "lifecycle_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    facts: Mapped[dict] = mapped_column(JSON, default=dict)
    opened_at: Mapped[datetime] = mapped_column(Timestamp)
    opened_by: Mapped[str] = mapped_column(String(254))

    agreement: Mapped[Agreement | None] = relationship()
    doctor: Mapped[Doctor | None] = relationship()
    steps: Mapped[list["LifecycleStep"]] = relationship(
        back_populates="case", order_by="LifecycleStep.id", cascade="all, delete-orphan"
    )
    clocks: Mapped[list["LifecycleClock"]] = relationship(
        back_populates="case", order_by="LifecycleClock.id", cascade="all, delete-orphan"
    )

    def notice_end(self) -> date | None:
        """The end of the notice period, from which the hjemfall clock runs."""
        value = (self.facts or {}).get("notice_period_end")
        return date.fromisoformat(value) if value else None

    def correct_announcements(self) -> list[date]:
        """Publication dates of the announcements; only announcements the rules accepted are recorded."""
        return [step.on for step in self.steps if step.kind == "announcement"]

    def first_step_on(self, kind: str) -> date | None:
        return next((s.on for s in self.steps if s.kind == kind), None)

    def last_step(self, kind: str) -> "LifecycleStep | None":
        found = [s for s in self.steps if s.kind == kind]
        return found[-1] if found else None

    def open_clock(self, clock: Clock) -> "LifecycleClock":
        row = LifecycleClock(
            municipality_number=self.municipality_number,
            code=clock.code,
            rule_id=clock.rule_id,
            citation=clock.citation,
            start=clock.start,
            due=clock.due,
            text=clock.text,
            responsible=clock.responsible,
        )
        self.clocks.append(row)
        return row

    def close_clocks(self, step: "LifecycleStep", *codes: str) -> None:
        """Close the open clocks with these codes (every open clock when none is named)."""
        for clock in self.clocks:
            if clock.closed_on is None and (not codes or clock.code in codes):
                clock.closed_on, clock.closed_by_step = step.on, step

    def close(self, step: "LifecycleStep", result: str) -> None:
        """Close the case with its clocks on the step's day; `result` says how it ended."""
        self.close_clocks(step)
        self.status, self.closed_on = CLOSED, step.on
        self.facts = {**(self.facts or {}), "result": result}


class LifecycleStep(Base):
    """One dated step of a case, with who recorded it and when; never changed once recorded."""

    __tablename__ = "lifecycle_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("lifecycle_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    on: Mapped[date] = mapped_column("step_date", Date)
    text: Mapped[str] = mapped_column(String(4000))
    facts: Mapped[dict] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(Timestamp)
    recorded_by: Mapped[str] = mapped_column(String(254))

    case: Mapped[LifecycleCase] = relationship(back_populates="steps")


class LifecycleClock(Base):
    """A legal deadline running in a case: from `start`, due on `due`, until a step closes it."""

    __tablename__ = "lifecycle_clock"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("lifecycle_case.id"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    rule_id: Mapped[str] = mapped_column(String(30))
    citation: Mapped[str] = mapped_column(String(100))
    start: Mapped[date] = mapped_column("start_date", Date)
    due: Mapped[date] = mapped_column("due_date", Date, index=True)
    text: Mapped[str] = mapped_column(String(1000))
    responsible: Mapped[str] = mapped_column(String(30))
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_by_step_id: Mapped[int | None] = mapped_column(ForeignKey("lifecycle_step.id"))

    case: Mapped[LifecycleCase] = relationship(back_populates="clocks")
    closed_by_step: Mapped[LifecycleStep | None] = relationship(
        foreign_keys=[closed_by_step_id], post_update=True
    )
