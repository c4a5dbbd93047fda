"""PAY-DUTY-RATE and PAY-LIS1: hours of other municipal GP work and LIS1 supervision, paid by the hour."""

from decimal import Decimal

from legetjeneste.money import to_ore
from legetjeneste.payments.runs.rules.lines import LIS1_SUPERVISION, Line, Payee, decimal_text, kr

SPECIALISTS = frozenset({"allmennmedisin", "samfunnsmedisin"})


def duty_rate(rates: dict, specialist_status: str) -> Decimal:
    """PAY-DUTY-RATE, ASA 4310 § 12.5 — specialists in general or community medicine have their own rate."""
    return rates["specialist" if specialist_status in SPECIALISTS else "other"]


def duty_line(*, payee: Payee, kind: str, hours: Decimal, rate: Decimal, description: str) -> Line:
    """PAY-DUTY-RATE (municipal work) or PAY-LIS1 (LIS1 supervision as a 3-hour-a-week post): hours × rate."""
    amount = to_ore(hours * rate)
    rule, citation, what = (
        ("PAY-LIS1", "ASA 4310 § 11.2", "Veiledning av LIS1")
        if kind == LIS1_SUPERVISION
        else ("PAY-DUTY-RATE", "ASA 4310 § 12.5", "Andre kommunale allmennlegeoppgaver")
    )
    detail = f" ({description})" if description else ""
    text = f"{what}{detail}: {decimal_text(hours)} timer × {kr(rate)} = {kr(amount)}"
    return Line(None, payee, kind, amount, rule, citation, text, {"hours": str(hours), "rate": str(rate)})


def max_lis1_hours(*, weekly_hours: int, days_in_month: int) -> Decimal:
    """PAY-LIS1 — at most the weekly hours for each week of the month."""
    return to_ore(Decimal(weekly_hours * days_in_month) / 7)
