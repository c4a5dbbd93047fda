"""Legevakt and nødnett schemes, their shift templates, participants, targets, nødnett office days and
bakvakt days; the doctors' courses (LV-COMPETENCE) and the municipality's local parameters.

A scheme belongs to its host municipality; an intermunicipal legevakt lists its partner municipalities,
whose doctors may take part (participants point at any doctor row of the host or a partner).
"""

from datetime import date, time

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.dates import Period
from legetjeneste.db import Base
from legetjeneste.registry.models import Doctor, Office


class Scheme(Base):
    """A legevakt or nødnett scheme (`kind` is "legevakt" or "nodnett") of a host municipality."""

    __tablename__ = "legevakt_scheme"
    __table_args__ = (UniqueConstraint("municipality_number", "code", name="uq_legevakt_scheme_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    # LV-WISH: the scheme's own number of wishes per participant and month; None: the national parameter.
    max_wishes_per_month: Mapped[int | None] = mapped_column(Integer)
    # LV-SWAP: a swap both doctors agreed to is approved at once when every hard rule holds.
    swaps_approve_automatically: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    partners: Mapped[list["SchemePartner"]] = relationship(
        order_by="SchemePartner.municipality_number", cascade="all, delete-orphan"
    )
    shift_templates: Mapped[list["ShiftTemplate"]] = relationship(
        back_populates="scheme", order_by="ShiftTemplate.position", cascade="all, delete-orphan"
    )
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="scheme", order_by="Participant.id", cascade="all, delete-orphan"
    )
    targets: Mapped[list["Target"]] = relationship(order_by="Target.id", cascade="all, delete-orphan")
    office_days: Mapped[list["NodnettOfficeDay"]] = relationship(
        order_by="NodnettOfficeDay.id", cascade="all, delete-orphan"
    )
    bakvakt_days: Mapped[list["BakvaktDay"]] = relationship(
        order_by="BakvaktDay.day", cascade="all, delete-orphan"
    )

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class SchemePartner(Base):
    """A municipality taking part in an intermunicipal scheme hosted by another."""

    __tablename__ = "legevakt_scheme_partner"

    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)


class ShiftTemplate(Base):
    """A kind of shift: start and end time (end ≤ start means the next morning), on weekdays or on
    weekends (public holidays count as weekend days), or on all days; `is_alternative` templates are
    offered but not rostered by default. `has_bakvakt`: a bakvakt is always rostered with this shift, so
    a doctor who needs one (LV-COMPETENCE) may take it."""

    __tablename__ = "legevakt_shift_template"
    __table_args__ = (UniqueConstraint("scheme_id", "code", name="uq_legevakt_shift_template_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(100))
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    day_kind: Mapped[str] = mapped_column(String(10))
    is_night: Mapped[bool] = mapped_column(Boolean, default=False)
    is_alternative: Mapped[bool] = mapped_column(Boolean, default=False)
    has_bakvakt: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    scheme: Mapped[Scheme] = relationship(back_populates="shift_templates")


class Participant(Base):
    """A doctor in a scheme for a period, with a participation percentage; for nødnett, the office
    whose days the doctor shares."""

    __tablename__ = "legevakt_participant"
    __table_args__ = (
        UniqueConstraint("scheme_id", "doctor_id", "start_date", name="uq_legevakt_participant_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"))
    participation_percentage: Mapped[int] = mapped_column(Integer, default=100)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)

    scheme: Mapped[Scheme] = relationship(back_populates="participants")
    doctor: Mapped[Doctor] = relationship()
    office: Mapped[Office | None] = relationship()

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class Target(Base):
    """How often a participant takes a shift of a day kind: every `every_nth` weekday / weekend.
    A row without a period is the scheme's ordinary target; a row with a period (the summer at double
    frequency) replaces it inside that period."""

    __tablename__ = "legevakt_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    day_kind: Mapped[str] = mapped_column(String(10))
    every_nth: Mapped[int] = mapped_column(Integer)
    start: Mapped[date | None] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)


class NodnettOfficeDay(Base):
    """NN-OFFICE-DAYS: the office whose participating doctors hold daytime nødnett on a weekday."""

    __tablename__ = "nodnett_office_day"
    __table_args__ = (UniqueConstraint("scheme_id", "weekday", name="uq_nodnett_office_day_weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    weekday: Mapped[str] = mapped_column(String(10))

    office: Mapped[Office] = relationship()


class BakvaktDay(Base):
    """A day on which a bakvakt (LV-COMPETENCE) is rostered for the scheme, optionally naming the doctor."""

    __tablename__ = "legevakt_bakvakt_day"
    __table_args__ = (UniqueConstraint("scheme_id", "day", name="uq_legevakt_bakvakt_day_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))

    doctor: Mapped[Doctor | None] = relationship()


class DoctorCourse(Base):
    """A course a doctor has completed that LV-COMPETENCE asks for: `emergency_medicine` or
    `violence_abuse`."""

    __tablename__ = "doctor_course"
    __table_args__ = (UniqueConstraint("doctor_id", "course", name="uq_doctor_course_course"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    course: Mapped[str] = mapped_column(String(30))
    completed_on: Mapped[date] = mapped_column(Date)


class LocalParameter(Base):
    """A municipality's own value of a national parameter from a date (DESIGN: local overrides)."""

    __tablename__ = "local_parameter"
    __table_args__ = (
        UniqueConstraint("municipality_number", "name", "since", name="uq_local_parameter_since"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    since: Mapped[date] = mapped_column(Date)
    value: Mapped[dict] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(300))
