"""Pydantic shapes of the vacancy list: vacant shifts with their volunteers, candidates, and the count per
scheme and year."""

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from legetjeneste.legevakt.schemas import OsloTime
from legetjeneste.registry.schemas import Input


class CandidateRead(BaseModel):
    doctor_id: int
    hpr_number: str
    name: str
    count_of_kind: int
    text: str
    volunteered: bool


class VolunteerRead(BaseModel):
    doctor_id: int
    hpr_number: str
    name: str
    registered_at: datetime
    registered_by: str


class VacancyRead(BaseModel):
    assignment_id: int
    roster_id: int
    scheme_id: int
    scheme_name: str
    shift_id: str
    date: date
    label: str
    starts_at: OsloTime
    ends_at: OsloTime
    filled: bool
    doctor_name: str | None
    volunteers: list[VolunteerRead]


class VolunteerCreate(Input):
    doctor_id: Annotated[
        int | None,
        Field(ge=1, le=2_147_483_647, description="Legen; en lege som melder seg selv kan utelate den"),
    ] = None


class AssignCreate(Input):
    doctor_id: Annotated[int, Field(ge=1, le=2_147_483_647)]


class VacancyCount(BaseModel):
    scheme_id: int
    scheme_name: str
    year: int
    vacant_at_publication: int
    filled: int
    still_vacant: int
