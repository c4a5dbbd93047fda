"""Hours of duties paid by the hour into the monthly payment run (PAY-DUTY-RATE, PAY-LIS1): per GP and month,
the hours a week of each hourly-paid assignment over the days it runs, registered through the payment run's
own use case (`payments.hours.service.register_duty_hours`), which checks the run, the LIS1 limit and the
permission and writes its own audit entry.

The one place duties knows payments (declared in pyproject.toml's independence contract): each GP's hours are
registered in the payments' own transaction, one after another; a registration replaces the month's hours of
that kind, so sending the month again gives the same hours. Posts (PAY-DUTY-POST) are salary and not sent."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import format_month
from legetjeneste.duties import queries
from legetjeneste.duties.payroll import rules
from legetjeneste.duties.payroll.schemas import PaidHours, PaidMonth
from legetjeneste.payments.hours import service as payment_hours_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate


def month_hours(session: Session, *, actor: Actor, municipality_number: str, month: date) -> PaidMonth:
    """PAY-DUTY-RATE — what the month's hourly-paid duties come to per GP and kind (nothing is written)."""
    auth_service.require(actor, "duties.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return PaidMonth(
            municipality=municipality_number,
            month=format_month(month),
            hours=_hours(session, municipality_number, month),
        )


def _hours(session: Session, number: str, month: date) -> list[PaidHours]:
    total: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    titles: dict[tuple[int, str], list[str]] = defaultdict(list)
    names: dict[int, str] = {}
    for row in queries.assignments(session, municipality_number=number):
        if not rules.is_paid_by_the_hour(kind=row.kind, pay_form=row.pay_form):
            continue
        hours = rules.month_hours(weekly=row.hours_per_week, start=row.start, end=row.end, month=month)
        if hours:
            key = (row.doctor_id, rules.payment_kind(row.kind))
            total[key] += hours
            titles[key].append(row.title or row.kind)
            names[row.doctor_id] = row.doctor.full_name
    return [
        PaidHours(
            doctor_id=d, doctor_name=names[d], kind=k, hours=h, description=", ".join(titles[d, k])[:300]
        )
        for (d, k), h in sorted(total.items())
    ]


def send_month(session: Session, *, actor: Actor, municipality_number: str, month: date) -> PaidMonth:
    """PAY-DUTY-RATE — register the month's hours of hourly-paid duties in the payment run per GP."""
    auth_service.require(actor, "duties.write")
    found = month_hours(session, actor=actor, municipality_number=municipality_number, month=month)
    for line in found.hours:
        payment_hours_service.register_duty_hours(
            session,
            actor=actor,
            data=DutyHoursCreate.model_validate(
                {
                    "doctor_id": line.doctor_id,
                    "month": found.month,
                    "kind": line.kind,
                    "hours": line.hours,
                    "description": f"Fra kommunale oppgaver: {line.description}"[:300],
                }
            ),
        )
    return found
