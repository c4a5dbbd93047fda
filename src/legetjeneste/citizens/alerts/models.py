"""Alerts when a place opens (item 6): who asked to be told about which list, office or municipality, the
openings of lists the check has seen, and which opening each subscriber was told about (once each)."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class AlertSubscription(Base):
    """An e-mail address told when a place opens on one agreement's list, at one office, or anywhere in a
    municipality (`agreement_id` and `office_id` empty). Only a confirmed subscription (the address's owner
    followed the signed link) is told anything; an ended one no longer."""

    __tablename__ = "alert_subscription"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    # The citizen who subscribed while logged in (their data download lists it); None for anyone else.
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizen.id"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id"))
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    confirmed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    ended_at: Mapped[datetime | None] = mapped_column(Timestamp)


class ListOpening(Base):
    """A span in which a list had open places (AGR-OPEN), as the alert check saw it: opened when it first saw
    room, closed when it saw none. Each opening is told to each subscriber once."""

    __tablename__ = "list_opening"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(Timestamp)
    open_places: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None] = mapped_column(Timestamp)


class AlertSent(Base):
    """That the subscriber was told about the opening (the key makes it once, also when the check runs
    twice at once)."""

    __tablename__ = "alert_sent"

    subscription_id: Mapped[int] = mapped_column(ForeignKey("alert_subscription.id"), primary_key=True)
    opening_id: Mapped[int] = mapped_column(ForeignKey("list_opening.id"), primary_key=True)
    sent_at: Mapped[datetime] = mapped_column(Timestamp)
