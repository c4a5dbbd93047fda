"""An enkeltvedtak with its letter (DEC-REASONS, DEC-NOTIFY), its appeals (DEC-APPEAL), and the counter that
numbers a municipality's decisions per year."""

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp


class Decision(Base):
    """One enkeltvedtak: what a feature decided about a party in a case, with the reasons its letter gives.

    `case_entity`/`case_id`/`case_link` name the case it belongs to (an exemption, a breach case …); the
    party is `doctor_id` (None when the party has no doctor row, e.g. an applicant awarded an agreement)
    and `party_name`. `reasons` are lines {rule_id, citation, text}, `facts` lines of text. The letter
    reached the party on `reached_on`; the appeal deadline is `appeal_deadline` (DEC-APPEAL).
    `replaces_id`: the decision this one reverses on appeal."""

    __tablename__ = "decision"
    __table_args__ = (
        UniqueConstraint("municipality_number", "case_number", name="uq_decision_municipality_case_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    case_number: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(30))
    case_entity: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int] = mapped_column(Integer)
    case_link: Mapped[str] = mapped_column(String(300), default="")
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    party_name: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(10))
    summary: Mapped[str] = mapped_column(Text)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    facts: Mapped[list] = mapped_column(JSON, default=list)
    weighing: Mapped[str] = mapped_column(Text, default="")
    health_data: Mapped[bool] = mapped_column(Boolean, default=False)
    deciding_body: Mapped[str] = mapped_column(String(200))
    appeal_body: Mapped[str] = mapped_column(String(200))
    decided_on: Mapped[date] = mapped_column(Date)
    decided_at: Mapped[datetime] = mapped_column(Timestamp)
    decided_by: Mapped[str] = mapped_column(String(254))
    reached_on: Mapped[date] = mapped_column(Date)
    appeal_deadline: Mapped[date] = mapped_column(Date)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))

    appeals: Mapped[list["Appeal"]] = relationship(
        back_populates="decision",
        order_by="Appeal.id",
        cascade="all, delete-orphan",
        foreign_keys="Appeal.decision_id",
    )


class Appeal(Base):
    """An appeal against a decision, a step on it: received, then reversed by the deciding body (with the
    new decision) or sent on to the appeal body (DEC-APPEAL). `status`: received, reversed, sent_on."""

    __tablename__ = "decision_appeal"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    received_at: Mapped[datetime] = mapped_column(Timestamp)
    submitted_by: Mapped[str] = mapped_column(String(254))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))
    handled_on: Mapped[date | None] = mapped_column(Date)
    handled_at: Mapped[datetime | None] = mapped_column(Timestamp)
    handled_by: Mapped[str | None] = mapped_column(String(254))
    handling_text: Mapped[str] = mapped_column(Text, default="")
    new_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))

    decision: Mapped[Decision] = relationship(back_populates="appeals", foreign_keys=[decision_id])


class DecisionCounter(Base):
    """The last case number given in a municipality's year: numbers are taken by an atomic upsert, so two
    decisions at the same moment never get the same one."""

    __tablename__ = "decision_counter"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)
