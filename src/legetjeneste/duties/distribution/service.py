"""Use cases of the even distribution (DUTY-EQUAL-SHARE): the proposal for an announced task, and what-if
before deciding — the distribution after a new task or after a GP leaves. Nothing is written."""

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.duties import queries as duty_queries
from legetjeneste.duties import rules as duty_rules
from legetjeneste.duties import service as duty_service
from legetjeneste.duties.distribution import rules
from legetjeneste.duties.distribution.schemas import DistributionRead, GpShare
from legetjeneste.duties.schemas import GpStanding
from legetjeneste.duties.service import counted
from legetjeneste.errors import Problem, ValidationFailed

NEW = "new"


def model_gps(gps: list[GpStanding], *, task: str, volunteers=(), qualified=()) -> list[rules.Gp]:
    hprs = {gp.doctor_id: gp.hpr_number for gp in gps}
    return [
        rules.Gp(
            key=gp.doctor_id,
            name=gp.doctor_name,
            load=counted(gp),
            room=gp.orderable,
            qualified=frozenset({task}) if not qualified or hprs[gp.doctor_id] in qualified else frozenset(),
            volunteered=frozenset({task}) if hprs[gp.doctor_id] in volunteers else frozenset(),
        )
        for gp in gps
    ]


def _read(
    title: str, on: date, gps: list[GpStanding], proposal: rules.Proposal, *, task_id, hours, leaving=None
):
    shares: dict[int, Decimal] = {}
    volunteered: set[int] = set()
    for share in proposal.shares:
        shares[share.gp] = shares.get(share.gp, Decimal(0)) + share.hours
        if share.volunteered:
            volunteered.add(share.gp)
    rows = [
        GpShare(
            doctor_id=gp.doctor_id,
            doctor_name=gp.doctor_name,
            before=counted(gp),
            share=shares.get(gp.doctor_id, Decimal(0)),
            after=proposal.after.get(gp.doctor_id, Decimal(0)),
            orderable=gp.orderable,
            volunteered=gp.doctor_id in volunteered,
            leaving=gp.doctor_id == leaving,
        )
        for gp in gps
    ]
    return DistributionRead(
        title=title,
        on=on,
        task_id=task_id,
        task_hours=hours,
        equal_share=proposal.equal_share,
        shortfall=sum(proposal.shortfall.values(), Decimal(0)),
        rows=rows,
    )


def propose_for_task(
    session: Session, *, actor: Actor, task_id: int, on: date | None = None
) -> DistributionRead:
    """DUTY-EQUAL-SHARE — who takes how much of the task's hours not yet assigned, within what may be ordered
    (volunteers beyond it), as equal as possible."""
    auth_service.require(actor, "duties.read")
    with session.begin():
        task = duty_service.task_of(session, actor, task_id)
        day = on or max(today_oslo(), task.start)
        gps = duty_service.standings(session, municipality_number=task.municipality_number, on=day)
        taken = sum(
            (a.hours_per_week for a in duty_queries.assigned_hours_of_task(session, task.id)), Decimal(0)
        )
        left = max(Decimal(0), task.hours_per_week - taken)
        model = model_gps(gps, task=task.code, volunteers=task.volunteers, qualified=task.qualified)
        proposal = rules.propose(model, [rules.Task(task.code, task.name, left)])
        return _read(task.name, day, gps, proposal, task_id=task.id, hours=left)


def what_if(
    session: Session,
    *,
    actor: Actor,
    municipality_number: str,
    on: date | None = None,
    new_hours: Decimal | None = None,
    leaving_doctor_id: int | None = None,
) -> DistributionRead:
    """DUTY-EQUAL-SHARE — before deciding: the distribution after a new task of `new_hours` a week, or after a
    GP leaves (their duties, deductions aside, spread on the others)."""
    auth_service.require(actor, "duties.read")
    if new_hours is None and leaving_doctor_id is None:
        raise ValidationFailed(
            [Problem("new_hours", "oppgi timer for en ny oppgave eller en lege som slutter")]
        )
    day = on or today_oslo()
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        gps = duty_service.standings(session, municipality_number=municipality_number, on=day)
        tasks, title = [], []
        if new_hours is not None:
            tasks.append(rules.Task(NEW, "Ny oppgave", new_hours))
            title.append(f"ny oppgave på {duty_rules.hours_text(new_hours)} per uke")
        staying = gps
        if leaving_doctor_id is not None:
            gone = next((gp for gp in gps if gp.doctor_id == leaving_doctor_id), None)
            if gone is None:
                raise ValidationFailed(
                    [Problem("leaving_doctor_id", "legen har ingen fastlegeavtale i kommunen den dagen")]
                )
            freed = gone.voluntary + gone.ordered
            tasks.append(rules.Task("leaving", f"Oppgavene til {gone.doctor_name}", freed))
            title.append(f"{gone.doctor_name} slutter ({duty_rules.hours_text(freed)} per uke å fordele)")
            staying = [gp for gp in gps if gp.doctor_id != leaving_doctor_id]
        model = [g for t in tasks for g in model_gps(staying, task=t.key)]
        merged = {g.key: rules.Gp(g.key, g.name, g.load, g.room) for g in model}
        proposal = rules.propose(list(merged.values()), tasks)
        hours = sum((t.hours for t in tasks), Decimal(0))
        return _read(
            ", ".join(title).capitalize(),
            day,
            gps,
            proposal,
            task_id=None,
            hours=hours,
            leaving=leaving_doctor_id,
        )
