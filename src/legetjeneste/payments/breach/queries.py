"""Reading breach cases and what the approved monthly runs withheld and paid out for them; never commits."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.payments.breach import rules as br
from legetjeneste.payments.breach.models import BreachCase
from legetjeneste.payments.runs.models import PaymentLine, PaymentRun
from legetjeneste.payments.runs.rules.lines import WITHHELD_PAYOUT, WITHHOLDING
from legetjeneste.registry.models import Agreement, Doctor


def regular_doctor(agreement: Agreement, day: date) -> Doctor | None:
    """The agreement's regular doctor on `day`, from its loaded doctor periods."""
    regular = [p for p in agreement.doctor_periods if p.role == "regular" and p.period.contains(day)]
    return regular[0].doctor if regular else None


def case_state(case: BreachCase) -> br.CaseState:
    """What the guards need of a case."""
    return br.CaseState(
        notice_date=case.notice_date,
        deadline=case.deadline,
        last_step=max(step.on for step in case.steps),
        warning_date=case.warning_date,
        decision_date=case.decision_date,
        rectified_date=case.rectified_date,
    )


def cases(session: Session, number: str, agreement_id: int | None = None) -> list[BreachCase]:
    """The cases of a municipality, or of one of its agreements, newest notice first."""
    query = (
        select(BreachCase)
        .options(selectinload(BreachCase.agreement))
        .where(BreachCase.municipality_number == number)
        .order_by(BreachCase.notice_date.desc(), BreachCase.id.desc())
    )
    if agreement_id is not None:
        query = query.where(BreachCase.agreement_id == agreement_id)
    return list(session.scalars(query))


def other_percentage(session: Session, case: BreachCase) -> Decimal:
    """What the agreement's other cases withhold now: decided and not rectified."""
    others = session.scalars(
        select(BreachCase.percentage).where(
            BreachCase.agreement_id == case.agreement_id,
            BreachCase.id != case.id,
            BreachCase.decision_date.is_not(None),
            BreachCase.rectified_date.is_(None),
        )
    )
    return sum((p for p in others if p is not None), Decimal(0))


def payment_lines(session: Session, number: str, case_ids: list[int]) -> dict[int, list[tuple]]:
    """Per case: (month, kind, amount) of the withholding and pay-out lines of approved runs."""
    rows = session.execute(
        select(PaymentRun.month, PaymentLine.kind, PaymentLine.amount, PaymentLine.calculation)
        .join(PaymentRun)
        .where(
            PaymentRun.municipality_number == number,
            PaymentRun.status == "approved",
            PaymentLine.kind.in_((WITHHOLDING, WITHHELD_PAYOUT)),
        )
        .order_by(PaymentRun.month)
    )
    found: dict[int, list[tuple]] = defaultdict(list)
    for month, kind, amount, calculation in rows:
        case_id = (calculation or {}).get("case_id")
        if case_id in case_ids:
            found[case_id].append((month, kind, amount))
    return found
