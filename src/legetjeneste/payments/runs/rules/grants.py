"""PAY-ANNUAL, PAY-MONTHLY, PAY-GRUNN, PAY-UTJAMN, PAY-SALARIED and AGR-OPEN: what an agreement is paid for
the month, from plain values (parameters already resolved for the month); amounts are rounded to øre once."""

from datetime import date
from decimal import Decimal

from legetjeneste.money import to_ore
from legetjeneste.norwegian import day_text
from legetjeneste.payments.runs.rules.lines import (
    BASISTILSKUDD,
    GRUNNTILSKUDD,
    MISSING_COUNT,
    NO_GP,
    SALARIED,
    UTJAMNINGSTILSKUDD,
    Line,
    Payee,
    decimal_text,
    kr,
    month_name,
    whole,
)

MONTHS = 12


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
        explained = f"{whole(first)} × {kr(tiers['1-1000'])} + {whole(rest)} × {kr(tiers['1001-2500'])}"
        return annual, f"{explained} = {kr(annual)} per år"
    if average_rate is None:
        raise ValueError("Ingen sats i kraft")
    annual = list_length * average_rate
    return (
        annual,
        f"{whole(list_length)} pasienter × gjennomsnittssats {kr(average_rate)} = {kr(annual)} per år",
    )


def basistilskudd_line(
    *, agreement_id: int, payee: Payee, month: date, list_length: int, annual: Decimal, explained: str
) -> Line:
    """PAY-MONTHLY, ASA 4310 § 8.1 — 1/12 of the annual amount, on the list on the 1st of the month."""
    amount = to_ore(annual / MONTHS)
    text = (
        f"Basistilskudd {month_name(month)}: {whole(list_length)} pasienter på listen {day_text(month)}; "
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
        f"Grunntilskudd: listen har {whole(list_length)} av minst {whole(minimum)} pasienter; "
        f"{whole(minimum)} × {kr(average_rate)} = {kr(guaranteed)} minus {kr(annual)}, ÷ 12 = {kr(amount)} "
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
        f"Utjamningstilskudd: {whole(inhabitants)} innbyggere ÷ {agreements} avtaler = gjennomsnittsliste "
        f"{decimal_text(to_ore(mean))}; {kr(average_rate)} × ({whole(reference_list)} − "
        f"{decimal_text(to_ore(mean))}) ÷ 12 = {kr(amount)}"
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


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


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
