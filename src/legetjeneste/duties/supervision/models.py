"""Agreements to receive and supervise a LIS1 or an ALIS (DUTY-LIS1-AGREE, ASA 4310 § 11.1)."""

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal
from legetjeneste.registry.models import Doctor


class SupervisionAgreement(Base):
    """A GP's agreement with the municipality to receive and supervise a LIS1 (or an ALIS): its term, a
    renewal or not, notice given, and until when supervision already begun runs."""

    __tablename__ = "duty_supervision_agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    trainee_kind: Mapped[str] = mapped_column(String(5))
    trainee_name: Mapped[str] = mapped_column(String(200), default="")
    hours_per_week: Mapped[Decimal | None] = mapped_column(ExactDecimal(6, 2))
    start: Mapped[date] = mapped_column("start_date", Date)
    term_end: Mapped[date] = mapped_column(Date)
    renewal: Mapped[bool] = mapped_column(Boolean, default=False)
    notice_on: Mapped[date | None] = mapped_column(Date)
    supervision_until: Mapped[date | None] = mapped_column(Date)

    doctor: Mapped[Doctor] = relationship()
