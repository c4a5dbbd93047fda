"""Pydantic shapes of the vikar budget for municipal doctors (TILSYN-COVER): a year's budget and its spending
as typed (page, API, municipality file), and the budget against what is spent."""

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field

from legetjeneste.registry.schemas import Input

Year = Annotated[int, Field(ge=2000, le=2100)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Weeks = Annotated[Decimal, Field(ge=0, le=53, max_digits=5, decimal_places=1)]


class SpentIn(Input):
    """What is spent on vikar for municipal doctors: vikar weeks, and the cost (left out: weeks × the
    budget's week rate)."""

    text: Annotated[str, Field(min_length=1, max_length=200)]
    weeks: Weeks
    cost: Money | None = None


class VikarBudgetIn(Input):
    """The year's vikar budget for municipal doctors, the rate of a vikar week, and what is spent
    (TILSYN-COVER)."""

    year: Year
    amount: Money
    week_rate: Money | None = None
    source: Annotated[str, Field(max_length=300)] = ""
    spent: list[SpentIn] = []


class BudgetSet(Input):
    """The year's budget and week rate as set on the tilsyn page (what is spent stays)."""

    year: Year
    amount: Money
    week_rate: Money | None = None
    source: Annotated[str, Field(max_length=300)] = ""


class SpentAdd(SpentIn):
    """One line of spending added to the year's budget on the tilsyn page."""

    year: Year


class SpentLineRead(BaseModel):
    text: str
    weeks: Decimal
    cost: Decimal
    priced: bool  # True: weeks × the week rate, not a recorded cost


class BudgetRead(BaseModel):
    """The year's budget against what is spent: vikar weeks and cost, what is left and the share used."""

    year: int
    amount: Decimal
    week_rate: Decimal | None = None
    spent: Decimal
    weeks: Decimal
    left: Decimal
    share: Decimal | None = None
    source: str
    lines: list[SpentLineRead] = []
    rule_id: str = "TILSYN-COVER"
