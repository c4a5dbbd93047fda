"""ABS-DEDUCT and AGR-BREACH: what an absence takes from the month's basistilskudd (and gives the
municipality's vikar), and what a breach decision holds back and rectification pays out."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from legetjeneste.money import to_ore
from legetjeneste.norwegian import day_text, span_text
from legetjeneste.payments.runs.rules.lines import (
    DEDUCTION,
    VIKAR_PAYMENT,
    WITHHELD_PAYOUT,
    WITHHOLDING,
    Line,
    Payee,
    kr,
    percent_text,
)


def day_share(monthly: Decimal, *, days: int, days_in_month: int) -> Decimal:
    """ABS-DEDUCT — a day's share is the month's basistilskudd ÷ the days in the month."""
    return to_ore(days * monthly / days_in_month)


@dataclass(frozen=True)
class DaySpan:
    """Consecutive classified days of one absence with one status and rule."""

    start: date
    end: date
    days: int
    status: str
    rule_id: str
    citation: str
    reason: str
    vikar: Payee | None = None


def absence_lines(
    *, agreement_id: int, payee: Payee, monthly: Decimal, days_in_month: int, spans: Sequence[DaySpan]
) -> list[Line]:
    """ABS-DEDUCT — a lost span is a deduction; a span paid to the municipality's vikar is a deduction for the
    GP and the same amount to the vikar (ASA 4310 § 14)."""
    lines = []
    for span in spans:
        amount = day_share(monthly, days=span.days, days_in_month=days_in_month)
        when = span_text(span.start, span.end)
        share = f"{span.days} {'dag' if span.days == 1 else 'dager'} × {kr(monthly)} ÷ {days_in_month}"
        calculation = {"days": span.days, "from": span.start.isoformat(), "to": span.end.isoformat()}
        if span.status == "vikar" and span.vikar is not None:
            text = f"Trekk {when}: {span.reason} ({span.rule_id}, {span.citation}): {share} = {kr(amount)}"
            lines.append(
                Line(agreement_id, payee, DEDUCTION, -amount, span.rule_id, span.citation, text, calculation)
            )
            text = (
                f"Basistilskudd {when} som vikar for {payee.name} ({span.citation}): {share} = {kr(amount)}"
            )
            lines.append(
                Line(
                    agreement_id,
                    span.vikar,
                    VIKAR_PAYMENT,
                    amount,
                    span.rule_id,
                    span.citation,
                    text,
                    calculation,
                )
            )
        else:
            text = f"Trekk {when}: {span.reason} ({span.rule_id}, {span.citation}): {share} = {kr(amount)}"
            lines.append(
                Line(agreement_id, payee, DEDUCTION, -amount, span.rule_id, span.citation, text, calculation)
            )
    return lines


def withholding_line(
    *,
    agreement_id: int,
    payee: Payee,
    basistilskudd: Decimal,
    percentage: Decimal,
    case_id: int,
    decided: date,
) -> Line:
    """AGR-BREACH, ASA 4310 § 15 — after written notice and warning, up to 20 % of the month's
    basistilskudd is held back each month until the breach is rectified (an enkeltvedtak)."""
    amount = to_ore(basistilskudd * percentage / 100)
    text = (
        f"Tilbakeholdt {percent_text(percentage)} av basistilskuddet {kr(basistilskudd)} "
        f"etter vedtak {day_text(decided)} "
        f"om mislighold (sak {case_id}) = {kr(amount)}"
    )
    return Line(
        agreement_id, payee, WITHHOLDING, -amount, "AGR-BREACH", "ASA 4310 § 15", text, {"case_id": case_id}
    )


def payout_line(*, agreement_id: int, payee: Payee, withheld: Decimal, case_id: int, rectified: date) -> Line:
    """AGR-BREACH, ASA 4310 § 15 — on rectification full basistilskudd resumes and the withheld is paid."""
    text = (
        f"Utbetaling av tilbakeholdt basistilskudd etter retting {day_text(rectified)} "
        f"(sak {case_id}): {kr(withheld)}"
    )
    return Line(
        agreement_id,
        payee,
        WITHHELD_PAYOUT,
        withheld,
        "AGR-BREACH",
        "ASA 4310 § 15",
        text,
        {"case_id": case_id},
    )
