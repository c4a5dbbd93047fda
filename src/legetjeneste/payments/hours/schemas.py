"""Pydantic shapes of hours of municipal work: registering them, reading them, and the month's hours page."""

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from legetjeneste.dates import format_month
from legetjeneste.payments.hours.models import DutyHours
from legetjeneste.payments.runs.schemas import Option
from legetjeneste.registry.schemas import DbId, Input, Month


class DutyHoursCreate(Input):
    doctor_id: DbId
    month: Month
    kind: Literal["municipal_duty", "lis1_supervision"] = "municipal_duty"
    hours: Annotated[Decimal, Field(gt=0, le=744, max_digits=6, decimal_places=2)]
    description: Annotated[str, Field(max_length=300)] = ""


class DutyHoursRead(BaseModel):
    id: int
    doctor_id: int
    doctor_name: str
    month: str
    kind: str
    hours: Decimal
    description: str


class DutyHoursView(BaseModel):
    municipality: str
    municipality_name: str
    month: str
    month_label: str
    run_status: Literal["draft", "approved"] | None
    hours: list[DutyHoursRead]
    doctors: list[Option]
    kinds: dict[str, str]


def duty_hours_read(row: DutyHours) -> DutyHoursRead:
    return DutyHoursRead(
        id=row.id,
        doctor_id=row.doctor_id,
        doctor_name=row.doctor.full_name,
        month=format_month(row.month),
        kind=row.kind,
        hours=row.hours,
        description=row.description,
    )
