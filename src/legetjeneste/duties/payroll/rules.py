"""PAY-DUTY-RATE and PAY-DUTY-POST for duties: which assignments are paid by the hour in the monthly payment
run, and their hours in a month (hours a week for each day of the month the assignment runs)."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from legetjeneste.duties.rules import BESIDE

PAY_KIND = {"lis1_supervision": "lis1_supervision"}  # PAY-LIS1; every other paid duty is "municipal_duty"
CENT = Decimal("0.01")


def is_paid_by_the_hour(*, kind: str, pay_form: str) -> bool:
    """PAY-DUTY-RATE, ASA 4310 § 12.5 — a duty paid by the hour goes into the payment run; a post
    (PAY-DUTY-POST, § 12.4) is paid as salary on tariff terms, and legevakt and medical students are not
    duties paid here."""
    return pay_form == "hourly" and kind not in BESIDE


def payment_kind(kind: str) -> str:
    """The kind of hours the payment run pays: LIS1 supervision (PAY-LIS1) or other municipal work."""
    return PAY_KIND.get(kind, "municipal_duty")


def month_hours(*, weekly: Decimal, start: date, end: date | None, month: date) -> Decimal:
    """PAY-DUTY-RATE — the hours of a month: hours a week × the days the assignment runs that month ÷ 7."""
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    begin, finish = max(first, start), min(last, end) if end else last
    days = (finish - begin).days + 1
    if days <= 0:
        return Decimal(0)
    return (weekly * days / 7).quantize(CENT, ROUND_HALF_UP)
