"""What «Min fastlege» shows a citizen, and what the download of their own data holds."""

from datetime import date, datetime

from pydantic import BaseModel, Field


class PanelServiceRead(BaseModel):
    name: str
    text: str


class CitizenPanelRead(BaseModel):
    """The GP panel (HN-PANEL) as the citizen sees it, from the round-1 panel's service."""

    agreement_id: int
    office_id: int
    office_name: str
    heading: str | None
    text: str | None
    booking_button: str | None
    away_text: str | None
    notice_heading: str | None
    notices: list[str]
    services: list[PanelServiceRead]
    links: list[str]


class PlaceRead(BaseModel):
    """A place on a list over a period (the FLR membership), in words."""

    agreement_id: int
    office_name: str
    doctor_name: str | None
    start: date
    end: date | None
    begin_reason: str
    begin_text: str
    end_reason: str | None
    end_text: str


class WaitingRead(BaseModel):
    agreement_id: int
    office_name: str
    doctor_name: str | None
    joined_at: datetime
    position: int = Field(description="Plassen i køen (1: først)")


class LetterRead(BaseModel):
    """A letter about the citizen's list, as the register keeps it."""

    created_at: datetime
    subject: str
    body: str
    rule_id: str
    by_post: bool = Field(description="Sendt i posten (innbyggeren hadde ingen bruker da)")


class ChildLink(BaseModel):
    citizen_id: int
    name: str
    birth_date: date


class MyGpRead(BaseModel):
    """«Min fastlege» of one citizen (the logged-in citizen, or their child under 16)."""

    citizen_id: int
    name: str
    is_self: bool
    on: date
    current: PlaceRead | None
    next_place: PlaceRead | None = Field(description="Et bytte som er bestilt fra en senere dato")
    panel: CitizenPanelRead | None
    history: list[PlaceRead]
    switches_this_year: int
    switches_left: int
    waiting: WaitingRead | None
    children: list[ChildLink]
    home_municipality_number: str
    letters: list[LetterRead] = Field(default=[], description="De siste brevene om fastlegen")


class PersonData(BaseModel):
    citizen_id: int
    national_id: str
    name: str
    birth_date: date
    sex: str
    home_municipality_number: str
    resident_since: date
    email: str | None
    places: list[PlaceRead]
    waiting: WaitingRead | None
    letters: list[LetterRead] = []


class MyData(BaseModel):
    """Everything the register holds about the citizen and their children under 16 (item 9)."""

    made_at: datetime
    person: PersonData
    children: list[PersonData]
    alerts: list[dict]
