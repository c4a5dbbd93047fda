"""Selects for what leaves a run; never commits."""

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from legetjeneste.payments.runs.models import PaymentLine, PaymentRun


def approved_lines_of_payee(session: Session, doctor_id: int) -> list[Row]:
    """The doctor's lines in every approved run, as (municipality, month, due date, amount), newest first."""
    return list(
        session.execute(
            select(PaymentRun.municipality_number, PaymentRun.month, PaymentRun.due_date, PaymentLine.amount)
            .join(PaymentRun, PaymentRun.id == PaymentLine.run_id)
            .where(PaymentRun.status == "approved", PaymentLine.payee_doctor_id == doctor_id)
            .order_by(PaymentRun.month.desc(), PaymentRun.municipality_number, PaymentLine.position)
        )
    )
