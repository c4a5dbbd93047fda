"""The citizen register (DESIGN.md, "Privacy and security"): citizens, their parents, their places on lists
over time (the FLR model: a membership of an agreement with a begin and an end reason) and the waiting lists.

Citizen identities live only here. Every read of a `national_id` is audited by the service that reads it.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.dates import Period
from legetjeneste.db import Base, Timestamp


class Citizen(Base):
    __tablename__ = "citizen"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The fødselsnummer (11 digits, validated); synthetic (month + 80) in demo and tests.
    national_id: Mapped[str] = mapped_column(String(11), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date] = mapped_column(Date)
    # "female" / "male", from the fødselsnummer's individual number (CIT-CHILDREN: the mother's list).
    sex: Mapped[str] = mapped_column(String(6))
    home_municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    # When the citizen came to live in the home municipality (CIT-UNASSIGNED: longest without a place first).
    resident_since: Mapped[date] = mapped_column(Date)
    email: Mapped[str | None] = mapped_column(String(254))


class CitizenParent(Base):
    """A child's parent (CIT-CHILDREN): children under 16 follow `is_primary`'s list, else the mother's."""

    __tablename__ = "citizen_parent"

    child_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), primary_key=True, index=True)
    is_primary: Mapped[bool] = mapped_column(default=False)


class Membership(Base):
    """A citizen's place on one agreement's list for a period, both ends included (FLR
    PatientToGPContractAssociation). `begin_reason` and `end_reason` are codes of `citizens/rules.py`
    (e.g. "switch", "moved_in", "assigned", "waiting_list", "child", "reduction", "gp_left", "vacant",
    "threat", "moved_out", "died"); whether a move counts as one of the year's switches follows from
    `begin_reason` (CIT-SWITCH)."""

    __tablename__ = "membership"
    __table_args__ = (
        Index("ix_membership_agreement_period", "agreement_id", "start_date", "end_date"),
        Index("ix_membership_citizen_start", "citizen_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"))
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"))
    start: Mapped[date] = mapped_column("start_date", Date)
    end: Mapped[date | None] = mapped_column("end_date", Date)
    begin_reason: Mapped[str] = mapped_column(String(20))
    end_reason: Mapped[str | None] = mapped_column(String(20))
    # The run or decision that made this move (a job id, a draw id, a decision's case number), for the record.
    cause: Mapped[str | None] = mapped_column(String(60))

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


class WaitingListEntry(Base):
    """A citizen waiting for a place on one agreement's list (CIT-WAIT: one at a time)."""

    __tablename__ = "waiting_list_entry"
    __table_args__ = (UniqueConstraint("citizen_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"))
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    joined_at: Mapped[datetime] = mapped_column(Timestamp)
    position_hint: Mapped[int | None] = mapped_column(Integer)
