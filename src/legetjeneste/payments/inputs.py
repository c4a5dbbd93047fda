"""Loading what a month's run needs from the database into the plain inputs of payments.run; never commits."""

import calendar
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence import queries as absence_queries
from legetjeneste.absence import rules as absence_rules
from legetjeneste.absence.models import Absence
from legetjeneste.absence.quotas import quotas_on
from legetjeneste.absence.views import facts_of
from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.payments import rules
from legetjeneste.payments.models import BreachCase, DutyHours, PaymentLine, PaymentRun
from legetjeneste.payments.rules import DaySpan, Payee
from legetjeneste.payments.run import (
    AgreementInput,
    DutyInput,
    PayoutInput,
    Rates,
    RunInputs,
    WithholdingInput,
)
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor, ListCount, Municipality


def due_date(month: date) -> date:
    """PAY-MONTHLY — basistilskudd is paid by the 12th of the month."""
    return month.replace(day=parameters.value("payments/due_day", on=month))


def rates_for(month: date) -> Rates:
    def optional(name: str):
        try:
            return parameters.value(name, on=month)
        except ParameterNotInForce:
            return None

    grunn = parameters.value("payments/grunntilskudd", on=month)
    utjamn = parameters.value("payments/utjamning", on=month)
    return Rates(
        average_rate=optional("payments/average_rate"),
        tiers=optional("payments/tiered_rate"),
        grunn_patients=grunn["patients"],
        grunn_years=grunn["years"],
        utjamn_max_inhabitants=utjamn["max_inhabitants"],
        utjamn_reference_list=utjamn["reference_list"],
        duty_rates=optional("payments/duty_rate"),
    )


def payee_of(doctor: Doctor) -> Payee:
    return Payee(doctor.id, doctor.hpr_number, doctor.full_name)


def _spans(days: list[absence_rules.DayClass], vikars: dict[int | str, Payee | None]) -> list[DaySpan]:
    """Consecutive days of one absence with the same status and rule become one span."""
    spans: list[DaySpan] = []
    previous: absence_rules.DayClass | None = None
    for day in days:
        same = (
            previous is not None
            and previous.day == day.day - timedelta(1)
            and previous.absence_id == day.absence_id
            and previous.status == day.status
            and previous.rule_id == day.rule_id
        )
        if same:
            last = spans[-1]
            spans[-1] = DaySpan(
                last.start,
                day.day,
                last.days + 1,
                last.status,
                last.rule_id,
                last.citation,
                last.reason,
                last.vikar,
            )
        else:
            spans.append(
                DaySpan(
                    day.day,
                    day.day,
                    1,
                    day.status,
                    day.rule_id,
                    day.citation,
                    day.reason,
                    vikars.get(day.absence_id),
                )
            )
        previous = day
    return spans


def absence_spans(session: Session, number: str, month: date) -> dict[int, list[DaySpan]]:
    """ABS-DEDUCT — per agreement, the month's lost days and days paid to the municipality's vikar."""
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    found = absence_queries.absences(
        session, municipality_number=number, overlapping=(date(month.year - 1, 1, 1), last)
    )
    by_doctor: dict[int, list[Absence]] = defaultdict(list)
    for absence in found:
        by_doctor[absence.doctor_id].append(absence)
    result: dict[int, list[DaySpan]] = defaultdict(list)
    for absences in by_doctor.values():
        if not any(a.start <= last and a.end >= month for a in absences):
            continue
        agreement_of: dict[int | str, int] = {a.id: a.agreement_id for a in absences}
        vikars: dict[int | str, Payee | None] = {
            a.id: payee_of(a.vikar) if a.vikar else None for a in absences
        }
        classified = absence_rules.classify(
            [facts_of(a) for a in absences], year=month.year, quotas_for=quotas_on
        )
        affected = [d for d in classified.days if month <= d.day <= last and d.status != absence_rules.KEPT]
        by_agreement: dict[int, list[absence_rules.DayClass]] = defaultdict(list)
        for day in affected:
            by_agreement[agreement_of[day.absence_id]].append(day)
        for agreement_id, days in by_agreement.items():
            result[agreement_id] += _spans(days, vikars)
    return result


def _inhabitants(municipality: Municipality, year: int) -> int | None:
    known = [p for p in municipality.populations if p.year <= year]
    return max(known, key=lambda p: p.year).inhabitants if known else None


def _breach(session: Session, number: str, month: date) -> tuple[list[WithholdingInput], list[PayoutInput]]:
    """AGR-BREACH — decided by the due date and not rectified by it: withhold; rectified: pay out once."""
    due = due_date(month)
    cases = session.scalars(
        select(BreachCase)
        .options(selectinload(BreachCase.agreement))
        .where(BreachCase.municipality_number == number, BreachCase.decision_date.is_not(None))
    )
    approved = session.scalars(
        select(PaymentLine)
        .join(PaymentRun)
        .where(
            PaymentRun.municipality_number == number,
            PaymentRun.status == "approved",
            PaymentLine.kind.in_((rules.WITHHOLDING, rules.WITHHELD_PAYOUT)),
        )
    ).all()
    withheld: dict[int | None, Decimal] = defaultdict(Decimal)
    paid_out = set()
    for line in approved:
        case_id = line.calculation.get("case_id")
        if line.kind == rules.WITHHOLDING:
            withheld[case_id] -= line.amount
        else:
            paid_out.add(case_id)
    withholdings, payouts = [], []
    for case in cases:
        assert case.decision_date is not None and case.percentage is not None
        if case.decision_date > due:
            continue
        if case.rectified_date is None or case.rectified_date > due:
            withholdings.append(
                WithholdingInput(case.agreement_id, case.id, case.percentage, case.decision_date)
            )
        elif case.id not in paid_out and withheld[case.id] > 0:
            payee = _payee_on(case.agreement, month)
            if payee is not None:
                payouts.append(
                    PayoutInput(case.agreement_id, payee, case.id, withheld[case.id], case.rectified_date)
                )
    return withholdings, payouts


def _payee_on(agreement: Agreement, day: date) -> Payee | None:
    regular = [p for p in agreement.doctor_periods if p.role == "regular" and p.period.contains(day)]
    return payee_of(regular[0].doctor) if regular else None


def run_inputs(session: Session, number: str, month: date, *, with_breach: bool = True) -> RunInputs:
    municipality = registry_queries.municipalities(session, number=number)[0]
    agreements = [
        a
        for a in registry_queries.agreements(session, municipality_number=number)
        if a.period.contains(month)
    ]
    ids = [a.id for a in agreements]
    counts = (
        {
            c.agreement_id: c
            for c in session.scalars(
                select(ListCount).where(ListCount.month == month, ListCount.agreement_id.in_(ids))
            )
        }
        if ids
        else {}
    )
    minimum = parameters.value("payments/grunntilskudd", on=month)["patients"]
    reached = (
        set(
            session.scalars(
                select(ListCount.agreement_id).where(
                    ListCount.month < month, ListCount.list_length >= minimum, ListCount.agreement_id.in_(ids)
                )
            )
        )
        if ids
        else set()
    )
    spans = absence_spans(session, number, month)
    items = tuple(
        AgreementInput(
            id=a.id,
            operating_model=a.operating_model,
            listetak=a.listetak,
            agreement_date=a.agreement_date,
            payee=_payee_on(a, month),
            list_length=counts[a.id].list_length if a.id in counts else None,
            pbt_annual_amount=counts[a.id].pbt_annual_amount if a.id in counts else None,
            has_reached_minimum=a.id in reached,
            spans=tuple(spans.get(a.id, [])),
        )
        for a in agreements
    )
    duty = tuple(
        DutyInput(payee_of(h.doctor), h.kind, h.hours, h.description, h.doctor.specialist_status)
        for h in session.scalars(
            select(DutyHours)
            .options(selectinload(DutyHours.doctor))
            .where(DutyHours.municipality_number == number, DutyHours.month == month)
        )
    )
    withholdings, payouts = _breach(session, number, month) if with_breach else ([], [])
    return RunInputs(
        number,
        month,
        _inhabitants(municipality, month.year),
        items,
        duty,
        tuple(withholdings),
        tuple(payouts),
    )
