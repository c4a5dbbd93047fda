"""Notices to a municipality that its users see on their start page until someone has read them."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class Notice(Base):
    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    rule_id: Mapped[str] = mapped_column(String(30))
    citation: Mapped[str] = mapped_column(String(100))
    message: Mapped[str] = mapped_column(String(1000))
    link: Mapped[str] = mapped_column(String(200), default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(Timestamp)
    acknowledged_by: Mapped[str | None] = mapped_column(String(254))
