"""Pydantic shapes of swaps (LV-SWAP): a proposal, the answer of a colleague or the municipality, and a
swap as it is read; the stored swap (a row, taken without importing the models) as that shape."""

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from legetjeneste.legevakt.schemas import OsloTime
from legetjeneste.legevakt.swaps import rules
from legetjeneste.registry.schemas import Input

RowId = Annotated[int, Field(ge=1, le=2_147_483_647)]


class SwapCreate(Input):
    """A GP's own shift offered to anyone in the scheme, handed over to a colleague, or swapped for one of
    the colleague's shifts (`their_shift_id`, whose doctor is the colleague)."""

    kind: Literal["offer", "swap", "handover"]
    shift_id: RowId
    colleague_id: RowId | None = None
    their_shift_id: RowId | None = None
    message: Annotated[str, Field(max_length=1000)] = ""

    @model_validator(mode="after")
    def _named(self) -> "SwapCreate":
        if self.kind == "handover" and self.colleague_id is None:
            raise ValueError("velg kollegaen som skal få vakten")
        if self.kind == "swap" and self.their_shift_id is None:
            raise ValueError("velg vakten du vil ha i bytte")
        return self


class SwapAnswer(Input):
    reason: Annotated[str, Field(max_length=1000)] = ""


class ShiftRead(BaseModel):
    assignment_id: int
    shift_id: str
    date: date
    label: str
    starts_at: OsloTime
    ends_at: OsloTime
    text: str


class SwapRead(BaseModel):
    """A swap as its doctors and the municipality see it; `can_*` say what the reader may do with it now."""

    id: int
    scheme_id: int
    scheme_name: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    summary: str
    shift: ShiftRead
    their_shift: ShiftRead | None
    from_doctor_id: int
    from_doctor: str
    to_doctor_id: int | None
    to_doctor: str | None
    message: str
    rule_id: str | None
    reason: str | None
    new_roster_id: int | None
    proposed_at: datetime
    can_accept: bool = False
    can_decline: bool = False
    can_withdraw: bool = False


def held(assignment) -> rules.Held:
    doctor = assignment.doctor
    key = doctor.hpr_number if doctor else None
    return rules.Held(assignment.shift_key, assignment.on, assignment.label, key)


def shift_read(assignment) -> ShiftRead:
    return ShiftRead(
        assignment_id=assignment.id,
        shift_id=assignment.shift_key,
        date=assignment.on,
        label=assignment.label,
        starts_at=assignment.starts_at,
        ends_at=assignment.ends_at,
        text=rules.shift_text(held(assignment)),
    )


def swap_read(swap, *, me: int | None = None) -> SwapRead:
    """The stored swap; `me`, the reader's doctor id, decides what they may do with it."""
    mine = swap.from_doctor_id == me
    colleague = swap.to_doctor.full_name if swap.to_doctor else None
    return SwapRead(
        id=swap.id,
        scheme_id=swap.scheme_id,
        scheme_name=swap.shift.roster.scheme.name,
        kind=swap.kind,
        kind_label=rules.KINDS[swap.kind],
        status=swap.status,
        status_label=rules.STATUS[swap.status],
        summary=rules.summary(
            kind=swap.kind,
            mine=held(swap.shift),
            theirs=held(swap.their_shift) if swap.their_shift else None,
            me=swap.from_doctor.full_name,
            colleague=colleague,
        ),
        shift=shift_read(swap.shift),
        their_shift=shift_read(swap.their_shift) if swap.their_shift else None,
        from_doctor_id=swap.from_doctor_id,
        from_doctor=swap.from_doctor.full_name,
        to_doctor_id=swap.to_doctor_id,
        to_doctor=colleague,
        message=swap.message,
        rule_id=swap.rule_id,
        reason=swap.reason,
        new_roster_id=swap.new_roster_id,
        proposed_at=swap.proposed_at,
        can_accept=me is not None and not mine and rules.may_answer(swap.status, swap.to_doctor_id, me),
        can_decline=me is not None and swap.status == "proposed" and swap.to_doctor_id == me,
        can_withdraw=mine and swap.status in rules.OPEN,
    )


class AutomaticSetting(Input):
    """LV-SWAP — «Godkjenn bytter automatisk når alle regler holder»."""

    approve_automatically: bool
