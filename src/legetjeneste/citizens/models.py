"""The citizen register (DESIGN.md, "Privacy and security"): citizens, their parents, their places on lists
over time (the FLR model: a membership of an agreement with a begin and an end reason) and the waiting lists.

Citizen identities live only here. Every read of a `national_id` is audited by the service that reads it.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, UniqueConstraint
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


class ListLengthChange(Base):
    """AGR-OPEN — the list length kept per agreement (docs/adr/0014): how much the list grows (or shrinks)
    from `day` on. An agreement's list length on a day is the sum of its changes on and before that day,
    the same number as its memberships covering the day. Written only through `citizens.lengths.queries`
    (by `citizens.places.queries.move`, and by the bulk loaders with `keep_places`) in the transaction that
    changes the memberships; the monthly run checks it against them."""

    __tablename__ = "list_length_change"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    delta: Mapped[int] = mapped_column(Integer)


class WaitingListEntry(Base):
    """A citizen waiting for a place on one agreement's list (CIT-WAIT: one at a time)."""

    __tablename__ = "waiting_list_entry"
    __table_args__ = (UniqueConstraint("citizen_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"))
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    joined_at: Mapped[datetime] = mapped_column(Timestamp)
    position_hint: Mapped[int | None] = mapped_column(Integer)


class CitizenSettings(Base):
    """A municipality's choices for its citizens: CIT-UNASSIGNED's automatic assignment (on by default;
    off: the kommuneoverlege distributes citizens without a list to lists of the municipality's choosing)."""

    __tablename__ = "citizen_settings"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    auto_assign: Mapped[bool] = mapped_column(default=True)


class CitizenLetter(Base):
    """A letter to a citizen about a move (CIT-WAIT-EFFECT, CIT-UNASSIGNED, CIT-REDUCTION-DRAW, AGR-VACANT):
    `channel` "inbox" when the citizen has a user and was told there, else "post" (waiting to be printed or
    sent digitally by the municipality's letter service; `sent_at` set when it is)."""

    __tablename__ = "citizen_letter"
    __table_args__ = (Index("ix_citizen_letter_municipality_channel", "municipality_number", "channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizen.id"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"))
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    channel: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(2000))
    rule_id: Mapped[str] = mapped_column(String(30))
    cause: Mapped[str | None] = mapped_column(String(60))
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp)


class CitizenRun(Base):
    """One daily (assignment and waiting lists) or monthly (effective date) run for a municipality: when, the
    job that ran it, and what it moved by reason (the moves carry `cause` "run:<id>")."""

    __tablename__ = "citizen_run"
    __table_args__ = (Index("ix_citizen_run_municipality_kind_day", "municipality_number", "kind", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"))
    kind: Mapped[str] = mapped_column(String(10))
    day: Mapped[date] = mapped_column(Date)
    job_id: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(Timestamp)
    finished_at: Mapped[datetime | None] = mapped_column(Timestamp)
    result: Mapped[dict] = mapped_column(JSON, default=dict)


class Distribution(Base):
    """A recorded move of many citizens decided by the municipality: a list reduction's draw
    (CIT-REDUCTION-DRAW, `kind` "reduction": the seed and the drawn citizens, so the draw can be shown and
    checked again), a vacant list distributed (AGR-VACANT, "vacant"), or citizens without a list
    distributed by the kommuneoverlege (CIT-UNASSIGNED, "manual"). The moves carry `cause` "dist:<id>"."""

    __tablename__ = "citizen_distribution"
    __table_args__ = (Index("ix_citizen_distribution_agreement", "agreement_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    case_id: Mapped[int | None] = mapped_column(Integer)
    effective: Mapped[date] = mapped_column(Date)
    seed: Mapped[str | None] = mapped_column(String(40))
    requested: Mapped[int] = mapped_column(Integer)
    moved: Mapped[int] = mapped_column(Integer)
    families: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    created_by: Mapped[str] = mapped_column(String(254))
    # The record: the members considered (their ids, in order), the drawn families and where each went.
    record: Mapped[dict] = mapped_column(JSON, default=dict)
