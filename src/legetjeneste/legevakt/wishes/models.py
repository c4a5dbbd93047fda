"""A participant's wishes for a scheme's coming roster (LV-WISH): a day off or a day wanted."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp
from legetjeneste.legevakt.schemes.models import Scheme
from legetjeneste.registry.models import Doctor


class Wish(Base):
    """One doctor's wish for one day of a scheme: `kind` "off" (no shift that day) or "on" (a shift that
    day), with an optional short note for the kommuneoverlege. One wish per doctor, scheme and day.

    It points at the doctor, not at the participation row: a scheme's participants are written anew
    when the scheme is saved."""

    __tablename__ = "legevakt_wish"
    __table_args__ = (UniqueConstraint("scheme_id", "doctor_id", "day", name="uq_legevakt_wish_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(3))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    changed_at: Mapped[datetime] = mapped_column(Timestamp)

    scheme: Mapped[Scheme] = relationship()
    doctor: Mapped[Doctor] = relationship()
