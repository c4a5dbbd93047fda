"""A municipality's basistilskudd runs and their lines."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal, Timestamp
from legetjeneste.registry.models import Agreement


class PaymentRun(Base):
    """A municipality's basistilskudd for one month: a draft until approved, then never changed.

    `version` counts the computations: 1 when first computed, one more on every recompute, so an approval
    can name the computation its approver saw (docs/adr/0010)."""

    __tablename__ = "payment_run"
    __table_args__ = (UniqueConstraint("municipality_number", "month", name="uq_payment_run_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    month: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    due_date: Mapped[date] = mapped_column(Date)
    computed_at: Mapped[datetime] = mapped_column(Timestamp)
    computed_by: Mapped[str] = mapped_column(String(254))
    approved_at: Mapped[datetime | None] = mapped_column(Timestamp)
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
