"""Pydantic shapes of payment runs, their lines, hours of municipal work."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from legetjeneste.registry.schemas import DbId, Input, Month

KIND_LABELS = {
    "basistilskudd": "basistilskudd",
    "grunntilskudd": "grunntilskudd",
    "utjamningstilskudd": "utjamningstilskudd",
    "deduction": "trekk",
    "vikar_payment": "basistilskudd til vikar",
    "withholding": "tilbakeholdt",
    "withheld_payout": "utbetaling av tilbakeholdt",
    "salaried": "fastlønn",
    "no_gp": "ingen fastlege",
    "missing_count": "mangler listetall",
    "municipal_duty": "kommunale oppgaver",
    "lis1_supervision": "veiledning av LIS1",
    "adjustment": "korreksjon",
}


class LineRead(BaseModel):
    position: int
    agreement: int | None
    payee_doctor_id: int | None
    payee_hpr: str | None
    payee_name: str
    kind: str
    kind_label: str
    amount: Decimal
    rule_id: str
    citation: str
    text: str
    refers_to_month: str | None


class PayeeTotal(BaseModel):
    payee_doctor_id: int | None
    payee_hpr: str | None
    payee_name: str
    account_number: str | None
    total: Decimal


class RunRead(BaseModel):
    municipality: str
    month: str
    status: Literal["draft", "approved"]
    due_date: date
    computed_at: datetime
    computed_by: str
    approved_at: datetime | None
    approved_by: str | None
    total: Decimal
    payees: list[PayeeTotal]
    lines: list[LineRead]


class RunSummary(BaseModel):
    month: str
    status: str
    due_date: date
    total: Decimal
    lines: int


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
