"""The municipality's own statistics per year (STAT-*): legevakt contacts, consultations, costs, vacant
shifts as registered, the six legevakt quality indicators, office quality indicators and fee-code counts."""

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, ExactDecimal
from legetjeneste.registry.models import Office


class StatisticsYear(Base):
    """What the municipality counted in a year; None where it has no figure (shown as «–», never as 0)."""

    __tablename__ = "statistics_year"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    inhabitants: Mapped[int | None] = mapped_column(Integer)
    legevakt_contacts: Mapped[int | None] = mapped_column(Integer)
    legevakt_target: Mapped[Decimal | None] = mapped_column(ExactDecimal(6, 2))
    gp_consultations: Mapped[int | None] = mapped_column(Integer)
    legevakt_cost: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2))
    service_budget: Mapped[Decimal | None] = mapped_column(ExactDecimal(14, 2))
    legevakt_shifts: Mapped[int | None] = mapped_column(Integer)
    vacant_shifts: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")


class QualityIndicator(Base):
    """One of the six legevakt quality indicators in a year (STAT-QI): met, not met or not reported."""

    __tablename__ = "quality_indicator"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator: Mapped[str] = mapped_column(String(30), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    evidence: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date | None] = mapped_column(Date)


class OfficeQualityIndicator(Base):
    """An office's quality indicator in a year (STAT-OFFICE-QI): waiting time, phone access, home visits."""

    __tablename__ = "office_quality_indicator"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[Decimal] = mapped_column(ExactDecimal(12, 2))
    note: Mapped[str] = mapped_column(Text, default="")

    office: Mapped[Office] = relationship()


class FeeCodeCount(Base):
    """How many times an office used a fee code in a year (STAT-LV), from the CSV import."""

    __tablename__ = "fee_code_count"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)

    office: Mapped[Office] = relationship()
