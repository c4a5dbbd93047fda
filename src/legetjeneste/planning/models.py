"""National statistics: SSB's key figures per municipality and year (read-only reference data)."""

from decimal import Decimal

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, ExactDecimal


class NationalKeyFigure(Base):
    """One SSB table 12005 (KOSTRA) figure; no foreign key: it covers all 351 municipalities."""

    __tablename__ = "national_key_figure"

    municipality_number: Mapped[str] = mapped_column(String(4), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[Decimal] = mapped_column(ExactDecimal(14, 2))
