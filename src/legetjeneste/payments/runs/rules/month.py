"""A month's basistilskudd for a municipality as a pure function of plain inputs: every line, in order."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from legetjeneste.payments.runs.rules import deductions, duty, grants
from legetjeneste.payments.runs.rules.deductions import DaySpan
from legetjeneste.payments.runs.rules.lines import KIND_ORDER, Line, Payee, days_in


@dataclass(frozen=True)
class Rates:
    """The PAY-* parameters in force for the month."""

    average_rate: Decimal | None
    tiers: dict | None
    grunn_patients: int
    grunn_years: int
    utjamn_max_inhabitants: int
    utjamn_reference_list: int
    duty_rates: dict | None


@dataclass(frozen=True)
class AgreementInput:
    id: int
    operating_model: str
    listetak: int
    agreement_date: date | None
    payee: Payee | None
    list_length: int | None
    pbt_annual_amount: Decimal | None
    has_reached_minimum: bool
    spans: tuple[DaySpan, ...] = ()


@dataclass(frozen=True)
class DutyInput:
    payee: Payee
    kind: str
    hours: Decimal
    description: str
    specialist_status: str


@dataclass(frozen=True)
class WithholdingInput:
    agreement_id: int
    case_id: int
    percentage: Decimal
    decided: date


@dataclass(frozen=True)
class PayoutInput:
    agreement_id: int
    payee: Payee
    case_id: int
    withheld: Decimal
    rectified: date


@dataclass(frozen=True)
class RunInputs:
    municipality_number: str
    month: date
    inhabitants: int | None
    agreements: tuple[AgreementInput, ...]
    duty: tuple[DutyInput, ...] = ()
    withholdings: tuple[WithholdingInput, ...] = ()
    payouts: tuple[PayoutInput, ...] = ()
    extra: list[Line] = field(default_factory=list)


def agreement_lines(item: AgreementInput, inputs: RunInputs, rates: Rates) -> list[Line]:
    """The lines of one agreement: PAY-SALARIED, AGR-OPEN, PAY-MONTHLY, PAY-ANNUAL, PAY-GRUNN, PAY-UTJAMN,
    ABS-DEDUCT and AGR-BREACH, in that order."""
    if item.operating_model == "salaried":
        return [grants.salaried_line(agreement_id=item.id, payee=item.payee)]
    if item.payee is None:
        return [grants.no_gp_line(agreement_id=item.id, month=inputs.month)]
    if item.list_length is None:
        return [grants.missing_count_line(agreement_id=item.id, payee=item.payee, month=inputs.month)]
    annual, explained = grants.annual_amount(
        list_length=item.list_length,
        pbt_annual_amount=item.pbt_annual_amount,
        average_rate=rates.average_rate,
        tiers=rates.tiers,
    )
    base = grants.basistilskudd_line(
        agreement_id=item.id,
        payee=item.payee,
        month=inputs.month,
        list_length=item.list_length,
        annual=annual,
        explained=explained,
    )
    lines = [base]
    if rates.average_rate is not None:
        grunn = grants.grunntilskudd_line(
            agreement_id=item.id,
            payee=item.payee,
            listetak=item.listetak,
            list_length=item.list_length,
            annual=annual,
            average_rate=rates.average_rate,
            agreement_date=item.agreement_date,
            month=inputs.month,
            has_reached_minimum=item.has_reached_minimum,
            minimum=rates.grunn_patients,
            years=rates.grunn_years,
        )
        utjamn = grants.utjamning_line(
            agreement_id=item.id,
            payee=item.payee,
            inhabitants=inputs.inhabitants,
            agreements=len(inputs.agreements),
            average_rate=rates.average_rate,
            max_inhabitants=rates.utjamn_max_inhabitants,
            reference_list=rates.utjamn_reference_list,
        )
        lines += [line for line in (grunn, utjamn) if line is not None]
    lines += deductions.absence_lines(
        agreement_id=item.id,
        payee=item.payee,
        monthly=base.amount,
        days_in_month=days_in(inputs.month),
        spans=item.spans,
    )
    for withholding in inputs.withholdings:
        if withholding.agreement_id == item.id:
            lines.append(
                deductions.withholding_line(
                    agreement_id=item.id,
                    payee=item.payee,
                    basistilskudd=base.amount,
                    percentage=withholding.percentage,
                    case_id=withholding.case_id,
                    decided=withholding.decided,
                )
            )
    return lines


def compute_lines(inputs: RunInputs, rates: Rates) -> list[Line]:
    """Every line of the month, agreement by agreement, then hours of municipal work, then corrections."""
    lines: list[Line] = []
    for item in sorted(inputs.agreements, key=lambda a: a.id):
        lines += agreement_lines(item, inputs, rates)
    for payout in inputs.payouts:
        lines.append(
            deductions.payout_line(
                agreement_id=payout.agreement_id,
                payee=payout.payee,
                withheld=payout.withheld,
                case_id=payout.case_id,
                rectified=payout.rectified,
            )
        )
    for hours in sorted(inputs.duty, key=lambda d: (d.payee.name, d.kind)):
        if rates.duty_rates is None:
            raise ValueError("Ingen timesats i kraft for måneden (PAY-DUTY-RATE)")
        rate = duty.duty_rate(rates.duty_rates, hours.specialist_status)
        lines.append(
            duty.duty_line(
                payee=hours.payee,
                kind=hours.kind,
                hours=hours.hours,
                rate=rate,
                description=hours.description,
            )
        )
    lines += inputs.extra
    order = {kind: n for n, kind in enumerate(KIND_ORDER)}
    return sorted(
        lines, key=lambda line: (line.agreement_id is None, line.agreement_id or 0, order[line.kind])
    )
