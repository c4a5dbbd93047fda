"""Pydantic shapes of payment runs and their lines, the run page's view, and how a stored run is read."""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from legetjeneste.dates import format_month, parse_month
from legetjeneste.payments.runs.models import PaymentRun
from legetjeneste.payments.runs.rules.lines import line_parts, month_name

MONTH_PATTERN = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"  # ÅÅÅÅ-MM in a path or query
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
    version: Annotated[
        int, Field(description="Beregningen kjøringen står på: 1 første gang, én mer for hver ny beregning")
    ]
    due_date: date
    computed_at: datetime
    computed_by: str
    approved_at: datetime | None
    approved_by: str | None
    total: Decimal
    payees: list[PayeeTotal]
    lines: list[LineRead]


class RunApprove(BaseModel):
    """What an approval may say: the version of the computation the approver looked at (PAY-MONTHLY)."""

    model_config = ConfigDict(extra="forbid")

    version: Annotated[
        int | None,
        Field(
            ge=1,
            le=2_147_483_647,
            description="Versjonen du så (`version` i kjøringen). Er kjøringen beregnet på nytt siden, "
            "avvises godkjenningen med 409 så du kan se gjennom den nye beregningen.",
        ),
    ] = None


class RunSummary(BaseModel):
    month: str
    status: str
    due_date: date
    total: Decimal
    lines: int


class MissingAccount(BaseModel):
    payee_doctor_id: int
    payee_hpr: str | None
    payee_name: str


class Option(BaseModel):
    id: int
    name: str


class LineView(LineRead):
    """A line as the run page shows it: a short summary, and the office of its agreement."""

    summary: str
    parts: list[str] = []
    refers_to_month_label: str | None = None
    office_id: int | None
    office_name: str | None


class RunWarning(BaseModel):
    """Something to know before approving (PAY-MONTHLY, PAY-FOUR-EYES)."""

    text: str
    rule_id: str


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
    four_eyes: bool = True
    warnings: list[RunWarning] = []


def run_read(run: PaymentRun, lines: Sequence[Any], accounts: dict[int, str | None]) -> RunRead:
    """The run with its payees' totals and its lines (anything with the attributes of a PaymentLine, in
    position order); `accounts` are the payees' account numbers."""
    totals: dict[tuple, Decimal] = {}
    for line in lines:
        key = (line.payee_doctor_id, line.payee_hpr, line.payee_name)
        totals[key] = totals.get(key, Decimal("0.00")) + line.amount
    return RunRead(
        municipality=run.municipality_number,
        month=format_month(run.month),
        status="approved" if run.status == "approved" else "draft",
        version=run.version,
        due_date=run.due_date,
        computed_at=run.computed_at,
        computed_by=run.computed_by,
        approved_at=run.approved_at,
        approved_by=run.approved_by,
        total=sum(totals.values(), Decimal("0.00")),
        payees=[
            PayeeTotal(payee_doctor_id=d, payee_hpr=h, payee_name=n, account_number=accounts.get(d), total=t)
            for (d, h, n), t in sorted(totals.items(), key=lambda item: item[0][2])
            if d is not None
        ],
        lines=[
            LineRead(
                position=line.position,
                agreement=line.agreement_id,
                payee_doctor_id=line.payee_doctor_id,
                payee_hpr=line.payee_hpr,
                payee_name=line.payee_name,
                kind=line.kind,
                kind_label=KIND_LABELS[line.kind],
                amount=line.amount,
                rule_id=line.rule_id,
                citation=line.citation,
                text=line.text,
                refers_to_month=format_month(line.refers_to_month) if line.refers_to_month else None,
            )
            for line in lines
        ],
    )


def summary_of(line: LineRead) -> str:
    """The line's text up to its first colon: «Trekk 17.–20. mars», «Basistilskudd mars 2026»."""
    return line.text.split(":", 1)[0]


def view_fields(line: LineRead) -> dict:
    """What the run page adds to a line: its title, its parts as a short list, the month it corrects."""
    title, parts = line_parts(line.text)
    month = line.refers_to_month
    return {
        "summary": title,
        "parts": parts,
        "refers_to_month_label": month_name(parse_month(month)) if month else None,
    }


def missing_accounts(read: RunRead) -> list[MissingAccount]:
    """Payees the run pays (or recovers from) without a registered account number."""
    return [
        MissingAccount(payee_doctor_id=p.payee_doctor_id, payee_hpr=p.payee_hpr, payee_name=p.payee_name)
        for p in read.payees
        if p.payee_doctor_id is not None and not p.account_number and p.total != 0
    ]
