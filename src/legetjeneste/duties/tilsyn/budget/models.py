"""The year's vikar budget for municipal doctors and what is spent against it (TILSYN-COVER)."""

from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base, ExactDecimal


class VikarBudget(Base):
    """The year's vikar budget for municipal doctors, the rate a vikar week costs (entered by the user), and
    what is spent: vikar weeks with their cost, or weeks priced at the rate (TILSYN-COVER)."""

    __tablename__ = "tilsyn_vikar_budget"
    __table_args__ = (UniqueConstraint("municipality_number", "year", name="uq_tilsyn_vikar_budget_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal(12, 2))
    week_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal(12, 2))
    source: Mapped[str] = mapped_column(String(300), default="")
    # [{"text": ..., "weeks": "2", "cost": "84000.00" | null}]: null cost = weeks × week_rate.
    spent: Mapped[list] = mapped_column(JSON, default=list)
