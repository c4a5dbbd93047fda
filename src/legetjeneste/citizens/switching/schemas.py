"""Pydantic shapes of switching and waiting (CIT-SWITCH, CIT-WAIT): what a citizen asks for and what the
pages, the API and the command line answer."""

from datetime import date

from pydantic import BaseModel

from legetjeneste.registry.schemas import Input


class SwitchIn(Input):
    agreement_id: int
    on: date | None = None  # the day of the request (the switch takes effect the 1st of the next month)


class WaitingIn(Input):
    agreement_id: int


class ListChoice(BaseModel):
    """An agreement's list as the citizen chooses it."""

    agreement_id: int
    doctor_name: str
    office_name: str
    municipality_number: str
    listetak: int
    list_length: int
    open_places: int
    waiting: int


class SwitchResult(BaseModel):
    citizen_id: int
    agreement_id: int
    doctor_name: str
    effective: date
    effective_text: str
    rule_id: str
    citation: str
    counted: bool
    switches_this_year: int
    max_switches: int
    children: list[int]


class WaitingRead(BaseModel):
    citizen_id: int
    agreement_id: int
    doctor_name: str
    office_name: str
    position: int
    of: int
    rule_id: str = "CIT-WAIT"


class Person(BaseModel):
    """Someone a citizen acts for: themselves, or a child under 16."""

    citizen_id: int
    name: str
    is_self: bool


class SwitchPage(BaseModel):
    """What the switch and waiting pages show for one person."""

    person: Person
    people: list[Person]
    current: ListChoice | None
    target: ListChoice | None
    effective: date
    switches_this_year: int
    max_switches: int
    waiting: WaitingRead | None
