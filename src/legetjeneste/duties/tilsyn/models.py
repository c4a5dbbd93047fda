"""Tilsyn in institutions (TILSYN-*): institutions and their units with bed type and beds, a dated norm per
unit with its source, and versions of the tilsyn plan with planned hours per weekday per unit and its
tilsynslege. Cover while doctors are away is in cover/, the vikar budget in budget/."""

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal
from legetjeneste.duties.tilsyn.cover.models import MunicipalDoctor
from legetjeneste.registry.models import Doctor


class Institution(Base):
    __tablename__ = "tilsyn_institution"
    __table_args__ = (UniqueConstraint("municipality_number", "code", name="uq_tilsyn_institution_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))

    units: Mapped[list["Unit"]] = relationship(
        back_populates="institution", cascade="all, delete-orphan", order_by="Unit.id"
    )


class Unit(Base):
    """A unit (avdeling) with its bed type (TILSYN-BED-TYPES) and beds."""

    __tablename__ = "tilsyn_unit"
    __table_args__ = (UniqueConstraint("institution_id", "code", name="uq_tilsyn_unit_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("tilsyn_institution.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    bed_type: Mapped[str] = mapped_column(String(20))
    beds: Mapped[int | None] = mapped_column(Integer)

    institution: Mapped[Institution] = relationship(back_populates="units")
    norms: Mapped[list["Norm"]] = relationship(cascade="all, delete-orphan", order_by="Norm.since")


class Norm(Base):
    """Doctor hours a week the norm asks for in a unit, from a day, with its source (TILSYN-NORM)."""

    __tablename__ = "tilsyn_norm"
    __table_args__ = (UniqueConstraint("unit_id", "since", name="uq_tilsyn_norm_since"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("tilsyn_unit.id"), index=True)
    since: Mapped[date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2))
    source: Mapped[str] = mapped_column(String(300))


class Plan(Base):
    """A version of the tilsyn plan, in force from a day (before and after a restructuring), with the hours a
    week legevakt covers the institutions (TILSYN-LV-SHARE)."""

    __tablename__ = "tilsyn_plan"
    __table_args__ = (UniqueConstraint("municipality_number", "code", name="uq_tilsyn_plan_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    legevakt_hours: Mapped[Decimal | None] = mapped_column(ExactDecimal(6, 2))
    source: Mapped[str] = mapped_column(String(300), default="")

    hours: Mapped[list["PlanHours"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanHours.id", back_populates="plan"
    )


class PlanHours(Base):
    """Planned hours in a unit on a weekday, with the tilsynslege: a GP in the register, a municipal doctor
    (the sykehjemslege, TILSYN-COVER), or only a label («Tilsynslege Parken») where nobody is named."""

    __tablename__ = "tilsyn_plan_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("tilsyn_plan.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("tilsyn_unit.id"), index=True)
    weekday: Mapped[str] = mapped_column(String(10))
    hours: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2))
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    municipal_doctor_id: Mapped[int | None] = mapped_column(
        ForeignKey("tilsyn_municipal_doctor.id"), index=True
    )
    doctor_label: Mapped[str] = mapped_column(String(100), default="")

    plan: Mapped[Plan] = relationship(back_populates="hours")
    unit: Mapped[Unit] = relationship()
    doctor: Mapped[Doctor | None] = relationship()
    municipal_doctor: Mapped[MunicipalDoctor | None] = relationship()
