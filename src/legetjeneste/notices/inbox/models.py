"""A notice to one user: what lands in the user's inbox (and, by the user's choice, in their e-mail)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class InboxNotice(Base):
    __tablename__ = "inbox_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    municipality_number: Mapped[str | None] = mapped_column(ForeignKey("municipality.number"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(String(300), default="")
    rule_id: Mapped[str] = mapped_column(String(30), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp)
    read_at: Mapped[datetime | None] = mapped_column(Timestamp)
