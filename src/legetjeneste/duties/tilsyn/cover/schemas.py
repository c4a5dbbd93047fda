"""Pydantic shapes of cover while municipal doctors are away (TILSYN-COVER): a municipal doctor and an absence
as typed (page, API, municipality file), a named substitute, and what stands uncovered per unit and day."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from legetjeneste.duties.tilsyn.budget.schemas import BudgetRead
from legetjeneste.registry.schemas import Input

Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Role = Literal["sykehjemslege", "kommuneoverlege", "smittevernlege", "tilsynslege"]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class MunicipalAbsenceIn(Input):
    """A municipal doctor away from a day to a day, both included."""

    start: date
    end: date
    text: Annotated[str, Field(max_length=200)] = ""

    @model_validator(mode="after")
    def _ordered(self) -> "MunicipalAbsenceIn":
        if self.end < self.start:
            raise ValueError("sluttdatoen er før startdatoen")
        return self


class MunicipalDoctorIn(Input):
    """A municipal doctor who is not a GP in the register (the sykehjemslege, the kommuneoverlege): name and
    role, and the absences; planned tilsyn hours name it by its code."""

    code: Code
    name: Name
    role: Role
    absences: list[MunicipalAbsenceIn] = []


class MunicipalDoctorAdd(Input):
    """A municipal doctor added on the tilsyn page; the code is made from the role."""

    name: Name
    role: Role


class SubstituteIn(Input):
    """A named substitute for a unit, or for a municipal doctor's function, on a day (TILSYN-COVER)."""

    day: date
    name: Name
    doctor_id: Annotated[int | None, Field(ge=1)] = None


class MunicipalAbsenceRead(BaseModel):
    id: int
    start: date
    end: date
    text: str


class MunicipalDoctorRead(BaseModel):
    id: int
    code: str
    name: str
    role: str
    role_label: str
    needs_standin: bool
    absences: list[MunicipalAbsenceRead]


class CoverLineRead(BaseModel):
    unit_id: int | None
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


class StandinLine(BaseModel):
    """A working day an absent kommuneoverlege or smittevernlege has, or lacks, a named stand-in."""

    municipal_doctor_id: int
    day: date
    doctor_name: str
    role_label: str
    substitute: str | None
    warns: bool


class CoverRead(BaseModel):
    """TILSYN-COVER: the planned hours that stand uncovered while tilsynsleger, the sykehjemslege and other
    municipal doctors are away; the days the kommuneoverlege's function has no stand-in; the vikar budget."""

    first: date
    last: date
    lines: list[UncoveredLine]
    standins: list[StandinLine] = []
    uncovered_hours: Decimal
    warnings: int
    municipal_doctors: list[MunicipalDoctorRead] = []
    budget: BudgetRead | None
    rule_id: str = "TILSYN-COVER"
