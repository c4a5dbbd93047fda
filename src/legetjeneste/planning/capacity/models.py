"""Population by age band by year, actual and projected (STAT-POPULATION), from SSB's Statbank files or,
labelled so, built from a plan's own figures."""

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legetjeneste.db import Base


class PopulationFigure(Base):
    __tablename__ = "population_figure"

    municipality_number: Mapped[str] = mapped_column(ForeignKey("municipality.number"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    age_band: Mapped[str] = mapped_column(String(10), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    projected: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text, default="")
