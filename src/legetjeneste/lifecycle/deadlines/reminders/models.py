"""That a GP was told about one deadline: the clock and the due date it was told with (a clock whose due date
moves, like hjemfall's, is a new deadline and is told again)."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class DeadlineReminder(Base):
    """One reminder per clock and due date, held by the unique key: the reminders are told at most once even
    when two runs (the daily job and the command line) meet."""

    __tablename__ = "lifecycle_reminder"
    __table_args__ = (UniqueConstraint("clock_id", "due_date", name="uq_lifecycle_reminder_clock_due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clock_id: Mapped[int] = mapped_column(ForeignKey("lifecycle_clock.id", ondelete="CASCADE"), index=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    due: Mapped[date] = mapped_column("due_date", Date)
    told_at: Mapped[datetime] = mapped_column(Timestamp)
    notices: Mapped[int] = mapped_column(Integer)
