"""What a change of the plan's measures and needs takes (PLAN-DUTY, PLAN-PRIORITY-SERIES): from the plan
page's forms and the API alike. Amounts may be written the Norwegian way («150 000», «1 234,50»)."""

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from legetjeneste.planning.plan.schemas import Long, PlanInput, plain_decimal

SPACES = (" ", "\u00a0", "\u202f", "\u2009")


def _norwegian_amount(value: object) -> object:
    """«150 000» and «1 234,50» as the numbers they are; anything else as given (for the type check)."""
    if isinstance(value, str):
        for space in SPACES:
            value = value.replace(space, "")
        return value.replace(",", ".").removesuffix("kr")
    return value


Amount = Annotated[
    Decimal,
    BeforeValidator(_norwegian_amount),
    Field(ge=0, max_digits=14, decimal_places=2, description="Kroner"),
    AfterValidator(plain_decimal),
]
Year = Annotated[int, Field(ge=1990, le=2100)]


class MeasureChange(PlanInput):
    """A measure as it is to stand: under which need, what, when, what it costs and who pays, who owns it and
    how far it has come."""

    need: Annotated[str, Field(max_length=3, description="Behovets bokstav")]
    text: Annotated[Long, Field(description="Hva tiltaket går ut på")] = ""
    first_year: Year | None = None
    last_year: Year | None = None
    period_text: Annotated[str, Field(max_length=100, description="Perioden slik planen skriver den")] = ""
    yearly_cost: Amount | None = None
    one_off_cost: Amount | None = None
    funding: Annotated[str, Field(description="okonomiplan, eget_budsjett_okonomiplan, eget_budsjett, ingen")]
    owner: Annotated[str, Field(max_length=200, description="Hvem som har ansvaret")] = ""
    status: Annotated[str, Field(description="planned, started, done, postponed, dropped")] = "planned"
    progress: Annotated[int, Field(description="Framdrift i prosent")] = 0
    concerns_gps: Annotated[bool, Field(description="Tiltaket angår fastlegene (PLAN-PREDICTABILITY)")] = (
        False
    )


class MeasureCreate(MeasureChange):
    """A new measure, which may join one priority series at a place (the ones from that place move down)."""

    series: Annotated[str | None, Field(description="Prioriteringsserien tiltaket skal inn i")] = None
    rank: Annotated[int | None, Field(ge=1, le=999, description="Plassen i serien; tom: uten nummer")] = None


class NeedCreate(PlanInput):
    letter: Annotated[str, Field(max_length=3, description="Behovets bokstav, f.eks. «AB»")]
    title: Annotated[str, Field(max_length=200)] = ""
    text: Long = ""
    chapter: Annotated[str, Field(max_length=20, description="Kapittelet i planen")] = ""
    mandate_area: Annotated[str | None, Field(description="Mandatområdets tittel")] = None
