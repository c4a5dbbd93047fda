"""Pydantic shapes of legevakt and nødnett: a scheme as one document (the API's and the municipality
file's), exemption applications and decisions, local parameters, courses, and what the API answers."""

import re
from datetime import date, time
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field, model_validator

from legetjeneste.registry.schemas import (
    HprNumber,
    Input,
    MunicipalityNumber,
    Name,
    OrganisationNumber,
    Weekday,
)

Kind = Literal["legevakt", "nodnett"]
DayKind = Literal["weekday", "weekend", "all"]
TargetDayKind = Literal["weekday", "weekend"]
Ground = Literal["over_60", "pregnancy", "breastfeeding", "health", "social"]
Extent = Literal["full", "no_nights"]
Status = Literal["pending", "granted", "refused"]
Course = Literal["emergency_medicine", "violence_abuse"]
Code = Annotated[str, Field(min_length=1, max_length=30, pattern=r"^[a-z0-9_-]+$")]
LongText = Annotated[str, Field(max_length=4000)]


def _clock(value: object) -> object:
    """'15:30' → 15:30; '24:00' is not a time of day (write 00:00, the next day is implied)."""
    if isinstance(value, str):
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value.strip()):
            raise ValueError(f"«{value}» er ikke et klokkeslett på formen TT:MM")
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    return value


Clock = Annotated[time, BeforeValidator(_clock)]


def _period_in_order(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError("sluttdatoen er før startdatoen")


class ShiftTemplateIn(Input):
    code: Annotated[Code, Field(description="Kort kode, unik i ordningen, f.eks. «hverdag»")]
    name: Annotated[Name, Field(description="Navnet brukerne ser, f.eks. «Hverdagsvakt»")]
    start: Annotated[Clock, Field(description="Start (TT:MM)")]
    end: Annotated[Clock, Field(description="Slutt (TT:MM); lik eller før start betyr neste dag")]
    day_kind: Annotated[
        DayKind, Field(description="weekday, weekend (helligdager regnes som helg) eller all")
    ]
    is_night: Annotated[bool, Field(description="Vakten dekker natt")] = False
    is_alternative: Annotated[bool, Field(description="Alternativ vakt som ikke settes opp som standard")] = (
        False
    )
    has_bakvakt: Annotated[bool, Field(description="Alltid bakvakt på denne vakten (LV-COMPETENCE)")] = False


class ParticipantIn(Input):
    doctor: Annotated[HprNumber, Field(description="Legens HPR-nummer")]
    municipality: Annotated[
        MunicipalityNumber | None,
        Field(description="Kommunen legen er registrert i, når det er en samarbeidskommune"),
    ] = None
    participation_percentage: Annotated[int, Field(ge=1, le=100, description="Deltakelse i prosent")] = 100
    office: Annotated[
        OrganisationNumber | None, Field(description="Legekontoret legen deltar for (nødnett)")
    ] = None
    start: date
    end: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "ParticipantIn":
        _period_in_order(self.start, self.end)
        return self


class TargetIn(Input):
    name: Annotated[str, Field(max_length=100)] = ""
    day_kind: TargetDayKind
    every_nth: Annotated[int, Field(ge=1, le=100, description="Hver n-te dag av denne typen per lege")]
    start: Annotated[date | None, Field(description="Periode målet gjelder i (f.eks. sommer)")] = None
    end: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "TargetIn":
        _period_in_order(self.start, self.end)
        if (self.start is None) != (self.end is None):
            raise ValueError("et mål for en periode trenger både start og slutt")
        return self


class OfficeDaysIn(Input):
    office: Annotated[OrganisationNumber, Field(description="Legekontorets organisasjonsnummer")]
    weekdays: Annotated[list[Weekday], Field(min_length=1, description="Ukedagene kontoret har nødnett")]


class BakvaktDayIn(Input):
    day: date
    doctor: Annotated[HprNumber | None, Field(description="Bakvaktens HPR-nummer")] = None


class SchemeIn(Input):
    """A whole scheme; on import and update its lists replace the stored ones."""

    code: Annotated[Code, Field(description="Kort kode, unik i kommunen; nøkkelen")]
    name: Name
    kind: Annotated[Kind, Field(description="legevakt eller nodnett")]
    description: LongText = ""
    start: date
    end: date | None = None
    partners: Annotated[
        list[MunicipalityNumber], Field(description="Samarbeidskommuner i en interkommunal legevakt")
    ] = []
    shift_templates: list[ShiftTemplateIn] = []
    participants: list[ParticipantIn] = []
    targets: list[TargetIn] = []
    office_days: Annotated[list[OfficeDaysIn], Field(description="NN-OFFICE-DAYS: kontor per ukedag")] = []
    bakvakt_days: list[BakvaktDayIn] = []

    @model_validator(mode="after")
    def _in_order(self) -> "SchemeIn":
        _period_in_order(self.start, self.end)
        return self


class LocalParameterIn(Input):
    name: Annotated[
        str, Field(min_length=1, max_length=100, description="Navnet på den nasjonale parameteren")
    ]
    since: Annotated[date, Field(description="Gjelder fra")]
    value: Annotated[int, Field(ge=0, le=1000, description="Kommunens verdi")]
    source: Annotated[str, Field(min_length=1, max_length=300, description="Vedtaket verdien bygger på")]


class DoctorCourseIn(Input):
    doctor: HprNumber
    course: Annotated[Course, Field(description="emergency_medicine eller violence_abuse")]
    completed_on: date


class ExemptionApply(Input):
    """An application for exemption from one scheme."""

    doctor: Annotated[HprNumber, Field(description="Søkerens HPR-nummer")]
    ground: Annotated[Ground, Field(description="over_60, pregnancy, breastfeeding, health eller social")]
    extent: Annotated[Extent, Field(description="full, eller no_nights (ikke natt)")] = "full"
    start: date
    end: date | None = None
    due_date: Annotated[date | None, Field(description="Termin (svangerskap)")] = None
    child_birth_date: Annotated[date | None, Field(description="Barnets fødselsdato (amming)")] = None
    application_text: LongText = ""

    @model_validator(mode="after")
    def _in_order(self) -> "ExemptionApply":
        _period_in_order(self.start, self.end)
        return self


class ExemptionDecide(Input):
    """The enkeltvedtak: granted or refused, with reasons; for a discretionary grant, the weighing."""

    decision: Literal["granted", "refused"]
    reasons: Annotated[str, Field(min_length=1, max_length=4000, description="Begrunnelse")]
    weighing: LongText = ""
    granted_start: date | None = None
    granted_end: date | None = None
    decided_on: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "ExemptionDecide":
        _period_in_order(self.granted_start, self.granted_end)
        return self


class ExemptionIn(ExemptionApply):
    """An exemption in the municipality file: the application and, when decided, the decision."""

    scheme: Annotated[Code, Field(description="Ordningens kode")]
    applied_on: date
    status: Status = "pending"
    granted_start: date | None = None
    granted_end: date | None = None
    reasons: LongText = ""
    weighing: LongText = ""
    decided_on: date | None = None
    decided_by: Annotated[str | None, Field(max_length=254)] = None


class ExemptionRead(BaseModel):
    id: int
    scheme_id: int
    scheme_name: str
    doctor_hpr: str
    doctor_name: str
    ground: str
    ground_text: str
    extent: str
    start: date
    end: date | None
    due_date: date | None
    child_birth_date: date | None
    application_text: str
    applied_on: date
    status: str
    status_text: str
    is_right: bool
    granted_start: date | None
    granted_end: date | None
    reasons: str
    weighing: str
    rule_id: str | None
    decided_on: date | None
    decided_by: str | None


class ParticipantRead(BaseModel):
    doctor_hpr: str
    doctor_name: str
    municipality_number: str
    participation_percentage: int
    office: str | None
    office_name: str | None
    start: date
    end: date | None
    needs_bakvakt: bool
    competence: str
    is_vikar: bool


class ParameterRead(BaseModel):
    name: str
    description: str
    unit: str
    reference: str
    national_value: int | None
    national_source: str
    local_value: int | None
    local_since: date | None
    local_source: str | None
    value: int | None


class SchemeSummary(BaseModel):
    id: int
    code: str
    name: str
    kind: str
    kind_text: str
    municipality_number: str
    participants: int
    pending_exemptions: int


class SchemeRead(SchemeSummary):
    description: str
    start: date
    end: date | None
    partners: list[str]
    shift_templates: list[ShiftTemplateIn]
    participant_list: list[ParticipantRead]
    targets: list[TargetIn]
    office_days: list[OfficeDaysIn]
    bakvakt_days: list[BakvaktDayIn]
    exemptions: list[ExemptionRead]
