"""The register, modelled on the national GP register (FLR): offices, doctors, agreements, periods, counts."""

from datetime import date
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.dates import Period
from legetjeneste.db import Base, ExactDecimal


class Municipality(Base):
    __tablename__ = "municipality"

    number: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))

    populations: Mapped[list["MunicipalityPopulation"]] = relationship(
        order_by="MunicipalityPopulation.year", cascade="all, delete-orphan"
    )

    def set_inhabitants(self, inhabitants: dict[int, int]) -> None:
        """Set the inhabitants of the years given; other years stay as they are."""
        existing = {p.year: p for p in self.populations}
        for year, count in inhabitants.items():
            if year in existing:
                existing[year].inhabitants = count
            else:
                self.populations.append(MunicipalityPopulation(year=year, inhabitants=count))


class MunicipalityPopulation(Base):
    __tablename__ = "municipality_population"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    inhabitants: Mapped[int] = mapped_column(Integer)


class Office(Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    organisation_number: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_group_practice: Mapped[bool] = mapped_column(Boolean)
    street_address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    is_accessible: Mapped[bool] = mapped_column(Boolean, default=False)


class Doctor(Base):
    __tablename__ = "doctor"
    __table_args__ = (
        UniqueConstraint("municipality_number", "hpr_number", name="uq_doctor_municipality_hpr"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    hpr_number: Mapped[str] = mapped_column(String(9))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    specialist_status: Mapped[str] = mapped_column(String(20))
    payment_account: Mapped[str | None] = mapped_column(String(11))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Agreement(Base):
    __tablename__ = "agreement"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    listetak: Mapped[int] = mapped_column(Integer)
    list_status: Mapped[str] = mapped_column(String(10))
    operating_model: Mapped[str] = mapped_column(String(20))
    fellesliste: Mapped[bool] = mapped_column(Boolean, default=False)
    agreement_date: Mapped[date | None] = mapped_column(Date)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    end_reason: Mapped[str | None] = mapped_column(String(30))
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    phone_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    utekontor: Mapped[list] = mapped_column(JSON, default=list)

    office: Mapped[Office] = relationship()
    doctor_periods: Mapped[list["DoctorPeriod"]] = relationship(
        back_populates="agreement", order_by="DoctorPeriod.start", cascade="all, delete-orphan"
    )

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    def periods_on(self, role: str, on: date) -> list["DoctorPeriod"]:
        """The doctor periods of `role` (regular, vikar, delelege) that cover the day."""
        return [p for p in self.doctor_periods if p.role == role and p.period.contains(on)]


class DoctorPeriod(Base):
    __tablename__ = "doctor_period"
    __table_args__ = (
        # The municipality file's key of a period (docs/adr/0010): the backstop of concurrent imports.
        UniqueConstraint("agreement_id", "doctor_id", "role", "start_date", name="uq_doctor_period_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))
    vikar_for_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"))
    working_percentage: Mapped[int | None] = mapped_column(Integer)
    working_days: Mapped[list] = mapped_column(JSON, default=list)
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)

    agreement: Mapped[Agreement] = relationship(back_populates="doctor_periods")
    doctor: Mapped[Doctor] = relationship(foreign_keys=[doctor_id])
    vikar_for: Mapped[Doctor | None] = relationship(foreign_keys=[vikar_for_doctor_id])

    @property
    def doctor_name(self) -> str:
        return self.doctor.full_name

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class ListCount(Base):
    """Helfo's monthly figures for one agreement: the list on the 1st, the waiting list, the PBT amount."""

    __tablename__ = "list_count"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    list_length: Mapped[int] = mapped_column(Integer)
    waiting_list_count: Mapped[int] = mapped_column(Integer, default=0)
    pbt_annual_amount: Mapped[Decimal | None] = mapped_column(ExactDecimal(12, 2))
