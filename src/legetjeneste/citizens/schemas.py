"""Pydantic shapes of the citizen register: a citizen as entered and as read (identity reads are audited),
a place on a list, and the list lengths beside Helfo's count."""

from datetime import date

from pydantic import BaseModel, Field

from legetjeneste.registry.schemas import Input


class CitizenCreate(Input):
    national_id: str = Field(description="Fødselsnummer, 11 siffer")
    name: str = Field(min_length=1, max_length=200)
    home_municipality_number: str = Field(pattern=r"^\d{4}$")
    resident_since: date
    email: str | None = None
    parents: list[int] = []


class PlaceRead(BaseModel):
    agreement_id: int
    start: date
    end: date | None
    begin_reason: str
    begin_text: str
    end_reason: str | None
    end_text: str
    rule_id: str
    counted: bool


class CitizenRead(BaseModel):
    id: int
    national_id: str
    name: str
    birth_date: date
    sex: str
    home_municipality_number: str
    resident_since: date
    places: list[PlaceRead]


class LengthReport(BaseModel):
    """AGR-OPEN — per agreement the list length on the 1st of the month from the memberships beside Helfo's
    count for the month; `differing` the agreements where they differ."""

    municipality_number: str
    month: date
    rows: list[dict]
    differing: list[int]
    total: int
    helfo_total: int | None
