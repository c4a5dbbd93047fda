"""Shapes of what leaves a payment run: the accounting file and a payee's specification."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from legetjeneste.payments.runs.schemas import LineRead, MissingAccount

CSV_HEADER = ("Mottaker", "HPR-nummer", "Avtale", "Kontonummer", "Beløp", "Forfallsdato", "Tekst")


class AccountingFile(BaseModel):
    """The approved run as the accounting system reads it, and the payees it cannot pay without an account."""

    filename: str
    text: str
    rows: int
    missing_accounts: list[MissingAccount]


class Specification(BaseModel):
    """What one payee gets for a month, line by line, each with its rule and paragraph."""

    municipality: str
    municipality_name: str
    month: str
    month_label: str
    status: Literal["draft", "approved"]
    due_date: date
    computed_at: datetime
    approved_at: datetime | None
    approved_by: str | None
    doctor_id: int
    payee_name: str
    payee_hpr: str | None
    account_number: str | None
    lines: list[LineRead]
    total: Decimal
    own: bool = False  # read by the payee themselves (payments.own), who reaches it from Min side


class OwnMonth(BaseModel):
    """An approved month with lines for the GP: where their specification is, and what it adds up to."""

    municipality: str
    month: str
    month_label: str
    due_date: date
    total: Decimal
