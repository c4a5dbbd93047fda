"""Pydantic shapes of absences: the API's Create/Update/Read and the counters."""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from legetjeneste.absence import labels
from legetjeneste.absence.models import Absence
from legetjeneste.registry.schemas import DbId, Input

Ground = Literal[
    "own_sickness",
    "child_sickness",
    "child_serious_illness",
    "care_benefits",
    "parental",
    "military",
    "course",
    "research",
    "union",
    "public_duty",
    "ordinary",
]
Cover = Literal["own_vikar", "collegial", "municipal_vikar", "none"]
DigitalService = Literal["booking", "e_consultation", "prescription_renewal", "e_contact"]


class AbsenceDetails(Input):
    """What matters for child-related grounds (ABS-CHILD): how many children, chronic illness, sole carer."""

    children: Annotated[int, Field(ge=1, le=20)] = 1
    chronically_ill: bool = False
    sole_carer: bool = False


class AbsenceBase(Input):
    ground: Annotated[Ground, Field(description="Fraværsgrunn etter ASA 4310 § 13 (ABS-TYPES)")]
    start: Annotated[date, Field(description="Første fraværsdag")]
    end: Annotated[date, Field(description="Siste fraværsdag")]
    cover: Annotated[Cover, Field(description="Egen vikar, kollegial ordning, kommunens vikar eller ingen")]
    details: AbsenceDetails = AbsenceDetails()


class AbsenceCreate(AbsenceBase):
    doctor_id: DbId
    agreement_id: Annotated[DbId | None, Field(description="Standard: legens fastlegeavtale ved start")] = (
        None
    )
    vikar_doctor_id: DbId | None = None


class AbsenceUpdate(Input):
    ground: Ground | None = None
    start: date | None = None
    end: date | None = None
    cover: Cover | None = None
    vikar_doctor_id: DbId | None = None
    details: AbsenceDetails | None = None


class AbsenceRead(BaseModel):
    id: int
    municipality_number: str
    doctor_id: int
    doctor_name: str
    agreement_id: int
    office_id: int
    office_name: str
    ground: str | None
    ground_label: str
    start: date
    end: date
    days: int
    cover: str
    cover_label: str
    vikar_doctor_id: int | None
    vikar_name: str | None
    details: dict | None

    @classmethod
    def of(cls, absence: Absence, *, sees_ground: bool) -> "AbsenceRead":
        """Others than the absence's handlers see neither the ground nor the details (health data)."""
        return cls(
            id=absence.id,
            municipality_number=absence.municipality_number,
            doctor_id=absence.doctor_id,
            doctor_name=absence.doctor.full_name,
            agreement_id=absence.agreement_id,
            office_id=absence.agreement.office_id,
            office_name=absence.agreement.office.name,
            ground=absence.ground if sees_ground else None,
            ground_label=labels.ground_label(absence.ground, sees_grounds=sees_ground),
            start=absence.start,
            end=absence.end,
            days=(absence.end - absence.start).days + 1,
            cover=absence.cover,
            cover_label=labels.COVER[absence.cover],
            vikar_doctor_id=absence.vikar_doctor_id,
            vikar_name=absence.vikar.full_name if absence.vikar else None,
            details=absence.details if sees_ground else None,
        )


class AbsenceSaved(BaseModel):
    absence: AbsenceRead
    warnings: list[dict]
    notices: list[str]


class DayRead(BaseModel):
    day: date
    absence_id: int
    ground: str
    status: str
    rule_id: str
    citation: str
    reason: str


class CounterRead(BaseModel):
    key: str
    label: str
    used: int
    limit: int
    unit: str
    rule_id: str


class DoctorCounters(BaseModel):
    doctor_id: int
    doctor_name: str
    hpr_number: str
    year: int
    counters: list[CounterRead]
    days: list[DayRead]


class MyAbsences(BaseModel):
    """A GP's own absences in a year and the year's counters (Min side)."""

    year: int
    absences: list[AbsenceRead]
    counters: DoctorCounters
