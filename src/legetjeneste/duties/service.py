"""Use cases of other municipal GP work: each GP against the cap on a day (DUTY-CAP with its deductions and
exemptions), the assignments GPs hold, the tasks the municipality announces, and the GPs' duty profiles."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.duties import queries, rules
from legetjeneste.duties.models import DutyAssignment, DutyProfile, DutyTask
from legetjeneste.duties.schemas import (
    AssignmentIn,
    AssignmentRead,
    GpStanding,
    Overview,
    RuleLine,
    TaskIn,
    TaskRead,
)
from legetjeneste.duties.supervision import service as supervision_service
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Doctor, DoctorPeriod

RULE_IDS = ["DUTY-CAP", "DUTY-SUPERVISION-DEDUCT", "DUTY-SAMFUNNSMED", "DUTY-PRAKSISKONSULENT", "DUTY-EXEMPT"]


def decimal_parameter(name: str, on: date) -> Decimal:
    return Decimal(str(parameters.value(f"duties/{name}", on=on)))


def assignment_read(row: DutyAssignment) -> AssignmentRead:
    return AssignmentRead(
        id=row.id,
        doctor_id=row.doctor_id,
        doctor_name=row.doctor.full_name,
        kind=row.kind,
        kind_label=rules.KINDS[row.kind],
        title=row.title or rules.KINDS[row.kind],
        hours_per_week=row.hours_per_week,
        percentage=row.percentage,
        start=row.start,
        end=row.end,
        place=row.place,
        weekdays=list(row.weekdays),
        basis=row.basis,
        issuer=row.issuer,
        issuer_name=row.issuer_name,
        pay_form=row.pay_form,
        task_id=row.task_id,
    )


def _opening_hours(period: DoctorPeriod, profile: DutyProfile | None) -> Decimal:
    """DUTY-CAP — the GP's average opening hours: the profile's, else the agreement's (times the GP's share
    of it when the GP works part of the agreement)."""
    if profile is not None and profile.opening_hours is not None:
        return profile.opening_hours
    total = rules.opening_hours_per_week(period.agreement.opening_hours or {})
    if period.working_percentage is not None:
        total = rules.hours(total * period.working_percentage / 100)
    return total


def _standing(
    period: DoctorPeriod,
    held: list[DutyAssignment],
    profile: DutyProfile | None,
    on: date,
    agreed: list[tuple[str, Decimal]],
) -> GpStanding:
    """DUTY-CAP for one GP; supervision agreements (DUTY-LIS1-AGREE) deduct their hours where the GP holds no
    assignment of that kind already (the assignment then carries the hours and the pay form)."""
    opening = _opening_hours(period, profile)
    exempt = rules.exemption(
        state_work_hours=profile.state_work_hours if profile else Decimal(0),
        transition_1984=profile.transition_1984 if profile else False,
        state_limit=decimal_parameter("state_work_exempt_hours", on),
    )
    found = rules.standing(
        held=[rules.Held(a.kind, a.hours_per_week, a.basis) for a in held]
        + [rules.Held(kind, hours) for kind, hours in agreed if kind not in {a.kind for a in held}],
        opening_hours=opening,
        max_hours=decimal_parameter("max_order_hours_per_week", on),
        full_time_opening=decimal_parameter("full_time_opening_hours", on),
        exempt=exempt,
    )
    doctor = period.doctor
    return GpStanding(
        doctor_id=doctor.id,
        doctor_name=doctor.full_name,
        hpr_number=doctor.hpr_number,
        agreement_id=period.agreement_id,
        listetak=period.agreement.listetak,
        opening_hours=opening,
        cap=found.cap,
        deductions=sum((d.hours for d in found.deductions), Decimal(0)),
        remaining_cap=found.remaining_cap,
        voluntary=found.voluntary,
        ordered=found.ordered,
        orderable=found.orderable,
        voluntary_within_cap=found.voluntary_within_cap,
        legevakt_and_beside=found.beside,
        exempt=found.exempt,
        lines=[RuleLine(**vars(line)) for line in found.lines],
        assignments=[assignment_read(a) for a in held],
    )


def counted(gp: GpStanding) -> Decimal:
    """DUTY-CAP — the hours counted against the cap now: deductions and the duties held (legevakt aside)."""
    return gp.deductions + gp.voluntary + gp.ordered


def standings(session: Session, *, municipality_number: str, on: date) -> list[GpStanding]:
    """DUTY-CAP — every GP serving a list of the municipality on the day, against the cap (in the caller's
    transaction; also used by orders and the distribution)."""
    held: dict[int, list[DutyAssignment]] = defaultdict(list)
    for row in queries.assignments(session, municipality_number=municipality_number, on=on):
        held[row.doctor_id].append(row)
    profiles = queries.profiles(session, municipality_number=municipality_number)
    agreed = supervision_service.held_hours(session, municipality_number=municipality_number, on=on)
    first: dict[int, DoctorPeriod] = {}
    for period in queries.gp_periods(session, municipality_number=municipality_number, on=on):
        first.setdefault(period.doctor_id, period)
    found = [_standing(p, held[d], profiles.get(d), on, agreed.get(d, [])) for d, p in first.items()]
    return sorted(found, key=lambda g: (g.doctor_name, g.doctor_id))


def overview(session: Session, *, actor: Actor, municipality_number: str, on: date | None = None) -> Overview:
    """DUTY-CAP, DUTY-EXEMPT — per GP: the cap, deductions, what is voluntary, ordered and still orderable;
    legevakt beside it, never counted."""
    auth_service.require(actor, "duties.read")
    day = on or today_oslo()
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        gps = standings(session, municipality_number=municipality_number, on=day)
        return Overview(
            municipality=municipality_number,
            municipality_name=municipality.name,
            on=day,
            full_time_hours=decimal_parameter("full_time_hours_per_week", day),
            max_hours=decimal_parameter("max_order_hours_per_week", day),
            rule_ids=RULE_IDS,
            gps=gps,
            total_voluntary=sum((g.voluntary for g in gps), Decimal(0)),
            total_ordered=sum((g.ordered for g in gps), Decimal(0)),
            total_orderable=sum((g.orderable for g in gps), Decimal(0)),
        )


def doctor_of(session: Session, municipality_number: str, hpr: str, path: str) -> Doctor:
    doctor = registry_queries.doctor_by_hpr(session, municipality_number=municipality_number, hpr_number=hpr)
    if doctor is None:
        raise ValidationFailed([Problem(path, f"lege {hpr} finnes ikke i kommunen")])
    return doctor


def assignment_values(
    session: Session, municipality_number: str, data: AssignmentIn, prefix: str = ""
) -> dict:
    """The row's values from what was typed: the doctor by HPR number, a percentage in hours (DUTY-CAP
    interpretation), the task by code; DUTY-PLACE-TIME checked."""
    problems = rules.place_time_problems(place=data.place, weekdays=data.weekdays, prefix=prefix)
    if problems:
        raise ValidationFailed(problems)
    doctor = doctor_of(session, municipality_number, data.doctor, f"{prefix}doctor")
    task_id = None
    if data.task:
        task = queries.task_by_code(session, municipality_number=municipality_number, code=data.task)
        if task is None:
            raise ValidationFailed([Problem(f"{prefix}task", f"oppgaven «{data.task}» finnes ikke")])
        task_id = task.id
    full_time = decimal_parameter("full_time_hours_per_week", data.start)
    hours = data.hours_per_week
    if data.percentage is not None:
        hours = rules.hours_of_percentage(data.percentage, full_time_hours=full_time)
    return {
        "municipality_number": municipality_number,
        "doctor_id": doctor.id,
        "task_id": task_id,
        "kind": data.kind,
        "title": data.title,
        "hours_per_week": hours,
        "percentage": data.percentage,
        "start": data.start,
        "end": data.end,
        "place": data.place,
        "weekdays": list(data.weekdays),
        "basis": data.basis,
        "issuer": data.issuer,
        "issuer_name": data.issuer_name,
        "pay_form": data.pay_form,
    }


def add_assignment(
    session: Session, *, actor: Actor, municipality_number: str, data: AssignmentIn
) -> AssignmentRead:
    """A duty a GP holds, voluntarily or already ordered, with place and time (DUTY-PLACE-TIME)."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        row = DutyAssignment(**assignment_values(session, municipality_number, data))
        session.add(row)
        session.flush()
        audit(session, actor, "create", "duty_assignment", row.id, municipality_number)
        return assignment_read(row)


def end_assignment(session: Session, *, actor: Actor, assignment_id: int, end: date) -> AssignmentRead:
    """The assignment ends on a day (a GP leaving the task, a post closed)."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        row = scope.row(
            session, actor, DutyAssignment, assignment_id, missing=f"Oppgave {assignment_id} finnes ikke."
        )
        if end < row.start:
            raise ValidationFailed([Problem("end", "sluttdatoen er før startdatoen")])
        row.end = end
        audit(session, actor, "update", "duty_assignment", row.id, row.municipality_number)
        return assignment_read(row)


def task_read(task: DutyTask, assigned: list[DutyAssignment]) -> TaskRead:
    return TaskRead(
        id=task.id,
        code=task.code,
        name=task.name,
        kind=task.kind,
        kind_label=rules.KINDS[task.kind],
        hours_per_week=task.hours_per_week,
        assigned_hours=sum((a.hours_per_week for a in assigned), Decimal(0)),
        start=task.start,
        end=task.end,
        place=task.place,
        weekdays=list(task.weekdays),
        issuer=task.issuer,
        issuer_name=task.issuer_name,
        pay_form=task.pay_form,
        announced_on=task.announced_on,
        informed_on=task.informed_on,
        volunteers=list(task.volunteers),
        qualified=list(task.qualified),
    )


def store_task(session: Session, municipality_number: str, data: TaskIn) -> tuple[DutyTask, bool]:
    """Add or update the task with the code (in the caller's transaction); whether it existed."""
    task = queries.task_by_code(session, municipality_number=municipality_number, code=data.code)
    existed = task is not None
    if task is None:
        task = DutyTask(municipality_number=municipality_number, code=data.code)
        session.add(task)
    for name, value in data.model_dump().items():
        setattr(task, name, value)
    session.flush()
    return task, existed


def save_task(session: Session, *, actor: Actor, municipality_number: str, data: TaskIn) -> TaskRead:
    """A task announced (or to be): DUTY-VOLUNTARY asks for the announcement and the GPs informed before
    any order; DUTY-ISSUER records who issues it; DUTY-PLACE-TIME where and when."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        task, existed = store_task(session, municipality_number, data)
        audit(session, actor, "update" if existed else "create", "duty_task", task.id, municipality_number)
        return task_read(task, queries.assigned_hours_of_task(session, task.id))


def list_tasks(session: Session, *, actor: Actor, municipality_number: str) -> list[TaskRead]:
    auth_service.require(actor, "duties.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [
            task_read(t, queries.assigned_hours_of_task(session, t.id))
            for t in queries.tasks(session, municipality_number=municipality_number)
        ]


def task_of(session: Session, actor: Actor, task_id: int) -> DutyTask:
    return scope.row(session, actor, DutyTask, task_id, missing=f"Oppgave {task_id} finnes ikke.")


def audit(session: Session, actor: Actor, action: str, entity: str, record_id: int, number: str) -> None:
    audit_service.record(
        session, actor=actor, action=action, entity=entity, record_ids=[record_id], municipality_number=number
    )
