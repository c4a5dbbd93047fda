"""Pydantic shapes of legevakt and nødnett schemes: a scheme as one document (the API's and the municipality
file's), local parameters, courses, and what the API answers; the stored scheme as those shapes.

The builders take stored rows without importing the models, so these shapes stay free of the database
layer (the municipality file's checks import them)."""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from legetjeneste.legevakt.exemptions.schemas import ExemptionView
from legetjeneste.legevakt.schemas import Clock, Code, LongText, period_in_order
from legetjeneste.legevakt.schemes import rules
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
Course = Literal["emergency_medicine", "violence_abuse"]


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
        period_in_order(self.start, self.end)
        return self


class TargetIn(Input):
    name: Annotated[str, Field(max_length=100)] = ""
    day_kind: TargetDayKind
    every_nth: Annotated[int, Field(ge=1, le=100, description="Hver n-te dag av denne typen per lege")]
    start: Annotated[date | None, Field(description="Periode målet gjelder i (f.eks. sommer)")] = None
    end: date | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "TargetIn":
        period_in_order(self.start, self.end)
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
    max_wishes_per_month: Annotated[
        int | None,
        Field(ge=0, le=31, description="LV-WISH: ønsker per lege og måned; tomt: legetjenestes standardtall"),
    ] = None

    @model_validator(mode="after")
    def _in_order(self) -> "SchemeIn":
        period_in_order(self.start, self.end)
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
    max_wishes_per_month: int | None = None
    exemptions: list[ExemptionView]


def participant_read(participant, *, courses: set[str], is_vikar: bool) -> ParticipantRead:
    doctor = participant.doctor
    return ParticipantRead(
        doctor_hpr=doctor.hpr_number,
        doctor_name=doctor.full_name,
        municipality_number=doctor.municipality_number,
        participation_percentage=participant.participation_percentage,
        office=participant.office.organisation_number if participant.office else None,
        office_name=participant.office.name if participant.office else None,
        start=participant.start,
        end=participant.end,
        needs_bakvakt=rules.needs_bakvakt(specialist_status=doctor.specialist_status, courses=courses),
        competence=rules.competence_text(specialist_status=doctor.specialist_status, courses=courses),
        is_vikar=is_vikar,
    )


def scheme_summary(scheme, *, pending: int) -> SchemeSummary:
    return SchemeSummary(
        id=scheme.id,
        code=scheme.code,
        name=scheme.name,
        kind=scheme.kind,
        kind_text=rules.KINDS[scheme.kind],
        municipality_number=scheme.municipality_number,
        participants=len(scheme.participants),
        pending_exemptions=pending,
    )


def scheme_in(scheme) -> SchemeIn:
    """The scheme as the municipality file and the API write it."""
    host = scheme.municipality_number
    office_days: dict[str, list[str]] = {}
    for row in scheme.office_days:
        office_days.setdefault(row.office.organisation_number, []).append(row.weekday)
    return SchemeIn.model_construct(
        code=scheme.code,
        name=scheme.name,
        kind=scheme.kind,
        description=scheme.description,
        start=scheme.start,
        end=scheme.end,
        partners=[p.municipality_number for p in scheme.partners],
        shift_templates=[
            ShiftTemplateIn.model_construct(
                code=t.code,
                name=t.name,
                start=t.start_time,
                end=t.end_time,
                day_kind=t.day_kind,
                is_night=t.is_night,
                is_alternative=t.is_alternative,
                has_bakvakt=t.has_bakvakt,
            )
            for t in scheme.shift_templates
        ],
        participants=[_participant_in(p, host) for p in scheme.participants],
        targets=[
            TargetIn.model_construct(
                name=t.name, day_kind=t.day_kind, every_nth=t.every_nth, start=t.start, end=t.end
            )
            for t in scheme.targets
        ],
        office_days=[OfficeDaysIn.model_construct(office=o, weekdays=w) for o, w in office_days.items()],
        bakvakt_days=[
            BakvaktDayIn.model_construct(day=b.day, doctor=b.doctor.hpr_number if b.doctor else None)
            for b in scheme.bakvakt_days
        ],
        max_wishes_per_month=scheme.max_wishes_per_month,
    )


def _participant_in(participant, host: str) -> dict:
    municipality = participant.doctor.municipality_number
    return {
        "doctor": participant.doctor.hpr_number,
        "municipality": None if municipality == host else municipality,
        "participation_percentage": participant.participation_percentage,
        "office": participant.office.organisation_number if participant.office else None,
        "start": participant.start,
        "end": participant.end,
    }


def scheme_read(
    scheme,
    *,
    participants: list[ParticipantRead],
    exemptions: list,
    pending: int,
) -> SchemeRead:
    """`exemptions`: the scheme's exemptions as the reader may see them (an `ExemptionView` each);
    `pending`: how many applications wait for a decision."""
    written = scheme_in(scheme)
    return SchemeRead(
        **scheme_summary(scheme, pending=pending).model_dump(),
        description=scheme.description,
        start=scheme.start,
        end=scheme.end,
        partners=written.partners,
        shift_templates=written.shift_templates,
        participant_list=participants,
        targets=written.targets,
        office_days=written.office_days,
        bakvakt_days=written.bakvakt_days,
        max_wishes_per_month=scheme.max_wishes_per_month,
        exemptions=exemptions,
    )
