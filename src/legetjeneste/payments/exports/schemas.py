"""Shapes of what leaves a payment run: the accounting file, a payee's specification, the pages' views."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from legetjeneste.payments.runs.schemas import DutyHoursRead, LineRead, PayeeTotal, RunRead

CSV_HEADER = ("Mottaker", "HPR-nummer", "Avtale", "Kontonummer", "Beløp", "Forfallsdato", "Tekst")


class MissingAccount(BaseModel):
    payee_doctor_id: int
    payee_hpr: str | None
    payee_name: str


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


class Option(BaseModel):
    id: int
    name: str


class LineView(LineRead):
    """A line as the run page shows it: a short summary, and the office of its agreement."""

    summary: str
    office_id: int | None
    office_name: str | None


class RunView(BaseModel):
    run: RunRead
    municipality_name: str
    month_label: str
    offices: list[Option]
    office_id: int | None
    lines: list[LineView]
    lines_total: Decimal
    payees: list[PayeeTotal]
    missing_accounts: list[MissingAccount]


class DutyHoursView(BaseModel):
    municipality: str
    municipality_name: str
    month: str
    month_label: str
    run_status: Literal["draft", "approved"] | None
    hours: list[DutyHoursRead]
    doctors: list[Option]
    kinds: dict[str, str]
