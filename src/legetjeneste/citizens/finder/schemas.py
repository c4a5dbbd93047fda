"""What «Finn fastlege» answers: per list its office, GP, open places and waiting list; the filters."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from legetjeneste.registry.schemas import Input


class FinderQuery(Input):
    """The filters of «Finn fastlege»."""

    kommune: str = Field(pattern=r"^\d{4}$", description="Kommunenummer")
    kontor: int | None = Field(default=None, ge=1, le=2_147_483_647, description="Legekontor (id)")
    kjonn: Literal["kvinne", "mann"] | None = Field(default=None, description="Legens kjønn")
    tilgjengelig: bool = Field(default=False, description="Bare kontor tilpasset funksjonshemmede")
    sprak: str | None = Field(default=None, max_length=40, description="Språk legen snakker")
    ledig: bool = Field(default=False, description="Bare lister med ledige plasser")


class GpListRead(BaseModel):
    agreement_id: int
    office_id: int
    office_name: str
    address: str
    phone: str
    is_accessible: bool
    doctor_name: str | None = Field(description="Fastlegen; tom for en liste uten fast lege")
    doctor_gender: str | None = Field(description="kvinne / mann, når det er kjent")
    languages: list[str]
    listetak: int
    list_length: int | None
    open_places: int
    waiting_list_length: int
    switch_url: str
    alert_url: str


class OfficeOption(BaseModel):
    id: int
    name: str


class FinderRead(BaseModel):
    municipality_number: str
    municipality_name: str
    on: date
    source: Literal["citizen_register", "helfo"] = Field(
        description="Hvor listelengden kommer fra: innbyggerregisteret, eller Helfos siste månedstall"
    )
    lists: list[GpListRead]
    offices: list[OfficeOption]
    languages: list[str]
    total_open_places: int


class DoctorProfileUpdate(Input):
    """What «Finn fastlege» may filter on about a GP besides the register."""

    gender: Literal["kvinne", "mann"] | None = Field(default=None, description="Legens kjønn")
    languages: list[str] = Field(default_factory=list, max_length=10, description="Språk ut over norsk")


class DoctorProfileRead(BaseModel):
    doctor_id: int
    gender: str | None
    languages: list[str]
