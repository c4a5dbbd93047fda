"""Selects and writes of plans; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.planning.plan.models import (
    LinkedPlan,
    MeasurePriority,
    Plan,
    PlanGoal,
    PlanMandateArea,
    PlanMeasure,
    PlanNeed,
)
from legetjeneste.planning.plan.schemas import PlanIn

_FULL = (
    selectinload(Plan.goals),
    selectinload(Plan.mandate_areas),
    selectinload(Plan.needs).selectinload(PlanNeed.measures).selectinload(PlanMeasure.priorities),
    selectinload(Plan.linked_plans),
    selectinload(Plan.versions),
)


def plans(session: Session, *, municipality_number: str) -> list[Plan]:
    """The municipality's plans, newest period first."""
    statement = select(Plan).where(Plan.municipality_number == municipality_number)
    return list(session.scalars(statement.options(*_FULL).order_by(Plan.first_year.desc(), Plan.id)))


def plan(session: Session, plan_id: int, *, lock: bool = False) -> Plan | None:
    statement = select(Plan).where(Plan.id == plan_id).options(*_FULL)
    return session.scalars(statement.with_for_update(of=Plan) if lock else statement).first()


def plan_by_code(session: Session, *, municipality_number: str, code: str) -> Plan | None:
    statement = select(Plan).where(Plan.municipality_number == municipality_number, Plan.code == code)
    return session.scalars(statement.options(*_FULL)).first()


def measure(session: Session, measure_id: int) -> PlanMeasure | None:
    statement = select(PlanMeasure).where(PlanMeasure.id == measure_id)
    return session.scalars(statement.options(selectinload(PlanMeasure.priorities))).first()


def write_plan(session: Session, plan: Plan | None, *, municipality_number: str, data: PlanIn) -> Plan:
    """The plan as the document says, its goals, areas, needs, measures and linked plans replaced whole
    (the versions stay)."""
    fields = data.model_dump(exclude={"goals", "mandate_areas", "needs", "linked_plans"})
    if plan is None:
        plan = Plan(municipality_number=municipality_number, version=1, **fields)
        session.add(plan)
    else:
        for name, value in fields.items():
            setattr(plan, name, value)
        plan.goals.clear()
        plan.mandate_areas.clear()
        plan.needs.clear()
        plan.linked_plans.clear()
        session.flush()
    plan.goals.extend(PlanGoal(number=g.number, text=g.text) for g in data.goals)
    areas = {
        a.title: PlanMandateArea(position=i, title=a.title, text=a.text, goal_numbers=list(a.goals))
        for i, a in enumerate(data.mandate_areas)
    }
    plan.mandate_areas.extend(areas.values())
    for index, need in enumerate(data.needs):
        row = PlanNeed(
            position=index,
            letter=need.letter,
            title=need.title,
            text=need.text,
            chapter=need.chapter,
            mandate_area=areas.get(need.mandate_area or ""),
        )
        for position, m in enumerate(need.measures):
            values = m.model_dump(exclude={"priorities"})
            measure = PlanMeasure(position=position, **values)
            measure.priorities = [MeasurePriority(series=s, rank=r) for s, r in m.priorities.items()]
            row.measures.append(measure)
        plan.needs.append(row)
    plan.linked_plans.extend(
        LinkedPlan(position=i, name=p.name, revision_due=p.revision_due, owner=p.owner)
        for i, p in enumerate(data.linked_plans)
    )
    session.flush()
    return plan


def series_ranks(plan: Plan, series: str) -> dict[int, int | None]:
    """Every measure of the plan in the series, by id, with its rank (None: unranked)."""
    return {
        p.measure_id: p.rank
        for need in plan.needs
        for m in need.measures
        for p in m.priorities
        if p.series == series
    }
