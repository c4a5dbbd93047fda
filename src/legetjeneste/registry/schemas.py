"""Pydantic shapes of the register: the shared fields, the API's Create/Update/Read schemas."""

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from legetjeneste.registry import rules

SpecialistStatus = Literal["allmennmedisin", "samfunnsmedisin", "alis", "lis1", "none"]
ListStatus = Literal["open", "closed"]
OperatingModel = Literal["self_employed", "salaried"]
PeriodRole = Literal["regular", "vikar", "delelege"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
EndReason = Literal[
    "notice", "age_limit", "practice_transfer", "hjemfall", "death", "authorisation_lost", "other"
]

_HOURS = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


def _organisation_number(value: str) -> str:
    if not rules.is_valid_organisation_number(value):
        raise ValueError(
            f"«{value}» er ikke et gyldig organisasjonsnummer "
            "(9 siffer, første siffer 8 eller 9, kontrollsiffer)"
        )
    return value


def _account_number(value: str) -> str:
    if not rules.is_valid_account_number(value):
        raise ValueError(f"«{value}» er ikke et gyldig kontonummer (11 siffer med kontrollsiffer)")
    return value


def _hpr_number(value: str) -> str:
    if not rules.is_valid_hpr_number(value):
        raise ValueError(f"«{value}» er ikke et gyldig HPR-nummer (opptil 9 siffer)")
    return value


def _hours(value: str) -> str:
    """'08:00-11:30, 12:00-15:30': one or more intervals within a day."""
    for interval in value.split(","):
        match = _HOURS.match(interval.strip())
        if not match:
            raise ValueError(f"«{value}» er ikke på formen TT:MM-TT:MM (flere tidsrom skilles med komma)")
        start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
        if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59 or (start_h, start_m) >= (end_h, end_m):
            raise ValueError(f"«{interval.strip()}» er ikke et gyldig tidsrom")
    return ", ".join(interval.strip() for interval in value.split(","))


def check_month(value: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        raise ValueError(f"«{value}» er ikke en måned på formen ÅÅÅÅ-MM")
    return value


def _number_as_text(value: object) -> object:
    """YAML reads an unquoted 974123456 as a number; identifiers are text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _four_digits_as_text(value: object) -> object:
    """Municipality numbers and postal codes keep their leading zero (0301 Oslo)."""
    return f"{value:04d}" if isinstance(value, int) and not isinstance(value, bool) else value


OrganisationNumber = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_organisation_number)]
HprNumber = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_hpr_number)]


def _account_as_text(value: object) -> object:
    """«8601.11.17947» and «8601 11 17947» are written as «86011117947»."""
    value = _number_as_text(value)
    return value.replace(".", "").replace(" ", "") if isinstance(value, str) else value


AccountNumber = Annotated[str, BeforeValidator(_account_as_text), AfterValidator(_account_number)]
MunicipalityNumber = Annotated[str, BeforeValidator(_four_digits_as_text), Field(pattern=r"^\d{4}$")]
Hours = Annotated[str, AfterValidator(_hours)]
Month = Annotated[str, AfterValidator(check_month)]
WeekHours = dict[Weekday, Hours]
PostalCode = Annotated[str, BeforeValidator(_four_digits_as_text), Field(pattern=r"^(\d{4})?$")]
Phone = Annotated[str, BeforeValidator(_number_as_text), Field(max_length=20)]
Name = Annotated[str, Field(min_length=1, max_length=100)]
Text = Annotated[str, Field(max_length=200)]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(character) < 32 for character in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class Utekontor(Input):
    name: Name
    address: Text = ""
    weekdays: list[Weekday] = []


class OfficeBase(Input):
    organisation_number: Annotated[
        OrganisationNumber, Field(description="Organisasjonsnummer (9 siffer); nøkkelen")
    ]
    name: Name
    is_group_practice: Annotated[bool, Field(description="Gruppepraksis (true) eller solopraksis (false)")]
    street_address: Text = ""
    postal_code: PostalCode = ""
    city: Annotated[str, Field(max_length=100)] = ""
    phone: Phone = ""
    is_accessible: Annotated[bool, Field(description="Lokalene er tilgjengelige for funksjonshemmede")] = (
        False
    )


class DoctorBase(Input):
    hpr_number: Annotated[HprNumber, Field(description="HPR-nummer (Helsepersonellregisteret); nøkkelen")]
    first_name: Name
    last_name: Name
    birth_date: date
    specialist_status: Annotated[SpecialistStatus, Field(description="Spesialitet eller utdanningsløp")]
    payment_account: Annotated[
        AccountNumber | None, Field(description="Kontonummer for utbetaling av basistilskudd (11 siffer)")
    ] = None


class AgreementBase(Input):
    listetak: Annotated[
        int,
        Field(
            ge=-1_000_000,
            le=1_000_000,
            description=(
                "Listens maksimale antall pasienter (FLR MaxPatients); høyst 2500 og normalt minst 500 "
                "etter den daterte "
                "parameteren agreements/max_listetak og min_listetak (AGR-LISTETAK)"
            ),
        ),
    ]
    list_status: Annotated[ListStatus, Field(description="Åpen (FLR FAAA) eller lukket (FALU) liste")]
    operating_model: Annotated[
        OperatingModel, Field(description="Næringsdrift (ASA 4310) eller fastlønn (SFS 2305)")
    ]
    fellesliste: bool = False
    agreement_date: Annotated[date | None, Field(description="Dato avtalen ble inngått")] = None
    start: Annotated[date, Field(description="Første dag avtalen gjelder")]
    end: Annotated[date | None, Field(description="Siste dag avtalen gjelder; tom for løpende")] = None
    end_reason: EndReason | None = None
    opening_hours: Annotated[WeekHours, Field(description="Åpningstid per ukedag, f.eks. 08:00-15:30")] = {}
    phone_hours: Annotated[
        WeekHours, Field(description="Telefontid per ukedag; flere tidsrom skilles med komma")
    ] = {}
    utekontor: list[Utekontor] = []


class DoctorPeriodBase(Input):
    role: Annotated[PeriodRole, Field(description="Fastlege (FLR LPFL), vikar (LPVI) eller delelege (LPDL)")]
    working_percentage: Annotated[int, Field(ge=1, le=100)] | None = None
    working_days: list[Weekday] = []
    start: Annotated[date, Field(description="Første dag i perioden")]
    end: Annotated[date | None, Field(description="Siste dag i perioden; tom for løpende")] = None


class ListCountBase(Input):
    month: Annotated[Month, Field(description="Måneden, ÅÅÅÅ-MM")]
    list_length: Annotated[Count, Field(description="Pasienter på listen den 1. i måneden (Helfo)")]
    waiting_list_count: Annotated[Count, Field(description="Innbyggere på ventelisten")] = 0
    pbt_annual_amount: Annotated[
        Decimal | None,
        Field(
            ge=0,
            max_digits=12,
            decimal_places=2,
            description=("Pasientjustert basistilskudd (PBT) for et år fra Helfo, i kroner"),
        ),
    ] = None


class OfficeCreate(OfficeBase):
    municipality_number: MunicipalityNumber | None = None


class OfficeUpdate(Input):
    organisation_number: OrganisationNumber | None = None
    name: Name | None = None
    is_group_practice: bool | None = None
    street_address: Text | None = None
    postal_code: PostalCode | None = None
    city: Annotated[str, Field(max_length=100)] | None = None
    phone: Phone | None = None
    is_accessible: bool | None = None


class DoctorCreate(DoctorBase):
    municipality_number: MunicipalityNumber | None = None


class DoctorUpdate(Input):
    first_name: Name | None = None
    last_name: Name | None = None
    birth_date: date | None = None
    specialist_status: SpecialistStatus | None = None
    payment_account: AccountNumber | None = None


class AgreementCreate(AgreementBase):
    id: DbId | None = None
    office_id: DbId
    municipality_number: MunicipalityNumber | None = None


class AgreementUpdate(Input):
    office_id: DbId | None = None
    listetak: Annotated[int, Field(ge=-1_000_000, le=1_000_000)] | None = None
    list_status: ListStatus | None = None
    operating_model: OperatingModel | None = None
    fellesliste: bool | None = None
    agreement_date: date | None = None
    start: date | None = None
    end: date | None = None
    end_reason: EndReason | None = None
    opening_hours: WeekHours | None = None
    phone_hours: WeekHours | None = None
    utekontor: list[Utekontor] | None = None


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


class Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class MunicipalityCreate(Input):
    number: MunicipalityNumber
    name: Name
    inhabitants: dict[Annotated[int, Field(ge=1900, le=2200)], Annotated[int, Field(ge=0)]] = {}


class MunicipalityUpdate(Input):
    name: Name | None = None
    inhabitants: Annotated[
        dict[Annotated[int, Field(ge=1900, le=2200)], Annotated[int, Field(ge=0)]] | None,
        Field(description="Innbyggere per år; årene som ikke er med, beholdes"),
    ] = None


class MunicipalityRead(Read):
    number: str
    name: str
    inhabitants: dict[int, int]


class OfficeRead(Read):
    id: int
    municipality_number: str
    organisation_number: str
    name: str
    is_group_practice: bool
    street_address: str
    postal_code: str
    city: str
    phone: str
    is_accessible: bool


class DoctorRead(Read):
    id: int
    municipality_number: str
    hpr_number: str
    first_name: str
    last_name: str
    birth_date: date
    specialist_status: str
    payment_account: str | None


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


class ListCountRead(Read):
    agreement_id: int
    month: str
    list_length: int
    waiting_list_count: int
    pbt_annual_amount: Decimal | None


class AgreementRead(Read):
    id: int
    municipality_number: str
    office_id: int
    office_name: str
    listetak: int
    list_status: str
    operating_model: str
    fellesliste: bool
    agreement_date: date | None
    start: date
    end: date | None
    end_reason: str | None
    opening_hours: dict[str, str]
    phone_hours: dict[str, str]
    utekontor: list[dict]
    list_length: int | None
    list_length_month: str | None
    open_places: int
    has_regular_doctor: bool
    regular_doctor_name: str | None
    vikar_names: list[str]
    warnings: list[str]
