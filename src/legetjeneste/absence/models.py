"""Absences with their cover, and what the citizen's GP panel is made of: digital services, the absence
assistant and the office notice."""

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.dates import Period
from legetjeneste.db import Base, Timestamp
from legetjeneste.registry.models import Agreement, Doctor, Office

OVERLAP_CONSTRAINT = "ex_absence_doctor_period"


class Absence(Base):
    """A doctor's absence from an agreement, typed by its ASA 4310 § 13 ground (ABS-TYPES)."""

    __tablename__ = "absence"
    # A doctor has one absence at a time (ABS-TYPES), so one starting on a day (the municipality file's
    # key). The exclusion constraint holds the rest on PostgreSQL, so two requests at once cannot both pass
    # the service's check (docs/adr/0010); SQLite ignores it, and there the service checks inside one write
    # transaction.
    __table_args__ = (
        UniqueConstraint("doctor_id", "start_date", name="uq_absence_doctor_start"),
        ExcludeConstraint(
            ("doctor_id", "="),
            (text("daterange(start_date, end_date, '[]')"), "&&"),
            name=OVERLAP_CONSTRAINT,
            using="gist",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    ground: Mapped[str] = mapped_column(String(30))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date] = mapped_column("end_date", Date)
    cover: Mapped[str] = mapped_column(String(20))
    vikar_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    created_by: Mapped[str] = mapped_column(String(254))

    doctor: Mapped[Doctor] = relationship(foreign_keys=[doctor_id])
    vikar: Mapped[Doctor | None] = relationship(foreign_keys=[vikar_doctor_id])
    agreement: Mapped[Agreement] = relationship()

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class DigitalServices(Base):
    """Which of the GP's services the citizen portal offers for an agreement (HN-KEEP-ON, HN-MIN-ONE)."""

    __tablename__ = "digital_services"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), primary_key=True)
    offers_digital_services: Mapped[bool] = mapped_column(Boolean, default=True)
    booking: Mapped[bool] = mapped_column(Boolean, default=True)
    e_consultation: Mapped[bool] = mapped_column(Boolean, default=True)
    prescription_renewal: Mapped[bool] = mapped_column(Boolean, default=True)
    e_contact: Mapped[bool] = mapped_column(Boolean, default=True)


class AbsenceAssistant(Base):
    """A colleague answering some of the GP's digital services in a period (Helsenorge's fraværsassistent)."""

    __tablename__ = "absence_assistant"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    colleague_doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"))
    services: Mapped[list] = mapped_column(JSON, default=list)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date] = mapped_column("end_date", Date)

    agreement: Mapped[Agreement] = relationship()
    colleague: Mapped[Doctor] = relationship()

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class OfficeNotice(Base):
    """The office's message under «Informasjon fra legekontoret» in the GP panel, with its validity."""

    __tablename__ = "office_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    text: Mapped[str] = mapped_column(String(1000))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)

    office: Mapped[Office] = relationship()

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)
