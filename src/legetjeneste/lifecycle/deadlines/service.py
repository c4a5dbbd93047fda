"""Every open clock of a municipality in one place (RULES.md § 1): the deadlines overview, its API, the CLI
`legetjeneste deadlines`, the start page and the iCalendar feed."""

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.features import features, resolve
from legetjeneste.lifecycle import queries, terms
from legetjeneste.lifecycle.deadlines import calendar, rules
from legetjeneste.lifecycle.deadlines.schemas import (
    Deadline,
    DeadlineOverview,
    PressingDeadline,
    PressingOverview,
)
from legetjeneste.lifecycle.labels import STEP_LABELS
from legetjeneste.lifecycle.rules.codes import DUE_SOON, OVERDUE


def deadlines(
    session: Session, *, actor: Actor, municipality_number: str, on: date | None = None
) -> DeadlineOverview:
    """Open clocks, earliest due first, each with its status on the day: overdue, due soon or running."""
    auth_service.require(actor, "deadlines.read")
    day = on or today_oslo()
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        due_soon_days = terms.due_soon_days(day)
        found = [
            Deadline.of(c, day, due_soon_days=due_soon_days)
            for c in queries.open_clocks(session, municipality_number=municipality.number)
        ]
        found += _feature_clocks(session, municipality.number, day, due_soon_days)
        found.sort(key=lambda d: (d.due_date, d.key))
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="lifecycle_clock",
            record_ids=[d.case for d in found if d.case],
            municipality_number=municipality.number,
        )
        return DeadlineOverview(
            municipality=municipality.number,
            municipality_name=municipality.name,
            on=day,
            due_soon_days=due_soon_days,
            overdue=sum(1 for d in found if d.status == OVERDUE),
            due_soon=sum(1 for d in found if d.status == DUE_SOON),
            deadlines=found,
        )


def pressing(
    session: Session, *, actor: Actor, municipality_number: str, on: date | None = None
) -> PressingOverview:
    """For the start page, «hva nå»: only what is overdue or due soon, each with what to do next and the rule
    the action follows (`rules.next_step`)."""
    overview = deadlines(session, actor=actor, municipality_number=municipality_number, on=on)
    urgent = []
    for d in overview.deadlines:
        step = rules.next_step(
            d.code,
            rule_id=d.rule_id,
            status=d.status,
            due=d.due_date,
            on=overview.on,
            doctor_name=d.doctor_name,
        )
        if step is not None:
            action = d.action or step.action
            urgent.append(
                PressingDeadline(
                    **d.model_dump(exclude={"action"}),
                    headline=step.headline,
                    action=action,
                    action_rule_id=d.rule_id if d.action else step.rule_id,
                    **_step_link(d, None if d.action else step.step),
                )
            )
    return PressingOverview(**overview.model_dump(exclude={"deadlines"}), deadlines=urgent)


def _step_link(deadline: Deadline, step: str | None) -> dict:
    """The case page with the step's form opened (`?steg=`) and scrolled to (`#steg-`)."""
    if step is None or not deadline.case:
        return {}
    label = STEP_LABELS.get(step, step).split(" (")[0]
    return {"step": step, "step_label": label, "step_link": f"{deadline.link}?steg={step}#steg-{step}"}


def _feature_clocks(
    session: Session, municipality_number: str, day: date, due_soon_days: int
) -> list[Deadline]:
    """The open clocks other features declare (`Feature.clocks`): meetings, supervision agreements, plans."""
    return [
        Deadline.of_feature(clock, day, due_soon_days=due_soon_days)
        for feature in features()
        for target in feature.clocks
        for clock in resolve(target)(session, municipality_number=municipality_number, on=day)
    ]


def deadlines_calendar(
    session: Session, *, actor: Actor, municipality_number: str, now: datetime | None = None
) -> bytes:
    """The open deadlines as an iCalendar feed «Frister – <name> kommune», one all-day event per clock."""
    overview = deadlines(session, actor=actor, municipality_number=municipality_number)
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    return calendar.deadline_calendar(
        f"{overview.municipality_name} kommune", overview.deadlines, stamp=stamp
    )
