"""Pydantic shapes of other municipal GP work: an assignment and a task as typed (page, API, municipality
file), a GP's duty profile, and each GP against the cap (the overview)."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from legetjeneste.registry.schemas import HprNumber, Input

Kind = Literal[
    "helsestasjon",
    "skolehelse",
    "helsestasjon_ungdom",
    "smittevern",
    "fengsel",
    "tilsyn",
    "ohd",
    "lis1_supervision",
    "alis_supervision",
    "student_supervision",
    "samfunnsmedisin",
    "praksiskonsulent",
    "admin_meetings",
    "legevakt",
    "other",
]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
Hours = Annotated[Decimal, Field(gt=0, le=80, max_digits=6, decimal_places=2)]
Percentage = Annotated[Decimal, Field(gt=0, le=200, max_digits=6, decimal_places=2)]
Issuer = Literal["municipality", "iks", "intermunicipal"]
PayForm = Literal["post", "hourly"]
Basis = Literal["voluntary", "ordered"]
Place = Annotated[str, Field(min_length=1, max_length=200)]
Weekdays = Annotated[list[Weekday], Field(min_length=1, max_length=7)]


class AssignmentIn(Input):
    """A duty a GP holds: hours a week or a percentage (100 % = 37,5 t), where and on which days (DUTY-PLACE-
    TIME), voluntary or ordered, who issued it (DUTY-ISSUER) and how it is paid."""

    doctor: Annotated[HprNumber, Field(description="Legens HPR-nummer")]
    kind: Kind
    title: Annotated[str, Field(max_length=200)] = ""
    hours_per_week: Hours | None = None
    percentage: Percentage | None = None
    start: date
    end: date | None = None
    place: Place
    weekdays: Weekdays
    basis: Basis = "voluntary"
    issuer: Issuer = "municipality"
    issuer_name: Annotated[str, Field(max_length=200)] = ""
    pay_form: PayForm = "post"
    task: Annotated[str | None, Field(max_length=40, description="Oppgavens kode, når den hører til en")] = (
        None
    )

    @model_validator(mode="after")
    def _hours_or_percentage(self) -> "AssignmentIn":
        if (self.hours_per_week is None) == (self.percentage is None):
            raise ValueError("oppgi enten timer per uke eller stillingsprosent (ikke begge)")
        if self.end is not None and self.end < self.start:
            raise ValueError("sluttdatoen er før startdatoen")
        return self


class TaskIn(Input):
    """A task the municipality needs done, announced and the GPs informed before any order
    (DUTY-VOLUNTARY)."""

    code: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    kind: Kind
    hours_per_week: Hours
    start: date
    end: date | None = None
    place: Place
    weekdays: Weekdays
    issuer: Issuer = "municipality"
    issuer_name: Annotated[str, Field(max_length=200)] = ""
    pay_form: PayForm = "post"
    announced_on: date | None = None
    informed_on: date | None = None
    volunteers: Annotated[list[HprNumber], Field(max_length=100, description="Leger som har meldt seg")] = []
    qualified: Annotated[
        list[HprNumber], Field(max_length=100, description="Leger som er kvalifisert; tom: alle")
    ] = []


class ProfileIn(Input):
    """What limits a GP's duty beyond what they hold (DUTY-EXEMPT, DUTY-CAP)."""

    doctor: HprNumber
    state_work_hours: Annotated[Decimal, Field(ge=0, le=80, max_digits=6, decimal_places=2)] = Decimal(0)
    transition_1984: bool = False
    opening_hours: Annotated[Decimal | None, Field(ge=0, le=80, max_digits=6, decimal_places=2)] = None
    note: Annotated[str, Field(max_length=300)] = ""


class RuleLine(BaseModel):
    label: str
    hours: Decimal
    rule_id: str
    citation: str


class AssignmentRead(BaseModel):
    id: int
    doctor_id: int
    doctor_name: str
    kind: str
    kind_label: str
    title: str
    hours_per_week: Decimal
    percentage: Decimal | None
    start: date
    end: date | None
    place: str
    weekdays: list[str]
    basis: str
    issuer: str
    issuer_name: str
    pay_form: str
    task_id: int | None


class GpStanding(BaseModel):
    """DUTY-CAP: one GP against the cap on a day, each figure with its rule."""

    doctor_id: int
    doctor_name: str
    hpr_number: str
    agreement_id: int | None
    listetak: int | None
    opening_hours: Decimal
    cap: Decimal
    deductions: Decimal
    remaining_cap: Decimal
    voluntary: Decimal
    ordered: Decimal
    orderable: Decimal
    voluntary_within_cap: Decimal
    legevakt_and_beside: Decimal
    exempt: str | None
    lines: list[RuleLine]
    assignments: list[AssignmentRead]


class Overview(BaseModel):
    municipality: str
    municipality_name: str
    on: date
    full_time_hours: Decimal
    max_hours: Decimal
    rule_ids: list[str]
    gps: list[GpStanding]
    total_voluntary: Decimal
    total_ordered: Decimal
    total_orderable: Decimal


class TaskRead(BaseModel):
    id: int
    code: str
    name: str
    kind: str
    kind_label: str
    hours_per_week: Decimal
    assigned_hours: Decimal
    start: date
    end: date | None
    place: str
    weekdays: list[str]
    issuer: str
    issuer_name: str
    pay_form: str
    announced_on: date | None
    informed_on: date | None
    volunteers: list[str]
    qualified: list[str]
