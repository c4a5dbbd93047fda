"""Pydantic shapes of wishes (LV-WISH): what a GP enters, and what the pages and the API answer; the
stored wish as that answer (taken without importing the models, so schemas stay free of the database)."""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from legetjeneste.legevakt.wishes import rules
from legetjeneste.norwegian import day_text
from legetjeneste.registry.schemas import Input
from legetjeneste.rostering import problem as rp

Kind = Literal["off", "on"]


class WishIn(Input):
    """A wish for one day of the scheme's coming roster; the same shape changes a wish."""

    day: Annotated[date, Field(description="Dagen ønsket gjelder (ÅÅÅÅ-MM-DD)")]
    kind: Annotated[Kind, Field(description="off (ønsker fri) eller on (ønsker vakt)")]
    note: Annotated[str, Field(max_length=200, description="Kort merknad til kommuneoverlegen")] = ""


class WishRead(BaseModel):
    id: int
    scheme_id: int
    scheme_name: str
    doctor_hpr: str
    doctor_name: str
    day: date
    day_text: str
    kind: Kind
    kind_text: str
    note: str
    locked: bool


class MonthRead(BaseModel):
    month: date
    name: str
    used: int
    max_per_month: int
    left: int


class PeriodRead(BaseModel):
    """A coming half-year with the doctor's wishes in it and the months' counts."""

    name: str
    start: date
    end: date
    wishes: list[WishRead]
    months: list[MonthRead]


class SchemeWishes(BaseModel):
    """One scheme a GP takes part in: the wishes from tomorrow per half-year (those in a published roster
    `locked`), the number a month, the published rosters' periods, and the first day open to wishes."""

    scheme_id: int
    scheme_name: str
    max_per_month: int
    open_from: date
    published: list[str]
    periods: list[PeriodRead]
    count: int


class SchemeWishList(BaseModel):
    """Every participant's wishes for a scheme's coming rosters (those who solve rosters see this)."""

    scheme_id: int
    scheme_name: str
    max_per_month: int
    own_number: bool
    wishes: list[WishRead]


class WishOutcome(BaseModel):
    """A wish in a roster, and whether the roster meets it."""

    day: date
    day_text: str
    kind: Kind
    kind_text: str
    met: bool


class DoctorWishes(BaseModel):
    hpr_number: str
    name: str
    met: int
    wishes: list[WishOutcome]


def wish_read(wish, *, locked: bool) -> WishRead:
    return WishRead(
        id=wish.id,
        scheme_id=wish.scheme_id,
        scheme_name=wish.scheme.name,
        doctor_hpr=wish.doctor.hpr_number,
        doctor_name=wish.doctor.full_name,
        day=wish.day,
        day_text=day_text(wish.day, weekday=True),
        kind=wish.kind,
        kind_text=rules.KIND_TEXTS[wish.kind],
        note=wish.note,
        locked=locked,
    )


def month_read(count: rules.MonthCount) -> MonthRead:
    return MonthRead(
        month=count.month,
        name=count.name,
        used=count.used,
        max_per_month=count.max_per_month,
        left=count.left,
    )


def doctor_wishes(key: str, name: str, found: list[tuple[rp.Request, bool]]) -> DoctorWishes:
    return DoctorWishes(
        hpr_number=key,
        name=name,
        met=sum(1 for _, met in found if met),
        wishes=[
            WishOutcome(
                day=request.day,
                day_text=day_text(request.day, weekday=True),
                kind=request.wants,
                kind_text=rules.KIND_TEXTS[request.wants],
                met=met,
            )
            for request, met in found
        ],
    )
