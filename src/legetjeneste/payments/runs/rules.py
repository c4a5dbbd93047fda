"""PAY-* rules: basistilskudd and the grants, deductions and withholding that change it, line by line.

Every function takes plain values (parameters already resolved for the month) and gives lines whose
amounts are rounded to øre once; a run's totals are sums of its rounded lines.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from legetjeneste.money import format_nok, to_ore
from legetjeneste.norwegian import day_text, span_text

MONTHS = 12
BASISTILSKUDD, DEDUCTION, VIKAR_PAYMENT = "basistilskudd", "deduction", "vikar_payment"
GRUNNTILSKUDD, UTJAMNINGSTILSKUDD = "grunntilskudd", "utjamningstilskudd"
MUNICIPAL_DUTY, LIS1_SUPERVISION = "municipal_duty", "lis1_supervision"
WITHHOLDING, WITHHELD_PAYOUT, ADJUSTMENT = "withholding", "withheld_payout", "adjustment"
SALARIED, NO_GP, MISSING_COUNT = "salaried", "no_gp", "missing_count"
SPECIALISTS = frozenset({"allmennmedisin", "samfunnsmedisin"})


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
    return format_nok(amount).replace("\xa0", " ")


def annual_amount(
    *, list_length: int, pbt_annual_amount: Decimal | None, average_rate: Decimal | None, tiers: dict | None
) -> tuple[Decimal, str]:
    """PAY-ANNUAL, statsavtalen — Helfo's patient-adjusted figure (PBT) when the municipality has it for the
    agreement and month; otherwise the national average rate × list length (675 kr for patients 1–1000 and
    544 kr for 1001–2500 from 2022-07-01 to 2023-04-30)."""
    if pbt_annual_amount is not None:
        return (
            pbt_annual_amount,
            f"pasientjustert basistilskudd (PBT) fra Helfo {kr(pbt_annual_amount)} per år",
        )
    if tiers is not None:
        first, rest = min(list_length, 1000), max(list_length - 1000, 0)
        annual = first * tiers["1-1000"] + rest * tiers["1001-2500"]
        explained = f"{first} × {kr(tiers['1-1000'])} + {rest} × {kr(tiers['1001-2500'])}"
        return annual, f"{explained} = {kr(annual)} per år"
    if average_rate is None:
        raise ValueError("Ingen sats i kraft")
    annual = list_length * average_rate
    return annual, f"{list_length} pasienter × gjennomsnittssats {kr(average_rate)} = {kr(annual)} per år"


def basistilskudd_line(
    *, agreement_id: int, payee: Payee, month: date, list_length: int, annual: Decimal, explained: str
) -> Line:
    """PAY-MONTHLY, ASA 4310 § 8.1 — 1/12 of the annual amount, on the list on the 1st of the month."""
    amount = to_ore(annual / MONTHS)
    text = (
        f"Basistilskudd {month_name(month)}: {list_length} pasienter på listen {day_text(month)}; "
        f"{explained}; ÷ 12 = {kr(amount)}"
    )
    return Line(
        agreement_id,
        payee,
        BASISTILSKUDD,
        amount,
        "PAY-MONTHLY",
        "ASA 4310 § 8.1",
        text,
        {"list_length": list_length, "annual": str(annual)},
    )


def day_share(monthly: Decimal, days: int, days_in_month: int) -> Decimal:
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
        amount = day_share(monthly, span.days, days_in_month)
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


def grunntilskudd_line(
    *,
    agreement_id: int,
    payee: Payee,
    listetak: int,
    list_length: int,
    annual: Decimal,
    average_rate: Decimal,
    agreement_date: date | None,
    month: date,
    has_reached_minimum: bool,
    minimum: int,
    years: int,
) -> Line | None:
    """PAY-GRUNN, statsavtalen — a list with listetak ≥ 500 but fewer than 500 patients is paid as for 500 at
    the average rate when that pays more, for at most 2 years from the agreement date and not after the list
    has once reached 500."""
    if agreement_date is None or listetak < minimum or list_length >= minimum or has_reached_minimum:
        return None
    if month >= _years_after(agreement_date, years):
        return None
    guaranteed = minimum * average_rate
    if guaranteed <= annual:
        return None
    amount = to_ore((guaranteed - annual) / MONTHS)
    text = (
        f"Grunntilskudd: listen har {list_length} av minst {minimum} pasienter; "
        f"{minimum} × {kr(average_rate)} = {kr(guaranteed)} minus {kr(annual)}, ÷ 12 = {kr(amount)} "
        f"(til {day_text(_years_after(agreement_date, years))})"
    )
    return Line(
        agreement_id,
        payee,
        GRUNNTILSKUDD,
        amount,
        "PAY-GRUNN",
        "Statsavtalen",
        text,
        {"guaranteed": str(guaranteed)},
    )


def average_list(*, inhabitants: int, agreements: int) -> Decimal:
    """PAY-UTJAMN — population ÷ all agreements, vacant and salaried included."""
    return Decimal(inhabitants) / agreements


def utjamning_line(
    *,
    agreement_id: int,
    payee: Payee,
    inhabitants: int | None,
    agreements: int,
    average_rate: Decimal,
    max_inhabitants: int,
    reference_list: int,
) -> Line | None:
    """PAY-UTJAMN, statsavtalen and FLF § 13 — in a municipality under 5,000 inhabitants whose average list is
    under 1,200, each self-employed GP gets average rate × (1,200 − average list) a year."""
    if inhabitants is None or agreements == 0 or inhabitants >= max_inhabitants:
        return None
    mean = average_list(inhabitants=inhabitants, agreements=agreements)
    if mean >= reference_list:
        return None
    annual = average_rate * (reference_list - mean)
    amount = to_ore(annual / MONTHS)
    text = (
        f"Utjamningstilskudd: {inhabitants} innbyggere ÷ {agreements} avtaler = gjennomsnittsliste "
        f"{to_ore(mean)}; {kr(average_rate)} × ({reference_list} − {to_ore(mean)}) ÷ 12 = {kr(amount)}"
    )
    return Line(
        agreement_id,
        payee,
        UTJAMNINGSTILSKUDD,
        amount,
        "PAY-UTJAMN",
        "Statsavtalen, FLF § 13",
        text,
        {"average_list": str(to_ore(mean))},
    )


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
    text = f"{what}{detail}: {hours} timer × {kr(rate)} = {kr(amount)}"
    return Line(None, payee, kind, amount, rule, citation, text, {"hours": str(hours), "rate": str(rate)})


def max_lis1_hours(*, weekly_hours: int, days_in_month: int) -> Decimal:
    """PAY-LIS1 — at most the weekly hours for each week of the month."""
    return to_ore(Decimal(weekly_hours * days_in_month) / 7)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def month_name(month: date) -> str:
    return day_text(month, year=True).split(" ", 1)[1]


def salaried_line(*, agreement_id: int, payee: Payee | None) -> Line:
    """PAY-SALARIED, SFS 2305 — salaried GPs get no basistilskudd; their list still counts in statistics."""
    text = "Fastlønnet fastlege: kommunen betaler lønn, ikke basistilskudd"
    return Line(agreement_id, payee, SALARIED, Decimal("0.00"), "PAY-SALARIED", "SFS 2305", text)


def no_gp_line(*, agreement_id: int, month: date) -> Line:
    """AGR-OPEN — a list without a regular doctor on the 1st has no one to pay basistilskudd to."""
    text = f"Ingen fastlege på listen {day_text(month)}: ingen basistilskudd"
    return Line(agreement_id, None, NO_GP, Decimal("0.00"), "AGR-OPEN", "ASA 4310 § 8.1", text)


def missing_count_line(*, agreement_id: int, payee: Payee, month: date) -> Line:
    """PAY-MONTHLY — without Helfo's count for the 1st there is nothing to pay on; a later run corrects it."""
    text = (
        f"Mangler Helfos listetall for {day_text(month)}: basistilskuddet beregnes når tallet er importert "
        "(korrigeres i en senere kjøring)"
    )
    return Line(agreement_id, payee, MISSING_COUNT, Decimal("0.00"), "PAY-MONTHLY", "ASA 4310 § 8.1", text)
