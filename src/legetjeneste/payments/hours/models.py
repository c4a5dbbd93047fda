"""Hours of other municipal GP work, paid by the hour in the monthly run."""

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal
from legetjeneste.registry.models import Doctor


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
