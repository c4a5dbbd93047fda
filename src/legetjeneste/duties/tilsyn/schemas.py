"""Pydantic shapes of tilsyn: institutions, units and norms, plan versions and their hours as typed (the
municipality file, the API), and planned against norm per unit and in total (TILSYN-NORM)."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field

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
    doctor_label: Annotated[str, Field(max_length=100)] = ""


class PlanIn(Input):
    """A version of the tilsyn plan, in force from a day, with the hours legevakt covers (TILSYN-LV-SHARE)."""

    code: Code
    name: Annotated[str, Field(min_length=1, max_length=200)]
    valid_from: date
    legevakt_hours: WeekHours | None = None
    source: Annotated[str, Field(max_length=300)] = ""
    hours: list[PlanHoursIn] = []


class SpentIn(Input):
    text: Annotated[str, Field(min_length=1, max_length=200)]
    weeks: Annotated[Decimal, Field(ge=0, le=53, max_digits=5, decimal_places=1)]
    cost: Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]


class VikarBudgetIn(Input):
    """The year's vikar budget for municipal doctors and what is spent (TILSYN-COVER)."""

    year: Annotated[int, Field(ge=2000, le=2100)]
    amount: Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
    source: Annotated[str, Field(max_length=300)] = ""
    spent: list[SpentIn] = []


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


class SubstituteIn(Input):
    """A named substitute for a unit on a day (TILSYN-COVER)."""

    day: date
    name: Annotated[str, Field(min_length=1, max_length=200)]
    doctor_id: Annotated[int | None, Field(ge=1)] = None


class CoverLineRead(BaseModel):
    unit_id: int
    unit: str
    day: date
    substitute: str


class UncoveredLine(BaseModel):
    unit_id: int
    day: date
    institution: str
    unit: str
    hours: Decimal
    doctor_name: str
    substitute: str | None
    warns: bool


class BudgetRead(BaseModel):
    year: int
    amount: Decimal
    spent: Decimal
    weeks: Decimal
    left: Decimal
    source: str


class CoverRead(BaseModel):
    """TILSYN-COVER: the planned hours that stand uncovered while tilsynsleger are away, and the vikar
    budget."""

    first: date
    last: date
    lines: list[UncoveredLine]
    uncovered_hours: Decimal
    warnings: int
    budget: BudgetRead | None
    rule_id: str = "TILSYN-COVER"
