"""Pydantic shapes of the yearly statistics: items of the municipality file and the API's input."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


def plain_decimal(value: Decimal | None) -> Decimal | None:
    """A stored NUMERIC gives 40.00 back for 40: the same number written the same way both ways."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


Year = Annotated[int, Field(ge=1990, le=2100)]
Count = Annotated[int, Field(ge=0)]
Kroner = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2), AfterValidator(plain_decimal)]


def _as_text(value: object) -> object:
    return str(value) if isinstance(value, int) else value


OrgNumber = Annotated[str, BeforeValidator(_as_text), Field(pattern=r"^\d{9}$")]


class StatisticsInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class StatisticsYearIn(StatisticsInput):
    year: Year
    inhabitants: Annotated[Count | None, Field(description="Innbyggere (gjennomsnitt eller 1. januar)")] = (
        None
    )
    legevakt_contacts: Annotated[Count | None, Field(description="Pasientkontakter på legevakt i året")] = (
        None
    )
    legevakt_target: Annotated[
        Decimal | None,
        Field(ge=0, le=20, description="Kommunens mål: kontakter per 1 000 innbyggere per døgn"),
        AfterValidator(plain_decimal),
    ] = None
    gp_consultations: Annotated[Count | None, Field(description="Konsultasjoner hos fastlegene i året")] = (
        None
    )
    legevakt_cost: Annotated[Kroner | None, Field(description="Legevaktens kostnad i året (kr)")] = None
    service_budget: Annotated[Kroner | None, Field(description="Legetjenestens budsjett i året (kr)")] = None
    legevakt_shifts: Annotated[Count | None, Field(description="Legevaktvakter i året (registrert)")] = None
    vacant_shifts: Annotated[
        Count | None, Field(description="Vakante legevaktvakter i året (registrert)")
    ] = None
    source: Annotated[str, Field(max_length=1000, description="Hvor tallene kommer fra")] = ""


class QualityIndicatorIn(StatisticsInput):
    year: Year
    indicator: Annotated[str, Field(description="En av de seks kvalitetsindikatorene (STAT-QI)")]
    status: Annotated[str, Field(description="met, not_met eller not_reported")]
    evidence: Annotated[str, Field(max_length=2000, description="Dokumentasjon")] = ""
    reported_on: date | None = None


class OfficeQualityIndicatorIn(StatisticsInput):
    office: Annotated[OrgNumber, Field(description="Legekontorets organisasjonsnummer")]
    year: Year
    indicator: Annotated[str, Field(description="waiting_days, phone_answer_minutes eller home_visits")]
    value: Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2), AfterValidator(plain_decimal)]
    note: Annotated[str, Field(max_length=1000)] = ""


class FeeCodeCountIn(StatisticsInput):
    office: Annotated[OrgNumber, Field(description="Legekontorets organisasjonsnummer")]
    year: Year
    code: Annotated[str, Field(min_length=1, max_length=10, description="Takstkode, f.eks. 2ad")]
    count: Count
