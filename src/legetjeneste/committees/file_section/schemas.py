"""The shapes of the `committees` and `annual_meetings` sections of the municipality file: a committee as the
API creates it, with its cases (and the statement) and its meetings (attendance, items, «videre prosess»);
each GP's yearly meetings."""

from datetime import date, time
from typing import Annotated, Literal

from pydantic import Field

from legetjeneste.committees.schemas import CommitteeCreate, Input, ItemIn, Long, StatementIn
from legetjeneste.registry.schemas import HprNumber

SECTION, ANNUAL = "committees", "annual_meetings"


class CaseIn(Input):
    title: Annotated[str, Field(min_length=1, max_length=300, description="Sakens tittel; nøkkel i utvalget")]
    link: Annotated[str, Field(max_length=300, description="Lenke til saken den kommer fra")] = ""
    background: Annotated[Long, Field(description="Saksframstilling")] = ""
    on: Annotated[date, Field(alias="date", description="Dato saken ble meldt")]
    raised_by: Annotated[str, Field(max_length=254, description="Hvem som meldte saken")] = ""
    statement: Annotated[StatementIn | None, Field(description="Utvalgets uttalelse")] = None


class AttendeeIn(Input):
    name: Annotated[str, Field(min_length=1, max_length=200, description="Navn (et medlem eller en gjest)")]
    status: Literal["invited", "present", "excused", "absent"] = "present"
    absence_reason: Annotated[str, Field(max_length=500)] = ""


class ActionFileIn(Input):
    text: Annotated[str, Field(min_length=1, max_length=1000)]
    owner: Annotated[str, Field(min_length=1, max_length=200)]
    due: date
    done_on: date | None = None


class MeetingIn(Input):
    on: Annotated[date, Field(alias="date", description="Møtedato")]
    starts: time
    ends: time | None = None
    place: Annotated[str, Field(min_length=1, max_length=200)]
    status: Literal["planned", "held", "cancelled"] = "held"
    joint: bool = False
    chair: Annotated[str, Field(max_length=200)] = ""
    referent: Annotated[str, Field(max_length=200)] = ""
    approved: Annotated[bool, Field(description="Referatet er godkjent i neste møte")] = False
    attendees: list[AttendeeIn] = []
    items: Annotated[
        list[ItemIn], Field(description="Sakene; `case` er sakens nummer i utvalgets cases (1…)")
    ] = []
    actions: list[ActionFileIn] = []


class CommitteeIn(CommitteeCreate):
    cases: Annotated[list[CaseIn], Field(description="Saker meldt til utvalget")] = []
    meetings: Annotated[list[MeetingIn], Field(description="Møtene, eldste først")] = []


class AnnualMeetingFileIn(Input):
    doctor: HprNumber
    on: Annotated[date, Field(alias="date")]
    note: Annotated[str, Field(max_length=1000)] = ""
