"""The shape of the `lifecycle_cases` section of the municipality file (see lifecycle_section.py)."""

from datetime import date
from typing import Annotated

from pydantic import ConfigDict, Field

from legetjeneste.lifecycle.schemas import CaseKind, StepCreate
from legetjeneste.registry.schemas import DbId, HprNumber, Input

SECTION = "lifecycle_cases"


class LifecycleStepIn(StepCreate):
    recorded_by: Annotated[
        str | None,
        Field(max_length=254, description="Hvem som registrerte steget (standard: den som importerer)"),
    ] = None


class LifecycleCaseIn(Input):
    model_config = ConfigDict(populate_by_name=True, extra="forbid", str_strip_whitespace=True)

    agreement: Annotated[DbId | None, Field(description="Avtalens id; med kind og date nøkkelen")] = None
    kind: Annotated[CaseKind, Field(description="Sakstype")]
    on: Annotated[date, Field(alias="date", description="Datoen saken ble opprettet")]
    title: Annotated[str, Field(max_length=200, description="Sakens tittel")] = ""
    doctor: Annotated[HprNumber | None, Field(description="Legen saken gjelder (HPR-nummer)")] = None
    notice_period_end: Annotated[date | None, Field(description="Når oppsigelsesfristen løp ut")] = None
    steps: Annotated[list[LifecycleStepIn], Field(description="Stegene i saken, i rekkefølge")] = []
