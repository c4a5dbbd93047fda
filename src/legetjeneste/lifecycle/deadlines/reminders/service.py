"""Deadline reminders (project rule, issue 12): each deadline of a GP's own cases that falls due within the
reminder days is told to the GP's inbox once. Run daily by the job `lifecycle.remind` (queued by the worker,
jobs/worker.py) and by `legetjeneste lifecycle remind`; running it again on a day tells nothing twice."""

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.deadlines.reminders import queries, rules
from legetjeneste.lifecycle.deadlines.reminders.schemas import Reminder, ReminderRun
from legetjeneste.lifecycle.models import LifecycleClock
from legetjeneste.lifecycle.rules.codes import RESPONSIBLE_LABELS
from legetjeneste.notices.inbox import service as inbox_service

KIND = "deadline"


def reminder_days(on: date) -> int:
    """The days ahead a deadline is told (`lifecycle/reminder_days`, 14)."""
    return terms.value("lifecycle/reminder_days", on)


@when_free
def remind(
    session: Session, *, actor: Actor, on: date | None = None, municipality_number: str | None = None
) -> ReminderRun:
    """Tell each GP about the deadlines of their cases within the reminder days, each deadline once (the
    unique reminder row is the backstop when two runs meet); one audit entry per municipality."""
    auth_service.require(actor, "lifecycle.write")
    day = on or today_oslo()
    days = reminder_days(day)
    run = ReminderRun(on=day, reminder_days=days)
    with write_transaction(session):
        number = scope.limited_to(actor, municipality_number)
        found = queries.clocks_due(
            session, first=day, last=day + timedelta(days=days), municipality_number=number
        )
        told: dict[str, list[int]] = defaultdict(list)
        for clock in found:
            if rules.is_reminder_due(due=clock.due, on=day, days=days):
                reminder_id = _tell(session, clock, day, run)
                if reminder_id is not None:
                    told[clock.municipality_number].append(reminder_id)
        for municipality, ids in told.items():
            audit_service.record(
                session,
                actor=actor,
                action="create",
                entity="lifecycle_reminder",
                record_ids=ids,
                municipality_number=municipality,
                detail={"date": day.isoformat()},
            )
    return run


def _tell(session: Session, clock: LifecycleClock, day: date, run: ReminderRun) -> int | None:
    """The reminder's id when the doctor's users were told now; None when told before or no one to tell."""
    reminder_id = queries.claim(session, clock=clock, now=now_oslo())
    if reminder_id is None:
        run.already_told += 1
        return None
    case = clock.case
    notices = inbox_service.tell(
        session,
        municipality_number=clock.municipality_number,
        kind=KIND,
        subject=rules.reminder_subject(due=clock.due, case_title=case.title),
        body=rules.reminder_body(
            text=clock.text,
            due=clock.due,
            on=day,
            rule_id=clock.rule_id,
            citation=clock.citation,
            responsible=RESPONSIBLE_LABELS.get(clock.responsible, clock.responsible),
            case_id=case.id,
        ),
        link="/min-side",
        rule_id=clock.rule_id,
        doctor_id=case.doctor_id,
    )
    if not notices:
        queries.forget(session, reminder_id)
        run.without_user += 1
        return None
    queries.set_notices(session, reminder_id, len(notices))
    run.told.append(_reminder(clock, day, len(notices)))
    return reminder_id


def _reminder(clock: LifecycleClock, day: date, notices: int) -> Reminder:
    case = clock.case
    return Reminder(
        case=case.id,
        case_title=case.title,
        agreement=case.agreement_id,
        doctor_name=case.doctor.full_name if case.doctor else None,
        code=clock.code,
        rule_id=clock.rule_id,
        due_date=clock.due,
        days_left=(clock.due - day).days,
        notices=notices,
    )
