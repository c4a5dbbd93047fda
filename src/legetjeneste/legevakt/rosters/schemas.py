"""Pydantic shapes of solve jobs, rosters, vacancies and their counts."""

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from legetjeneste.registry.schemas import Input

MAX_TIME_LIMIT = 600


class SolveCreate(Input):
    """A solve of a scheme for a period; one worker and a fixed seed give the same roster every time."""

    start: Annotated[date, Field(alias="from", description="Første dag (ÅÅÅÅ-MM-DD)")]
    end: Annotated[date, Field(alias="to", description="Siste dag (ÅÅÅÅ-MM-DD)")]
    time_limit: Annotated[float, Field(gt=0, le=MAX_TIME_LIMIT, description="Sekunder løseren får")] = 10.0
    seed: Annotated[int, Field(ge=0, le=2_147_483_647)] = 0
    workers: Annotated[int, Field(ge=1, le=8)] = 1

    model_config = ConfigDict(**Input.model_config, populate_by_name=True)

    @model_validator(mode="after")
    def _period(self) -> "SolveCreate":
        if self.end < self.start:
            raise ValueError("til-datoen er før fra-datoen")
        if (self.end - self.start).days > 366:
            raise ValueError("perioden kan være høyst ett år")
        return self


class ReplanCreate(Input):
    time_limit: Annotated[float, Field(gt=0, le=MAX_TIME_LIMIT)] = 10.0
    seed: Annotated[int, Field(ge=0, le=2_147_483_647)] = 0
    workers: Annotated[int, Field(ge=1, le=8)] = 1


class DoctorProgress(BaseModel):
    hpr_number: str
    name: str
    shifts: int


class JobRead(BaseModel):
    id: int
    municipality: str
    scheme_id: int
    scheme_name: str
    start: date
    end: date
    previous_roster_id: int | None
    status: str
    status_label: str
    seed: int
    time_limit: float
    workers: int
    objective: float | None
    bound: float | None
    gap: float | None
    solutions_found: int
    elapsed: float | None
    shifts: int
    best_vacant: int | None
    best_so_far: list[DoctorProgress]
    message: str | None
    created_at: datetime
    created_by: str
    started_at: datetime | None
    finished_at: datetime | None
    roster_id: int | None


class AssignmentRead(BaseModel):
    id: int
    shift_id: str
    date: date
    template: str
    label: str
    category: str
    is_night: bool
    starts_at: datetime
    ends_at: datetime
    doctor_id: int | None
    doctor_name: str | None
    hpr_number: str | None
    vacant: bool
    was_vacant: bool


class CountRead(BaseModel):
    """A doctor's shifts of one kind (earlier published rosters this year included) against the fair
    target and the range counted as fair."""

    counter: str
    label: str
    actual: int
    target: float
    low: int
    high: int
    fair: bool


class DoctorCounts(BaseModel):
    hpr_number: str
    name: str
    participation: int
    total: int
    counts: list[CountRead]
    frequencies: list[str]
    unavailable: list[str]


class PenaltyRead(BaseModel):
    rule: str
    rule_id: str
    name: str
    cost: int
    text: str


class VacancyReason(BaseModel):
    shift_id: str
    date: date
    label: str
    reason: str


class ChangeRead(BaseModel):
    shift_id: str
    date: date
    label: str
    from_doctor: str | None
    to_doctor: str | None


class RosterSummary(BaseModel):
    id: int
    municipality: str
    scheme_id: int
    scheme_name: str
    start: date
    end: date
    version: int
    status: str
    status_label: str
    job_id: int
    previous_id: int | None
    objective: float | None
    bound: float | None
    gap: float | None
    is_optimal: bool
    vacant: int
    created_at: datetime
    created_by: str
    published_at: datetime | None
    published_by: str | None


class RosterRead(RosterSummary):
    frequency: dict[str, int]
    summer_factor: float
    summer: str | None
    summary: str
    doctors: list[DoctorCounts]
    penalties: list[PenaltyRead]
    vacancies: list[VacancyReason]
    shortages: list[str]
    changes: list[ChangeRead]
    assignments: list[AssignmentRead]


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
    starts_at: datetime
    ends_at: datetime
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
