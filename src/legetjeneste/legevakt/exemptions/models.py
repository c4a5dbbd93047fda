"""Applications for exemption from a scheme and, once decided, the enkeltvedtak."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.dates import Period
from legetjeneste.db import Base, Timestamp
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.registry.models import Doctor


class Exemption(Base):
    """An application for exemption from a scheme and, once decided, the enkeltvedtak.

    `ground`: over_60, pregnancy, breastfeeding (LV-EXEMPT-RIGHT) or health, social (LV-EXEMPT-DISCRETION /
    NN-EXEMPT). `extent`: full, or no_nights (a partial exemption). `status`: pending, granted, refused.
    `granted_start`/`granted_end` are the decided period (open end for a right without end)."""

    __tablename__ = "exemption"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    ground: Mapped[str] = mapped_column(String(20))
    extent: Mapped[str] = mapped_column(String(20), default="full")
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    child_birth_date: Mapped[date | None] = mapped_column(Date)
    application_text: Mapped[str] = mapped_column(Text, default="")
    applied_on: Mapped[date] = mapped_column(Date)
    applied_by: Mapped[str] = mapped_column(String(254))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    granted_start: Mapped[date | None] = mapped_column(Date)
    granted_end: Mapped[date | None] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text, default="")
    weighing: Mapped[str] = mapped_column(Text, default="")
    rule_id: Mapped[str | None] = mapped_column(String(30))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(254))
    decided_at: Mapped[datetime | None] = mapped_column(Timestamp)

    scheme: Mapped[Scheme] = relationship()
    doctor: Mapped[Doctor] = relationship()

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    @property
    def granted_period(self) -> Period | None:
        if self.status != "granted" or self.granted_start is None:
            return None
        return Period(self.granted_start, self.granted_end)
