"""Cover while municipal doctors are away (TILSYN-COVER): the municipal doctors who are not GPs in the
register (the sykehjemslege, the kommuneoverlege), their absences, and the named substitute for a unit, or for
a municipal doctor's function, on a day."""

from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base


class MunicipalDoctor(Base):
    """A doctor the municipality employs for municipal doctor work who is not a GP in the register: the
    sykehjemslege, the kommuneoverlege, the smittevernlege. Recorded by the role and a name only (no HPR
    number, no list); a GP who also does municipal work is the register's doctor instead."""

    __tablename__ = "tilsyn_municipal_doctor"
    __table_args__ = (
        UniqueConstraint("municipality_number", "code", name="uq_tilsyn_municipal_doctor_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))

    absences: Mapped[list["MunicipalAbsence"]] = relationship(
        cascade="all, delete-orphan", order_by="MunicipalAbsence.start", back_populates="doctor"
    )


class MunicipalAbsence(Base):
    """A municipal doctor away from a day to a day (both included): vacation, courses, sickness."""

    __tablename__ = "tilsyn_municipal_absence"
    __table_args__ = (
        UniqueConstraint("municipal_doctor_id", "start_date", name="uq_tilsyn_municipal_absence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipal_doctor_id: Mapped[int] = mapped_column(ForeignKey("tilsyn_municipal_doctor.id"), index=True)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date] = mapped_column("end_date", Date)
    text: Mapped[str] = mapped_column(String(200), default="")

    doctor: Mapped[MunicipalDoctor] = relationship(back_populates="absences")


class Substitute(Base):
    """A named substitute on a day: for a unit whose tilsynslege is away, or for the function of an absent
    municipal doctor with no unit hours that day (the kommuneoverlege's stand-in, VEFSN 8.1.3)."""

    __tablename__ = "tilsyn_substitute"
    __table_args__ = (
        UniqueConstraint("unit_id", "day", name="uq_tilsyn_substitute_day"),
        UniqueConstraint("municipal_doctor_id", "day", name="uq_tilsyn_substitute_standin_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("tilsyn_unit.id"), index=True)
    municipal_doctor_id: Mapped[int | None] = mapped_column(
        ForeignKey("tilsyn_municipal_doctor.id"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))
