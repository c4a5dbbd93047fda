"""Deadline reminders: a GP is told once, in the inbox, about each deadline of their own cases that is near.

A project rule (issue 12, «a deadline of mine within 14 days»); RULES.md has no id of its own for it, so
each reminder names the rule of its clock (AGR-*) and the reminder days are a dated parameter
(`lifecycle/reminder_days`, a setting of legetjeneste). Pure: dates and numbers in, Norwegian text out."""

from datetime import date

from legetjeneste.norwegian import day_text


def is_reminder_due(*, due: date, on: date, days: int) -> bool:
    """Project rule (issue 12, `lifecycle/reminder_days`) — a deadline at most `days` days ahead is told: the
    day it falls due counts; one already past is not (Min side marks it overdue)."""
    return 0 <= (due - on).days <= days


def days_left_text(*, due: date, on: date) -> str:
    """«i dag», «i morgen», «om 14 dager»."""
    left = (due - on).days
    if left == 0:
        return "i dag"
    return "i morgen" if left == 1 else f"om {left} dager"


def reminder_subject(*, due: date, case_title: str) -> str:
    """The notice's subject line: the date first, so the inbox sorts at a glance (at most 200 characters)."""
    return f"Frist {day_text(due)}: {case_title}"[:200]


def reminder_body(
    *, text: str, due: date, on: date, rule_id: str, citation: str, responsible: str, case_id: int
) -> str:
    """What is due, when, who must act and by which rule."""
    return (
        f"{text}.\n\nFristen er {day_text(due)} ({days_left_text(due=due, on=on)}). "
        f"Ansvarlig: {responsible}. Regel: {rule_id}, {citation}. Sak {case_id}.\n\n"
        "Du ser sakene og fristene dine på Min side."
    )
