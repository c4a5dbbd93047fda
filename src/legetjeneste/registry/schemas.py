"""Pydantic shapes of the register: the shared fields, the API's Create/Update/Read schemas of municipalities,
offices and doctors. Agreements, doctor periods and list counts are in `agreements.schemas`."""

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from legetjeneste.dates import today_oslo
from legetjeneste.norwegian import day_text
from legetjeneste.registry import rules

SpecialistStatus = Literal["allmennmedisin", "samfunnsmedisin", "alis", "lis1", "none"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


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
EARLIEST_BIRTH = date(1900, 1, 1)


def _birth_date(value: date) -> date:
    """A person alive in the register was born in 1900 or later, and not after today."""
    if not EARLIEST_BIRTH <= value <= today_oslo():
        raise ValueError(f"{day_text(value)} kan ikke være en fødselsdato (fra 1900 til i dag)")
    return value


BirthDate = Annotated[date, AfterValidator(_birth_date)]
MunicipalityNumber = Annotated[str, BeforeValidator(_four_digits_as_text), Field(pattern=r"^\d{4}$")]
Month = Annotated[str, AfterValidator(check_month)]
PostalCode = Annotated[str, BeforeValidator(_four_digits_as_text), Field(pattern=r"^(\d{4})?$")]
Phone = Annotated[str, BeforeValidator(_number_as_text), Field(max_length=20)]
Name = Annotated[str, Field(min_length=1, max_length=100)]
Text = Annotated[str, Field(max_length=200)]
DbId = Annotated[int, Field(ge=1, le=2_147_483_647)]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(character) < 32 for character in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


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
    birth_date: BirthDate
    specialist_status: Annotated[SpecialistStatus, Field(description="Spesialitet eller utdanningsløp")]
    payment_account: Annotated[
        AccountNumber | None, Field(description="Kontonummer for utbetaling av basistilskudd (11 siffer)")
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
    birth_date: BirthDate | None = None
    specialist_status: SpecialistStatus | None = None
    payment_account: AccountNumber | None = None


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

    @classmethod
    def of(cls, municipality: Any) -> "MunicipalityRead":
        inhabitants = {p.year: p.inhabitants for p in municipality.populations}
        return cls(number=municipality.number, name=municipality.name, inhabitants=inhabitants)


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
