"""A municipality's settings for its payment runs."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, true
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, Timestamp


class PaymentSetting(Base):
    """A municipality's settings for approving runs. `four_eyes` (PAY-FOUR-EYES): the person who approves a
    run may not be the one who computed it last; on unless the municipality has switched it off (a
    municipality without a row has it on)."""

    __tablename__ = "payment_setting"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    four_eyes: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    changed_at: Mapped[datetime] = mapped_column(Timestamp)
    changed_by: Mapped[str] = mapped_column(String(254))
