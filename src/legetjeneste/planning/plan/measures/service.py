"""Use cases that change the plan's needs and measures (PLAN-DUTY, PLAN-PRIORITY-SERIES, PLAN-COST-TOTAL):
add, change and remove a measure, add a need, move a measure in a priority series, record its progress.
Each runs under the plan's row lock and saves a new version of the plan with what changed; the stated
totals are never touched."""

from sqlalchemy.orm import Session

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import NotFound, RuleViolation, ValidationFailed
from legetjeneste.planning.plan import queries, rules
from legetjeneste.planning.plan import service as plan_service
from legetjeneste.planning.plan.measures.schemas import MeasureChange, MeasureCreate, NeedCreate
from legetjeneste.planning.plan.models import MeasurePriority, Plan, PlanMeasure, PlanNeed
from legetjeneste.planning.plan.schemas import ProgressIn, ReorderIn, plain_decimal

# What a version's note calls each field of a measure that changed.
CHANGED = {
    "need": "behov",
    "text": "tekst",
    "first_year": "periode",
    "last_year": "periode",
    "period_text": "periode",
    "yearly_cost": "årlig kostnad",
    "one_off_cost": "engangskostnad",
    "funding": "finansiering",
    "owner": "ansvar",
    "status": "status",
    "progress": "framdrift",
    "concerns_gps": "om det angår fastlegene",
}


def measure_in_plan(session: Session, actor: Actor, measure_id: int) -> tuple[Plan, PlanMeasure]:
    """The measure and its plan, locked for a change, if the actor may change the plan."""
    auth_service.require(actor, "plan.write")
    measure = queries.measure(session, measure_id)
    if measure is None:
        raise NotFound(f"Tiltak {measure_id} finnes ikke.")
    plan = plan_service.plan_for_change(session, actor, measure.need.plan_id)
    return plan, next(m for n in plan.needs for m in n.measures if m.id == measure_id)


def editable_plan(session: Session, *, actor: Actor, plan_id: int) -> dict:
    """The plan as its forms show it, for those who may change it."""
    auth_service.require(actor, "plan.write")
    return plan_service.show_plan(session, actor=actor, plan_id=plan_id)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


def _check(plan: Plan, data: MeasureChange, priorities: dict[str, int | None]) -> None:
    problems = rules.measure_problems(
        funding=data.funding,
        status=data.status,
        progress=data.progress,
        first_year=data.first_year,
        last_year=data.last_year,
        yearly_cost=data.yearly_cost,
        one_off_cost=data.one_off_cost,
        priorities=priorities,
        text=data.text,
        need=data.need,
        needs=[n.letter for n in plan.needs],
    )
    if problems:
        raise ValidationFailed(problems)


def _write(measure: PlanMeasure, data: MeasureChange) -> None:
    for name, value in data.model_dump(exclude={"need", "series", "rank"}).items():
        setattr(measure, name, value)


def _place_in_series(plan: Plan, measure: PlanMeasure, series: str, rank: int | None) -> None:
    """PLAN-PRIORITY-SERIES — the measure joins the series at `rank` (unranked when None)."""
    ranks = {**queries.series_ranks(plan, series), measure.id: None}
    moved = rules.reorder(ranks, measure.id, rank) if rank is not None else ranks
    _set_ranks(plan, series, moved)
    measure.priorities.append(MeasurePriority(series=series, rank=moved[measure.id]))


def _set_ranks(plan: Plan, series: str, ranks: dict[int, int | None]) -> None:
    for need in plan.needs:
        for m in need.measures:
            for p in m.priorities:
                if p.series == series and p.measure_id in ranks:
                    p.rank = ranks[p.measure_id]


def _need(plan: Plan, letter: str) -> PlanNeed:
    return next(n for n in plan.needs if n.letter == letter)


def _done(session: Session, plan: Plan) -> dict:
    session.flush()
    return plan_service.plan_view(plan, on=today_oslo())


@when_free
def add_measure(session: Session, *, actor: Actor, plan_id: int, data: MeasureCreate) -> dict:
    """PLAN-DUTY — a new measure under a need, last among its measures, in a series at a place if given."""
    auth_service.require(actor, "plan.write")
    with write_transaction(session):
        plan = plan_service.plan_for_change(session, actor, plan_id)
        _check(plan, data, {data.series: data.rank} if data.series else {})
        need = _need(plan, data.need)
        measure = PlanMeasure(position=max((m.position for m in need.measures), default=-1) + 1)
        _write(measure, data)
        need.measures.append(measure)
        session.flush()
        if data.series:
            _place_in_series(plan, measure, data.series, data.rank)
        plan_service.save_version(
            session, plan, actor, f"Tiltak lagt til under behov {need.letter}: {_short(data.text)}"
        )
        plan_service.audit_change(session, actor, plan, {"measure_id": measure.id, "added": data.need})
        return _done(session, plan)


def _changes(measure: PlanMeasure, data: MeasureChange) -> list[str]:
    before = {name: getattr(measure, name) for name in CHANGED if name != "need"}
    before = {k: plain_decimal(v) if k.endswith("_cost") else v for k, v in before.items()}
    after = data.model_dump(exclude={"series", "rank"})
    changed = [name for name in CHANGED if name != "need" and before[name] != after[name]]
    if data.need != measure.need.letter:
        changed.insert(0, "need")
    return list(dict.fromkeys(CHANGED[name] for name in changed))


@when_free
def update_measure(session: Session, *, actor: Actor, measure_id: int, data: MeasureChange) -> dict:
    """PLAN-DUTY — the measure as the form says it (its places in the series stay); a version is saved when
    anything changed, its note naming what."""
    with write_transaction(session):
        plan, measure = measure_in_plan(session, actor, measure_id)
        _check(plan, data, {})
        changed = _changes(measure, data)
        if not changed:
            return plan_service.plan_view(plan, on=today_oslo())
        letter = measure.need.letter
        if data.need != letter:
            target = _need(plan, data.need)
            measure.need.measures.remove(measure)
            measure.position = max((m.position for m in target.measures), default=-1) + 1
            target.measures.append(measure)
        _write(measure, data)
        plan_service.save_version(session, plan, actor, f"Tiltak {letter} endret: {', '.join(changed)}")
        plan_service.audit_change(session, actor, plan, {"measure_id": measure_id, "changed": changed})
        return _done(session, plan)


@when_free
def remove_measure(session: Session, *, actor: Actor, measure_id: int) -> dict:
    """PLAN-DUTY, PLAN-PRIORITY-SERIES — the measure leaves the plan and its series (those after it move up
    where it held its place alone); the saved versions keep it."""
    with write_transaction(session):
        plan, measure = measure_in_plan(session, actor, measure_id)
        for priority in list(measure.priorities):
            ranks = queries.series_ranks(plan, priority.series)
            _set_ranks(plan, priority.series, rules.remove_from_series(ranks, measure_id))
        letter, text = measure.need.letter, measure.text
        measure.need.measures.remove(measure)
        session.flush()
        plan_service.save_version(session, plan, actor, f"Tiltak {letter} fjernet: {_short(text)}")
        plan_service.audit_change(session, actor, plan, {"measure_id": measure_id, "removed": letter})
        return _done(session, plan)


@when_free
def add_need(session: Session, *, actor: Actor, plan_id: int, data: NeedCreate) -> dict:
    """PLAN-DUTY — a new need, last in the plan, with a letter of its own."""
    auth_service.require(actor, "plan.write")
    with write_transaction(session):
        plan = plan_service.plan_for_change(session, actor, plan_id)
        problems = rules.need_problems(
            letter=data.letter,
            title=data.title,
            letters=[n.letter for n in plan.needs],
            mandate_area=data.mandate_area,
            areas=[a.title for a in plan.mandate_areas],
        )
        if problems:
            raise ValidationFailed(problems)
        area = next((a for a in plan.mandate_areas if a.title == data.mandate_area), None)
        plan.needs.append(
            PlanNeed(
                position=max((n.position for n in plan.needs), default=-1) + 1,
                letter=data.letter,
                title=data.title,
                text=data.text,
                chapter=data.chapter,
                mandate_area=area,
            )
        )
        plan_service.save_version(session, plan, actor, f"Behov {data.letter} lagt til: {_short(data.title)}")
        plan_service.audit_change(session, actor, plan, {"need": data.letter, "added": True})
        return _done(session, plan)


@when_free
def reorder_priority(session: Session, *, actor: Actor, measure_id: int, data: ReorderIn) -> dict:
    """PLAN-PRIORITY-SERIES — the measure takes a new place in one series; those it passes move one step,
    other ties and gaps stay; a new version of the plan is saved."""
    with write_transaction(session):
        plan, measure = measure_in_plan(session, actor, measure_id)
        if data.series not in rules.SERIES:
            raise ValidationFailed(
                [
                    rules.measure_problems(
                        funding=measure.funding,
                        status=measure.status,
                        progress=measure.progress,
                        first_year=None,
                        last_year=None,
                        yearly_cost=None,
                        one_off_cost=None,
                        priorities={data.series: data.rank},
                    )[0]
                ]
            )
        ranks = queries.series_ranks(plan, data.series)
        if measure_id not in ranks:
            raise RuleViolation(
                rules.PRIORITY_SERIES.id,
                rules.PRIORITY_SERIES.citation,
                f"Tiltaket er ikke med i serien «{rules.SERIES[data.series]}».",
            )
        old = ranks[measure_id]
        _set_ranks(plan, data.series, rules.reorder(ranks, measure_id, data.rank))
        note = (
            f"Tiltak {measure.need.letter} flyttet i {rules.SERIES[data.series]}: "
            f"{old if old is not None else 'uten nummer'} → {data.rank}"
        )
        plan_service.save_version(session, plan, actor, note)
        plan_service.audit_change(
            session,
            actor,
            plan,
            {"measure_id": measure_id, "series": data.series, "from": old, "to": data.rank},
        )
        return _done(session, plan)


@when_free
def record_progress(session: Session, *, actor: Actor, measure_id: int, data: ProgressIn) -> dict:
    """PLAN-DUTY — a measure's status and progress; a new version of the plan is saved."""
    with write_transaction(session):
        plan, measure = measure_in_plan(session, actor, measure_id)
        problems = rules.measure_problems(
            funding=measure.funding,
            status=data.status,
            progress=data.progress,
            first_year=None,
            last_year=None,
            yearly_cost=None,
            one_off_cost=None,
            priorities={},
        )
        if problems:
            raise ValidationFailed(problems)
        measure.status, measure.progress = data.status, data.progress
        plan_service.save_version(
            session,
            plan,
            actor,
            f"Tiltak {measure.need.letter}: {rules.STATUS[data.status]}, {data.progress} %",
        )
        plan_service.audit_change(
            session, actor, plan, {"measure_id": measure_id, "status": data.status, "progress": data.progress}
        )
        return _done(session, plan)
