"""A payment line: one amount to one payee with the rule behind it, its kinds in the order a run shows
them, and the Norwegian texts of amounts, months and percentages in a line's explanation."""

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from legetjeneste.norwegian import day_text, kroner

BASISTILSKUDD, DEDUCTION, VIKAR_PAYMENT = "basistilskudd", "deduction", "vikar_payment"
GRUNNTILSKUDD, UTJAMNINGSTILSKUDD = "grunntilskudd", "utjamningstilskudd"
MUNICIPAL_DUTY, LIS1_SUPERVISION = "municipal_duty", "lis1_supervision"
WITHHOLDING, WITHHELD_PAYOUT, ADJUSTMENT = "withholding", "withheld_payout", "adjustment"
SALARIED, NO_GP, MISSING_COUNT = "salaried", "no_gp", "missing_count"
KIND_ORDER = (
    BASISTILSKUDD, GRUNNTILSKUDD, UTJAMNINGSTILSKUDD, DEDUCTION, VIKAR_PAYMENT,
    WITHHOLDING, WITHHELD_PAYOUT, SALARIED, NO_GP, MISSING_COUNT,
    MUNICIPAL_DUTY, LIS1_SUPERVISION, ADJUSTMENT,
)  # fmt: skip
RECOMPUTABLE = frozenset(KIND_ORDER) - {WITHHOLDING, WITHHELD_PAYOUT, ADJUSTMENT}


@dataclass(frozen=True)
class Payee:
    doctor_id: int
    hpr_number: str
    name: str


@dataclass(frozen=True)
class Line:
    """One amount to one payee, with the rule behind it and a Norwegian explanation."""

    agreement_id: int | None
    payee: Payee | None
    kind: str
    amount: Decimal
    rule_id: str
    citation: str
    text: str
    calculation: dict = field(default_factory=dict)
    refers_to_month: date | None = None


def kr(amount: Decimal) -> str:
    return kroner(amount).replace("\xa0", " ")


def whole(count: int) -> str:
    """«1 028»: a whole number with a space between thousands (a plain space, as in `kr`, so the PDF's
    fonts and the accounting file read it)."""
    return f"{count:,}".replace(",", " ")


def decimal_text(value: Decimal) -> str:
    """«7,5», «1 113,85»: a decimal number the Norwegian way, without trailing zeros after the comma."""
    text = f"{value:,f}".replace(",", " ")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def line_parts(text: str) -> tuple[str, list[str]]:
    """A line's explanation as a title and a short list of its parts: «Basistilskudd mars 2026» and
    [«1 028 pasienter på listen 1. mars 2026», «1 028 pasienter × gjennomsnittssats … per år», «÷ 12 = …»];
    a reason with its paragraph («Dag 17 i sammenhengende sykdom, over 16 (ABS-SICK, ASA 4310 § 13.4)») is a
    part of its own, before the calculation it leads to."""
    title, _, rest = text.partition(": ")
    parts = [piece.strip() for part in rest.split("; ") for piece in part.split("): ") if piece.strip()]
    return title, [f"{part})" if part.count("(") > part.count(")") else part for part in parts]


def percent_text(percentage: Decimal) -> str:
    """«20 %», «12,5 %»."""
    text = f"{percentage:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return f"{text.replace('.', ',')} %"


def month_name(month: date) -> str:
    return day_text(month, year=True).split(" ", 1)[1]


def days_in(month: date) -> int:
    return calendar.monthrange(month.year, month.month)[1]
