"""Basistilskudd runs and their lines, hours of municipal work, and breach cases with withholding."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal
from legetjeneste.registry.models import Agreement, Doctor


class PaymentRun(Base):
    """A municipality's basistilskudd for one month: a draft until approved, then never changed."""

    __tablename__ = "payment_run"
    __table_args__ = (UniqueConstraint("municipality_number", "month", name="uq_payment_run_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    month: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    due_date: Mapped[date] = mapped_column(Date)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    computed_by: Mapped[str] = mapped_column(String(254))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(254))

    lines: Mapped[list["PaymentLine"]] = relationship(
        back_populates="run", order_by="PaymentLine.position", cascade="all, delete-orphan"
    )


class PaymentLine(Base):
    """One amount to one payee with its rule; `refers_to_month` marks a correction of an earlier run."""

    __tablename__ = "payment_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("payment_run.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    payee_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))
    payee_hpr: Mapped[str | None] = mapped_column(String(9))
    payee_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    amount: Mapped[Decimal] = mapped_column(ExactDecimal(14, 2))
    rule_id: Mapped[str] = mapped_column(String(30))
    citation: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(String(1000))
    calculation: Mapped[dict] = mapped_column(JSON, default=dict)
    refers_to_month: Mapped[date | None] = mapped_column(Date)

    run: Mapped[PaymentRun] = relationship(back_populates="lines")
    agreement: Mapped[Agreement | None] = relationship()


class DutyHours(Base):
    """Hours of other municipal GP work a GP did in a month, paid by the hour (PAY-DUTY-RATE)."""

    __tablename__ = "duty_hours"
    __table_args__ = (UniqueConstraint("doctor_id", "month", "kind", name="uq_duty_hours_month_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    month: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    hours: Mapped[Decimal] = mapped_column(ExactDecimal(8, 2))
    description: Mapped[str] = mapped_column(String(300), default="")

    doctor: Mapped[Doctor] = relationship()


class BreachCase(Base):
    """AGR-BREACH, ASA 4310 § 15: a breach of the agreement from written notice to rectification."""

    __tablename__ = "breach_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    subject: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(20))
    notice_date: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    warning_date: Mapped[date | None] = mapped_column(Date)
    decision_date: Mapped[date | None] = mapped_column(Date)
    percentage: Mapped[Decimal | None] = mapped_column(ExactDecimal(5, 2))
    reasons: Mapped[str | None] = mapped_column(String(2000))
    rectified_date: Mapped[date | None] = mapped_column(Date)

    agreement: Mapped[Agreement] = relationship()
    steps: Mapped[list["BreachStep"]] = relationship(
        back_populates="case", order_by="BreachStep.id", cascade="all, delete-orphan"
    )


class BreachStep(Base):
    """One dated step of a breach case, with who recorded it and any deadline it sets."""

    __tablename__ = "breach_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("breach_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column("step_date", Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(2000))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_by: Mapped[str] = mapped_column(String(254))

    case: Mapped[BreachCase] = relationship(back_populates="steps")
