"""Pydantic shapes of tilsyn: institutions, units and norms, plan versions and their hours as typed (the
municipality file, the API), and planned against norm per unit and in total (TILSYN-NORM)."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from legetjeneste.duties.schemas import Weekday
from legetjeneste.registry.schemas import HprNumber, Input

Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
BedType = Literal["langtid", "korttid", "ohd_rehab", "lindrende", "demens", "other"]
WeekHours = Annotated[Decimal, Field(ge=0, le=168, max_digits=6, decimal_places=2)]


class NormIn(Input):
    since: date
    hours: WeekHours
    source: Annotated[str, Field(min_length=1, max_length=300)]


class UnitIn(Input):
    code: Code
    name: Annotated[str, Field(min_length=1, max_length=200)]
    bed_type: BedType
    beds: Annotated[int | None, Field(ge=0, le=1000)] = None
    norms: list[NormIn] = []


class InstitutionIn(Input):
    """An institution with its units, each with bed type, beds and dated norms (TILSYN-BED-TYPES)."""

    code: Code
    name: Annotated[str, Field(min_length=1, max_length=200)]
    units: Annotated[list[UnitIn], Field(min_length=1)]


class PlanHoursIn(Input):
    institution: Code
    unit: Code
    weekday: Weekday
    hours: Annotated[Decimal, Field(gt=0, le=24, max_digits=5, decimal_places=2)]
    doctor: HprNumber | None = None
    municipal_doctor: Annotated[
        Code | None, Field(description="Kommunal lege som ikke er fastlege (municipal_doctors), ved kode")
    ] = None
    doctor_label: Annotated[str, Field(max_length=100)] = ""

    @model_validator(mode="after")
    def _one_doctor(self) -> "PlanHoursIn":
        if self.doctor is not None and self.municipal_doctor is not None:
            raise ValueError("oppgi enten lege (HPR-nummer) eller kommunal lege, ikke begge")
        return self


class PlanIn(Input):
    """A version of the tilsyn plan, in force from a day, with the hours legevakt covers (TILSYN-LV-SHARE)."""

    code: Code
    name: Annotated[str, Field(min_length=1, max_length=200)]
    valid_from: date
    legevakt_hours: WeekHours | None = None
    source: Annotated[str, Field(max_length=300)] = ""
    hours: list[PlanHoursIn] = []


class UnitLine(BaseModel):
    unit_id: int
    institution: str
    unit: str
    bed_type: str
    bed_type_label: str
    beds: int | None
    weekdays: dict[str, Decimal]
    planned: Decimal
    norm: Decimal | None
    norm_source: str | None
    difference: Decimal | None
    share: Decimal | None
    doctors: list[str]
    daily_follow_up: bool


class PlanRef(BaseModel):
    id: int
    code: str
    name: str
    valid_from: date


class TilsynRead(BaseModel):
    municipality: str
    municipality_name: str
    on: date
    plan: PlanRef | None
    units: list[UnitLine]
    planned: Decimal
    planned_with_norm: Decimal
    norm: Decimal
    difference: Decimal
    share: Decimal | None
    weekday_totals: dict[str, Decimal]
    legevakt_hours: Decimal | None
    legevakt_share: Decimal | None
    versions: list[PlanRef]
    rule_ids: list[str]


class VersionRow(BaseModel):
    institution: str
    unit: str
    planned: list[Decimal]
    norm: Decimal | None


class VersionsRead(BaseModel):
    """The plan's versions side by side: per unit the planned hours in each."""

    plans: list[PlanRef]
    rows: list[VersionRow]
    totals: list[Decimal]
