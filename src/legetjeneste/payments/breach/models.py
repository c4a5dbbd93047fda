"""Breach cases (AGR-BREACH, ASA 4310 § 15) and their dated steps."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal, Timestamp
from legetjeneste.registry.models import Agreement


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
    recorded_at: Mapped[datetime] = mapped_column(Timestamp)
    recorded_by: Mapped[str] = mapped_column(String(254))

    case: Mapped[BreachCase] = relationship(back_populates="steps")
