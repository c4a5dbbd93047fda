"""The append-only audit log: database triggers refuse UPDATE and DELETE (see the first migration)."""

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(Timestamp, index=True)
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    record_ids: Mapped[list] = mapped_column(JSON, default=list)
    municipality_number: Mapped[str | None] = mapped_column(String(4), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
