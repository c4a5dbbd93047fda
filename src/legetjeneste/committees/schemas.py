"""Pydantic shapes of the committees: what is entered (committees, members, meetings, cases, statements,
minutes) and what the API, the CLI and the municipality file answer."""

from datetime import date, time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from legetjeneste.registry.schemas import DbId, HprNumber

Kind = Literal["su", "alu", "alu_working", "joint_su"]
Side = Literal["gps", "municipality"]
Role = Literal["member", "deputy", "chair", "leader", "observer"]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Long = Annotated[str, Field(max_length=8000)]
LINE_BREAKS = frozenset("\n\r\t")


class Input(BaseModel):
    """Entered data: unknown fields refused, text stripped; line breaks allowed (minutes and statements are
    paragraphs), other control characters not."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        if isinstance(value, str) and any(ord(c) < 32 and c not in LINE_BREAKS for c in value):
            raise ValueError("inneholder kontrolltegn som ikke er tillatt")
        return value


class MemberIn(Input):
    """A member as elected, before the period: what a new term's members are."""

    name: Annotated[Name, Field(description="Medlemmets navn")]
    email: Annotated[str, Field(max_length=254, description="E-postadressen innkallingen går til")] = ""
    doctor: Annotated[
        HprNumber | None, Field(description="HPR-nummer når medlemmet er fastlege i kommunen")
    ] = None
    side: Annotated[Side | None, Field(description="gps (allmennlegene) eller municipality (kommunen)")] = (
        None
    )
    role: Annotated[Role, Field(description="member, deputy, chair, leader eller observer")] = "member"
    elected_by: Annotated[str, Field(max_length=200, description="Hvem som valgte medlemmet")] = ""
    is_kommuneoverlege: Annotated[bool, Field(description="Medlemmet er kommuneoverlegen")] = False


class MemberCreate(MemberIn):
    start: Annotated[date, Field(description="Fra og med")]
    end: Annotated[date | None, Field(description="Til og med")] = None
    replaces: Annotated[DbId | None, Field(description="Medlemmet dette erstatter (slutter dagen før)")] = (
        None
    )


class CommitteeCreate(Input):
    kind: Annotated[Kind, Field(description="su, alu, alu_working eller joint_su")]
    name: Annotated[Name, Field(description="Utvalgets navn")]
    constituted_on: Annotated[date, Field(description="Dagen utvalget konstituerte seg")]
    shares_legevakt: Annotated[bool, Field(description="Kommunen har interkommunal legevakt")] = False
    partners: Annotated[list[str], Field(description="Kommunenumrene i legevaktsamarbeidet")] = []
    members: Annotated[list[MemberCreate], Field(description="Medlemmene")] = []


class TermCreate(Input):
    """A new term of the SU or the working committee (SU-COMPOSITION, «funksjonstiden er 2 år»): the day it is
    constituted and its members, each from that day; the current members' seats end the day before."""

    constituted_on: Annotated[date, Field(description="Dagen utvalget konstituerer seg for den nye perioden")]
    members: Annotated[list[MemberIn], Field(description="Medlemmene i den nye perioden", max_length=60)]


class MemberRead(BaseModel):
    id: int
    name: str
    email: str
    doctor_id: int | None
    side: str | None
    side_text: str
    role: str
    role_text: str
    start: date
    end: date | None
    elected_by: str
    is_kommuneoverlege: bool


class ProblemRead(BaseModel):
    rule_id: str
    citation: str
    message: str


class CommitteeRead(BaseModel):
    id: int
    municipality: str
    kind: str
    kind_text: str
    name: str
    constituted_on: date
    term_end: date | None
    term_ending: Annotated[
        bool,
        Field(description="Funksjonstiden går ut innen et halvt år: en ny funksjonsperiode kan konstitueres"),
    ] = False
    shares_legevakt: bool
    partners: list[str]
    members: list[MemberRead]
    composition: list[ProblemRead]


class MeetingCreate(Input):
    on: Annotated[date, Field(alias="date", description="Møtedato")]
    starts: Annotated[time, Field(description="Klokkeslett møtet begynner")]
    ends: Annotated[time | None, Field(description="Klokkeslett møtet slutter")] = None
    place: Annotated[Name, Field(description="Sted")]
    agenda: Annotated[list[Annotated[str, Field(max_length=300)]], Field(description="Saksliste")] = []
    cases: Annotated[list[DbId], Field(description="Utvalgssaker som settes på sakslisten")] = []
    joint: Annotated[bool, Field(description="Felles møte i legevaktsamarbeidet (SU-JOINT-LV)")] = False


class AttendanceIn(Input):
    attendee: DbId
    status: Literal["invited", "present", "excused", "absent"]
    absence_reason: Annotated[str, Field(max_length=500)] = ""


class ItemIn(Input):
    number: Annotated[int, Field(ge=1, le=99)]
    title: Annotated[str, Field(min_length=1, max_length=300)]
    case: DbId | None = None
    input: Long = ""
    conclusion: Long = ""


class ActionIn(Input):
    text: Annotated[str, Field(min_length=1, max_length=1000, description="Hva som skal følges opp")]
    owner: Annotated[Name, Field(description="Hvem som følger opp")]
    due: Annotated[date, Field(description="Frist")]


class MinutesIn(Input):
    """The minutes of a held meeting in the Kragerø shape: chair, referent, attendance, numbered items with
    input and conclusion, and «videre prosess» with owners."""

    chair: Annotated[str, Field(max_length=200, description="Møteleder")] = ""
    referent: Annotated[str, Field(max_length=200, description="Referent")] = ""
    attendance: list[AttendanceIn] = []
    items: list[ItemIn] = []
    actions: list[ActionIn] = []


class CaseCreate(Input):
    committee: Annotated[DbId, Field(description="Utvalget saken meldes til")]
    origin_kind: Annotated[str, Field(max_length=40, description="Hvor saken kommer fra")] = "municipality"
    origin_id: Annotated[DbId | None, Field(description="Id-en til saken den kommer fra")] = None
    title: Annotated[str, Field(max_length=300, description="Tittel")] = ""
    link: Annotated[str, Field(max_length=300, description="Lenke til saken den kommer fra")] = ""
    background: Annotated[Long, Field(description="Saksframstilling")] = ""
    doctor: Annotated[HprNumber | None, Field(description="Legen saken gjelder personlig (HPR-nummer)")] = (
        None
    )
    consent_on: Annotated[date | None, Field(description="Dato legen samtykket")] = None
    breach_of_duty: Annotated[bool, Field(description="Saken gjelder brudd på faglige plikter")] = False
    about_patient: Annotated[bool, Field(description="Saken gjelder en konkret pasient")] = False
    anonymised: Annotated[bool, Field(description="Pasientsaken er anonymisert")] = False
    on: Annotated[date | None, Field(alias="date", description="Dato saken ble meldt (standard: i dag)")] = (
        None
    )


class StatementIn(Input):
    given_on: Annotated[date, Field(description="Dato uttalelsen ble gitt")]
    votes_for: Annotated[int, Field(ge=0, le=99, description="Stemmer for")] = 0
    votes_against: Annotated[int, Field(ge=0, le=99, description="Stemmer mot")] = 0
    majority_text: Annotated[Long, Field(description="Utvalgets uttalelse (flertallet)")] = ""
    minority_text: Annotated[Long, Field(description="Mindretallets uttalelse")] = ""
    meeting: Annotated[DbId | None, Field(description="Møtet uttalelsen ble gitt i")] = None
    final: Annotated[bool, Field(description="Uttalelsen er gitt (ikke et utkast)")] = True


class StatementRead(BaseModel):
    status: str
    given_on: date
    votes_for: int
    votes_against: int
    vote_text: str
    majority_text: str
    minority_text: str
    written_by: str


class CaseRead(BaseModel):
    id: int
    committee_id: int
    committee_name: str
    origin_kind: str
    origin_label: str
    origin_id: int | None
    title: str
    link: str
    background: str
    status: str
    status_text: str
    raised_on: date
    raised_by: str
    statement: StatementRead | None


class AnnualMeetingIn(Input):
    doctor: Annotated[HprNumber, Field(description="Legen (HPR-nummer)")]
    held_on: Annotated[date, Field(description="Dato møtet ble holdt")]
    note: Annotated[str, Field(max_length=1000, description="Merknad")] = ""
