"""Reading hours of municipal work and the status of their month's run; never commits."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.payments.hours.models import DutyHours
from legetjeneste.payments.runs.models import PaymentRun


def duty_hours(session: Session, doctor_id: int, month: date, kind: str) -> DutyHours | None:
    """A doctor's hours of one kind in a month."""
    return session.scalar(
        select(DutyHours).where(
            DutyHours.doctor_id == doctor_id, DutyHours.month == month, DutyHours.kind == kind
        )
    )


def month_hours(session: Session, number: str, month: date) -> list[DutyHours]:
    """The municipality's hours of a month with their doctors, in the order they were registered."""
    return list(
        session.scalars(
            select(DutyHours)
            .options(selectinload(DutyHours.doctor))
            .where(DutyHours.municipality_number == number, DutyHours.month == month)
            .order_by(DutyHours.id)
        )
    )


def run_status(session: Session, number: str, month: date) -> str | None:
    """The status of the month's run, if there is one."""
    return session.scalar(
        select(PaymentRun.status).where(PaymentRun.municipality_number == number, PaymentRun.month == month)
    )
