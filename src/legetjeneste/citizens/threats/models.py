"""A threat case (ASA 4310 Vedlegg II): a GP's request for help about a threatening or violent patient, the
alternatives discussed, the municipality's decision, the patient's deadline and move, and the care provided
where no move is forsvarlig. The patient's identity stays in the citizen register; reading it is audited."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp


class ThreatCase(Base):
    __tablename__ = "threat_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    # The list the patient was on when help was asked for, its GP (the requesting GP) and office.
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"))
    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    requested_by: Mapped[str] = mapped_column(String(254))
    requested_at: Mapped[datetime] = mapped_column(Timestamp)
    requested_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    demanded_on: Mapped[date | None] = mapped_column(Date)
    # THREAT-DECISION: move / no_move / stay, the enkeltvedtak, and for a move the deadline and the list the
    # patient is assigned to after it.
    outcome: Mapped[str | None] = mapped_column(String(10))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    target_agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    # The move as carried out (THREAT-DEADLINE), and the new GP, who then sees the case.
    moved_on: Mapped[date | None] = mapped_column(Date)
    moved_how: Mapped[str | None] = mapped_column(String(10))
    new_agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    new_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    # THREAT-NEW-GP: the municipality contacted the new GP and agreed on measures; what the patient was told.
    contacted_on: Mapped[date | None] = mapped_column(Date)
    agreed_measures: Mapped[str] = mapped_column(Text, default="")
    patient_told: Mapped[str] = mapped_column(Text, default="")
    # THREAT-ALTERNATIVE: institution / vaktordning where no move is forsvarlig.
    alternative: Mapped[str | None] = mapped_column(String(12))
    alternative_note: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_by: Mapped[str | None] = mapped_column(String(254))

    measures: Mapped[list["ThreatMeasure"]] = relationship(
        back_populates="case", order_by="ThreatMeasure.id", cascade="all, delete-orphan"
    )


class ThreatMeasure(Base):
    """One of the seven alternatives of Vedlegg II punkt 1 (THREAT-MEASURES) as it stands in the case:
    discussed, applied or rejected, with its date and note (a later entry for the same alternative replaces
    it; the audit log keeps the earlier ones)."""

    __tablename__ = "threat_measure"
    __table_args__ = (UniqueConstraint("case_id", "code", name="uq_threat_measure_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("threat_case.id"))
    code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    on: Mapped[date] = mapped_column("on_date", Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(254))
    recorded_at: Mapped[datetime] = mapped_column(Timestamp)

    case: Mapped[ThreatCase] = relationship(back_populates="measures")
