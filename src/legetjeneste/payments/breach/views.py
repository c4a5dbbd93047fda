"""Reading breach cases (AGR-BREACH, ASA 4310 § 15): a case with its steps and what happens next, and what
the approved monthly runs withheld for it and paid out; never commits."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.dates import format_month, today_oslo
from legetjeneste.norwegian import day_text
from legetjeneste.payments.breach import rules as br
from legetjeneste.payments.breach.schemas import (
    BreachCaseRead,
    BreachCaseSummary,
    BreachStepRead,
    NextStepRead,
    WithheldMonth,
)
from legetjeneste.payments.models import BreachCase, PaymentLine, PaymentRun
from legetjeneste.payments.runs import rules
from legetjeneste.registry.models import Agreement, Doctor

MAX_PERCENT = "payments/withholding_max_percent"


def regular_doctor(agreement: Agreement, day: date) -> Doctor | None:
    regular = [p for p in agreement.doctor_periods if p.role == "regular" and p.period.contains(day)]
    return regular[0].doctor if regular else None


def case_state(case: BreachCase) -> br.CaseState:
    return br.CaseState(
        notice_date=case.notice_date,
        deadline=case.deadline,
        last_step=max(step.on for step in case.steps),
        warning_date=case.warning_date,
        decision_date=case.decision_date,
        rectified_date=case.rectified_date,
    )


def max_percentage(on: date) -> Decimal:
    return Decimal(str(parameters.value(MAX_PERCENT, on=on)))


def payment_lines(session: Session, number: str, case_ids: list[int]) -> dict[int, list[tuple]]:
    """Per case: (month, kind, amount) of the withholding and pay-out lines of approved runs."""
    rows = session.execute(
        select(PaymentRun.month, PaymentLine.kind, PaymentLine.amount, PaymentLine.calculation)
        .join(PaymentRun)
        .where(
            PaymentRun.municipality_number == number,
            PaymentRun.status == "approved",
            PaymentLine.kind.in_((rules.WITHHOLDING, rules.WITHHELD_PAYOUT)),
        )
        .order_by(PaymentRun.month)
    )
    found: dict[int, list[tuple]] = defaultdict(list)
    for month, kind, amount, calculation in rows:
        case_id = (calculation or {}).get("case_id")
        if case_id in case_ids:
            found[case_id].append((month, kind, amount))
    return found


def summary_fields(case: BreachCase, lines: list[tuple]) -> dict:
    doctor = regular_doctor(case.agreement, case.notice_date)
    withheld = [
        WithheldMonth(month=format_month(m), amount=-a) for m, k, a in lines if k == rules.WITHHOLDING
    ]
    return {
        "id": case.id,
        "municipality": case.municipality_number,
        "agreement_id": case.agreement_id,
        "doctor_name": doctor.full_name if doctor else None,
        "office_name": case.agreement.office.name,
        "subject": case.subject,
        "status": case.status,
        "status_label": br.STATUS_LABELS[case.status],
        "notice_date": case.notice_date,
        "deadline": case.deadline,
        "percentage": case.percentage,
        "withheld_total": sum((w.amount for w in withheld), Decimal("0.00")),
        "paid_out": any(k == rules.WITHHELD_PAYOUT for _, k, _ in lines),
        "withheld": withheld,
    }


def what_next(
    state: br.CaseState,
    *,
    percentage: Decimal | None,
    max_percentage: Decimal,
    withheld: Decimal,
    paid_out: bool,
) -> str:
    """AGR-BREACH, ASA 4310 § 15 — what happens next in the case, in one paragraph; `withheld` is what
    approved runs have held back so far."""
    if state.rectified_date is not None:
        rectified = (
            f"Forholdet ble rettet {day_text(state.rectified_date)}, og fullt basistilskudd utbetales."
        )
        held = f"Det som ble holdt tilbake ({rules.kr(withheld)})"
        if paid_out:
            return f"{rectified} {held}, er utbetalt."
        if withheld > 0:
            return f"{rectified} {held}, utbetales i neste månedskjøring."
        return f"{rectified} Ingenting ble holdt tilbake i saken."
    if state.decision_date is not None and percentage is not None:
        return (
            f"{br.percent_text(percentage)} av basistilskuddet holdes tilbake i hver månedskjøring fra "
            f"vedtaket {day_text(state.decision_date)} til forholdet er rettet. Når forholdet er rettet, "
            "utbetales fullt basistilskudd og det som er holdt tilbake."
        )
    if state.warning_date is not None:
        earliest = br.earliest_decision(state)
        assert earliest is not None
        return (
            f"Skriftlig advarsel er gitt {day_text(state.warning_date)}. Rettes ikke forholdet uten unødig "
            "opphold, kan kommunen fatte vedtak om å holde tilbake inntil "
            f"{br.percent_text(max_percentage)} av basistilskuddet hver måned, tidligst {day_text(earliest)}."
        )
    return (
        f"Legen har frist til og med {day_text(state.deadline)} til å rette forholdet, og kan uttale seg og "
        "kreve møte innen fristen. Er forholdet ikke rettet etter fristen, kan kommunen gi skriftlig "
        f"advarsel fra {day_text(state.deadline + br.DAY)}."
    )


def case_read(session: Session, case: BreachCase) -> BreachCaseRead:
    lines = payment_lines(session, case.municipality_number, [case.id])[case.id]
    payout = next(((m, a) for m, k, a in lines if k == rules.WITHHELD_PAYOUT), None)
    state, fields = case_state(case), summary_fields(case, lines)
    limit = max_percentage(case.decision_date or today_oslo())
    next_text = what_next(
        state,
        percentage=case.percentage,
        max_percentage=limit,
        withheld=fields["withheld_total"],
        paid_out=fields["paid_out"],
    )
    return BreachCaseRead(
        **fields,
        warning_date=case.warning_date,
        decision_date=case.decision_date,
        reasons=case.reasons,
        rectified_date=case.rectified_date,
        max_percentage=limit,
        steps=[
            BreachStepRead(
                id=s.id,
                kind=s.kind,
                kind_label=br.STEP_LABELS[s.kind],
                on=s.on,
                deadline=s.deadline,
                text=s.text,
                recorded_at=s.recorded_at,
                recorded_by=s.recorded_by,
            )
            for s in case.steps
        ],
        next_steps=[
            NextStepRead(kind=n.kind, kind_label=br.STEP_LABELS[n.kind], earliest=n.earliest, latest=n.latest)
            for n in br.next_steps(state)
        ],
        what_next=next_text,
        paid_out_amount=payout[1] if payout else None,
        paid_out_month=format_month(payout[0]) if payout else None,
    )


def summaries(session: Session, cases: list[BreachCase], number: str) -> list[BreachCaseSummary]:
    lines = payment_lines(session, number, [c.id for c in cases])
    return [BreachCaseSummary.model_validate(summary_fields(c, lines[c.id])) for c in cases]
