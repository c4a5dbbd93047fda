"""What a reminder run did: each deadline told, with its rule, and how many were already told."""

from datetime import date

from pydantic import BaseModel, Field


class Reminder(BaseModel):
    """One deadline a GP was told about now."""

    case: int
    case_title: str
    agreement: int | None
    doctor_name: str | None
    code: str
    rule_id: str
    due_date: date
    days_left: int
    notices: int


class ReminderRun(BaseModel):
    """A run of the reminders on a day: `told` now, `already_told` by an earlier run, `without_user` for
    doctors no active user is linked to (tried again by the next run)."""

    on: date = Field(serialization_alias="date")
    reminder_days: int
    told: list[Reminder] = []
    already_told: int = 0
    without_user: int = 0
