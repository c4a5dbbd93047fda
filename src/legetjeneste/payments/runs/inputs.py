"""What a month's run needs, read through queries and turned into the plain inputs of rules.month; never
commits. Parameters are resolved for the month here, so the rules get plain values."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from sqlalchemy import Row
from sqlalchemy.orm import Session

from legetjeneste.absence.counters import rules as absence_rules
from legetjeneste.absence.counters.queries import facts_of
from legetjeneste.absence.models import Absence
from legetjeneste.absence.quotas import quotas_on
from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.dates import Period
from legetjeneste.payments.runs import queries
from legetjeneste.payments.runs.rules.deductions import DaySpan
from legetjeneste.payments.runs.rules.lines import WITHHOLDING, Payee, days_in
from legetjeneste.payments.runs.rules.month import (
    AgreementInput,
    DutyInput,
    PayoutInput,
    Rates,
    RunInputs,
    WithholdingInput,
)
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor, Municipality


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


def _vikar_of(row: Row) -> Payee | None:
    if row.vikar_id is None:
        return None
    return Payee(row.vikar_id, row.vikar_hpr, f"{row.vikar_first_name} {row.vikar_last_name}")


def _last_day(month: date) -> date:
    return month.replace(day=days_in(month))


def _spans_of(found: list[Row], month: date) -> dict[int, list[DaySpan]]:
    """The spans of the month from the absences overlapping 1 January of the year before through the
    month's last day, in the order of absence.queries.absences (start, id)."""
    last = _last_day(month)
    by_doctor: dict[int, list[Row]] = defaultdict(list)
    for absence in found:
        by_doctor[absence.doctor_id].append(absence)
    result: dict[int, list[DaySpan]] = defaultdict(list)
    for absences in by_doctor.values():
        if not any(a.start <= last and a.end >= month for a in absences):
            continue
        agreement_of: dict[int | str, int] = {a.id: a.agreement_id for a in absences}
        vikars: dict[int | str, Payee | None] = {a.id: _vikar_of(a) for a in absences}
        classified = absence_rules.classify(
            # a row has every attribute facts_of reads of an Absence
            [facts_of(cast(Absence, a)) for a in absences],
            year=month.year,
            quotas_for=quotas_on,
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
    cases = queries.decided_breach_cases(session, number)
    approved = queries.approved_breach_lines(session, number)
    withheld: dict[int | None, Decimal] = defaultdict(Decimal)
    paid_out = set()
    for line in approved:
        case_id = line.calculation.get("case_id")
        if line.kind == WITHHOLDING:
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


class RunLoader:
    """What the runs of some months need, read once: a month's run and the approved months it recomputes
    for corrections (PAY-MONTHLY) share the agreements, the regular doctors, the counts and the absences.
    Everything is read as plain rows; mapped objects for a whole country (about 6,000 agreements, 10,000
    absences) would cost most of the run. `inputs(month)` gives what a loader for that month alone would:
    the same rows, filtered in the same way."""

    def __init__(self, session: Session, number: str, months: Sequence[date]) -> None:
        self.session, self.number = session, number
        self.municipality = registry_queries.municipalities(session, number=number)[0]
        self.agreements = queries.agreement_rows(session, number)
        self.regular_periods = queries.regular_period_rows(session, number)
        self.counts: dict[date, dict[int, Row]] = defaultdict(dict)
        for count in queries.count_rows(session, number, months):
            self.counts[count.month][count.agreement_id] = count
        self.first_reached: dict[int, dict[int, date]] = {}
        first = date(min(months).year - 1, 1, 1)
        self.absences = queries.absence_rows(session, number, first, _last_day(max(months)))

    def _reached(self, minimum: int, month: date) -> set[int]:
        """PAY-GRUNN — the agreements with a count of at least `minimum` patients for a month before."""
        if minimum not in self.first_reached:
            self.first_reached[minimum] = queries.first_reached(self.session, self.number, minimum)
        return {agreement for agreement, reached in self.first_reached[minimum].items() if reached < month}

    def _payees_on(self, ids: set[int], day: date) -> dict[int, Payee]:
        """Per agreement, the doctor of its first regular period (by start) that contains `day`, as
        _payee_on gives it for a mapped agreement."""
        payees: dict[int, Payee] = {}
        for row in self.regular_periods:
            if row.agreement_id in ids and Period(row.start, row.end).contains(day):
                payees.setdefault(
                    row.agreement_id, Payee(row.id, row.hpr_number, f"{row.first_name} {row.last_name}")
                )
        return payees

    def inputs(self, month: date, *, with_breach: bool = True) -> RunInputs:
        agreements = [a for a in self.agreements if Period(a.start, a.end).contains(month)]
        ids = {a.id for a in agreements}
        payees = self._payees_on(ids, month)
        counts = {agreement: c for agreement, c in self.counts[month].items() if agreement in ids}
        minimum = parameters.value("payments/grunntilskudd", on=month)["patients"]
        reached = self._reached(minimum, month)
        first, last = date(month.year - 1, 1, 1), _last_day(month)
        spans = _spans_of([a for a in self.absences if a.start <= last and a.end >= first], month)
        items = tuple(
            AgreementInput(
                id=a.id,
                operating_model=a.operating_model,
                listetak=a.listetak,
                agreement_date=a.agreement_date,
                payee=payees.get(a.id),
                list_length=counts[a.id].list_length if a.id in counts else None,
                pbt_annual_amount=counts[a.id].pbt_annual_amount if a.id in counts else None,
                has_reached_minimum=a.id in reached,
                spans=tuple(spans.get(a.id, [])),
            )
            for a in agreements
        )
        duty = tuple(
            DutyInput(payee_of(h.doctor), h.kind, h.hours, h.description, h.doctor.specialist_status)
            for h in queries.duty_hours(self.session, self.number, month)
        )
        withholdings, payouts = _breach(self.session, self.number, month) if with_breach else ([], [])
        return RunInputs(
            self.number,
            month,
            _inhabitants(self.municipality, month.year),
            items,
            duty,
            tuple(withholdings),
            tuple(payouts),
        )
