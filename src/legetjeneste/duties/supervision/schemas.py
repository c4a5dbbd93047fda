"""Pydantic shapes of supervision agreements (DUTY-LIS1-AGREE)."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from legetjeneste.registry.schemas import HprNumber, Input


class SupervisionIn(Input):
    """An agreement to receive and supervise a LIS1 or an ALIS; key: doctor, trainee_kind, start."""

    doctor: HprNumber
    trainee_kind: Literal["lis1", "alis"] = "lis1"
    trainee_name: Annotated[str, Field(max_length=200)] = ""
    hours_per_week: Annotated[Decimal | None, Field(gt=0, le=40, max_digits=5, decimal_places=2)] = None
    start: date
    term_end: date
    renewal: bool = False
    notice_on: date | None = None
    supervision_until: date | None = None


class SupervisionRead(BaseModel):
    id: int
    doctor_id: int
    doctor_name: str
    trainee_kind: str
    trainee_name: str
    hours_per_week: Decimal
    start: date
    term_end: date
    renewal: bool
    notice_on: date | None
    ends_on: date | None
    rule_id: str = "DUTY-LIS1-AGREE"
