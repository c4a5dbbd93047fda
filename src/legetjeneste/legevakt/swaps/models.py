"""A swap of shifts on a published roster (LV-SWAP): a shift offered to anyone in the scheme, swapped for a
named colleague's shift, or handed over to a named colleague; answered by the colleague, then approved by
the municipality (or at once, when the scheme approves swaps automatically)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legetjeneste.db import Base, Timestamp
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment
from legetjeneste.registry.models import Doctor


class Swap(Base):
    """`kind` is "offer" (to anyone in the scheme), "swap" (my shift for the colleague's `their_shift`) or
    "handover" (my shift to the colleague). The shifts are the rows of the roster version the swap was
    proposed on; a later version holds them under the same shift key. `status`: "open" (an offer no one
    has taken), "proposed" (awaiting the colleague), "accepted" (awaiting the municipality), "approved"
    (`new_roster_id` is the version it made), "declined", "refused" (`rule_id`, `reason`), "withdrawn"."""

    __tablename__ = "legevakt_swap"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("legevakt_scheme.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("roster_assignment.id"), index=True)
    their_shift_id: Mapped[int | None] = mapped_column(ForeignKey("roster_assignment.id"), index=True)
    from_doctor_id: Mapped[int] = mapped_column(ForeignKey("doctor.id"), index=True)
    to_doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctor.id"), index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    rule_id: Mapped[str | None] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(Text)
    new_roster_id: Mapped[int | None] = mapped_column(ForeignKey("legevakt_roster.id"))
    proposed_at: Mapped[datetime] = mapped_column(Timestamp)
    proposed_by: Mapped[str] = mapped_column(String(254))
    answered_at: Mapped[datetime | None] = mapped_column(Timestamp)
    decided_at: Mapped[datetime | None] = mapped_column(Timestamp)
    decided_by: Mapped[str | None] = mapped_column(String(254))

    shift: Mapped[RosterAssignment] = relationship(foreign_keys=[shift_id])
    their_shift: Mapped[RosterAssignment | None] = relationship(foreign_keys=[their_shift_id])
    from_doctor: Mapped[Doctor] = relationship(foreign_keys=[from_doctor_id])
    to_doctor: Mapped[Doctor | None] = relationship(foreign_keys=[to_doctor_id])
    new_roster: Mapped[Roster | None] = relationship(foreign_keys=[new_roster_id])
