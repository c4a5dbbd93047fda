"""Pydantic shapes of population figures: items of the municipality file's `population` section."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class PopulationIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    year: Annotated[int, Field(ge=1990, le=2100)]
    age_band: Annotated[str, Field(description="0-14, 15-66, 67-79, 80+ eller total")]
    count: Annotated[int, Field(ge=0)]
    projected: Annotated[bool, Field(description="Framskrevet (true) eller faktisk (false)")] = False
    source: Annotated[str, Field(max_length=500, description="SSB-tabell eller annen kilde")] = ""
