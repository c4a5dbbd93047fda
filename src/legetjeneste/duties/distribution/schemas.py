"""Pydantic shapes of a proposed distribution (DUTY-EQUAL-SHARE): per GP the hours before, the proposed
share and the hours after, with the equal share."""

from datetime import date
from decimal import Decimal

from pydantic import BaseModel


class GpShare(BaseModel):
    doctor_id: int
    doctor_name: str
    before: Decimal
    share: Decimal
    after: Decimal
    orderable: Decimal
    volunteered: bool
    leaving: bool = False


class DistributionRead(BaseModel):
    """What the model proposes (DUTY-EQUAL-SHARE), before deciding: nothing is written."""

    title: str
    on: date
    task_id: int | None
    task_hours: Decimal
    equal_share: Decimal
    shortfall: Decimal
    rows: list[GpShare]
    rule_id: str = "DUTY-EQUAL-SHARE"
    citation: str = "ASA 4310 § 12.1"
