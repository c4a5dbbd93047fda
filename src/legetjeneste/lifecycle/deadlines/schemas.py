"""The deadlines overview: every open clock of a municipality as the page, the API, the CLI and the iCalendar
feed show it."""

from datetime import date

from pydantic import BaseModel, Field

from legetjeneste.features import Clock as FeatureClock
from legetjeneste.lifecycle.models import LifecycleClock
from legetjeneste.lifecycle.rules import clocks, codes
from legetjeneste.lifecycle.schemas import ClockRead


class Deadline(BaseModel):
    """One open clock as the deadlines overview, the API and `legetjeneste deadlines` show it."""

    due_date: date
    rule_id: str
    citation: str
    case: int
    case_title: str
    case_kind: str
    agreement: int | None
    doctor_name: str | None
    code: str
    text: str
    responsible: str
    responsible_label: str
    start: date
    status: str
    status_label: str
    days_left: int
    # Where the matter is shown, and the clock's stable identity (the calendar event's UID).
    link: str
    link_permission: str
    key: str
    # What to do next, for a clock of another feature (its own words; empty: the life cycle's next step).
    action: str = ""

    @classmethod
    def of(cls, clock: LifecycleClock, on: date, *, due_soon_days: int) -> "Deadline":
        read = ClockRead.of(clock, on, due_soon_days=due_soon_days)
        case = clock.case
        return cls(
            due_date=clock.due,
            rule_id=clock.rule_id,
            citation=clock.citation,
            case=case.id,
            case_title=case.title,
            case_kind=case.kind,
            agreement=case.agreement_id,
            doctor_name=case.doctor.full_name if case.doctor else None,
            code=clock.code,
            text=clock.text,
            responsible=clock.responsible,
            responsible_label=read.responsible_label,
            start=clock.start,
            status=read.status,
            status_label=read.status_label,
            days_left=read.days_left,
            link=f"/saker/{case.id}",
            link_permission="lifecycle.read",
            key=f"{case.id}-{clock.code}",
        )

    @classmethod
    def of_feature(cls, clock: FeatureClock, on: date, *, due_soon_days: int) -> "Deadline":
        """A clock another feature declares (`Feature.clocks`), told the same way."""
        status = clocks.status(due=clock.due, on=on, due_soon_days=due_soon_days)
        return cls(
            due_date=clock.due,
            rule_id=clock.rule_id,
            citation=clock.citation,
            case=0,
            case_title=clock.title,
            case_kind=clock.code,
            agreement=clock.agreement,
            doctor_name=clock.doctor_name,
            code=clock.code,
            text=clock.text,
            responsible=clock.responsible_label,
            responsible_label=clock.responsible_label,
            start=clock.start,
            status=status,
            status_label=codes.STATUS_LABELS[status],
            days_left=(clock.due - on).days,
            link=clock.link,
            link_permission=clock.link_permission,
            key=clock.key,
            action=clock.action,
        )


class DeadlineOverview(BaseModel):
    municipality: str
    municipality_name: str
    on: date = Field(serialization_alias="date")
    due_soon_days: int
    overdue: int
    due_soon: int
    deadlines: list[Deadline]


class PressingDeadline(Deadline):
    """A clock overdue or due soon on the start page, with «hva nå»: `headline` («Forfalt 23. november»),
    `action` (what to do next, in Norwegian) and `action_rule_id` (the rule the action follows)."""

    headline: str
    action: str
    action_rule_id: str
    # The case page's form for the step that carries the action out (None: the clock's own page).
    step: str | None = None
    step_label: str | None = None
    step_link: str | None = None


class PressingOverview(DeadlineOverview):
    deadlines: list[PressingDeadline]  # type: ignore[assignment]
