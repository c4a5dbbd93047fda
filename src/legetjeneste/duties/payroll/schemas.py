"""Pydantic shapes of the hours of hourly-paid duties sent to the payment run (PAY-DUTY-RATE)."""

from decimal import Decimal

from pydantic import BaseModel


class PaidHours(BaseModel):
    doctor_id: int
    doctor_name: str
    kind: str
    hours: Decimal
    description: str


class PaidMonth(BaseModel):
    municipality: str
    month: str
    hours: list[PaidHours]
    rule_id: str = "PAY-DUTY-RATE"
