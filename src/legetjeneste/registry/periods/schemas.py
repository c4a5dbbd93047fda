"""Pydantic shapes of doctor periods: who serves an agreement (regular doctor, vikar, delelege) and when."""

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from legetjeneste.registry.schemas import DbId, Input, Read, Weekday

PeriodRole = Literal["regular", "vikar", "delelege"]


class DoctorPeriodBase(Input):
    role: Annotated[PeriodRole, Field(description="Fastlege (FLR LPFL), vikar (LPVI) eller delelege (LPDL)")]
    working_percentage: Annotated[int, Field(ge=1, le=100)] | None = None
    working_days: list[Weekday] = []
    start: Annotated[date, Field(description="Første dag i perioden")]
    end: Annotated[date | None, Field(description="Siste dag i perioden; tom for løpende")] = None


class DoctorPeriodCreate(DoctorPeriodBase):
    doctor_id: DbId
    vikar_for_doctor_id: DbId | None = None


class DoctorPeriodUpdate(Input):
    role: PeriodRole | None = None
    vikar_for_doctor_id: DbId | None = None
    working_percentage: Annotated[int, Field(ge=1, le=100)] | None = None
    working_days: list[Weekday] | None = None
    start: date | None = None
    end: date | None = None


class DoctorPeriodRead(Read):
    id: int
    agreement_id: int
    doctor_id: int
    doctor_name: str
    role: str
    vikar_for_doctor_id: int | None
    working_percentage: int | None
    working_days: list[str]
    start: date
    end: date | None
