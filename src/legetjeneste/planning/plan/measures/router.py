"""JSON API of changes to the plan's needs and measures (PLAN-DUTY, PLAN-PRIORITY-SERIES): each answers the
plan as it now stands, with its new version."""

from fastapi import APIRouter

from legetjeneste.planning.plan.measures import service
from legetjeneste.planning.plan.measures.schemas import MeasureChange, MeasureCreate, NeedCreate
from legetjeneste.planning.plan.schemas import ProgressIn, ReorderIn
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["plan"])


@router.post("/plans/{plan_id}/measures", status_code=201)
def add_measure(plan_id: Id, data: MeasureCreate, session: SessionDep, actor: ActorDep):
    """PLAN-DUTY — a new measure under a need, in a priority series at a place if given."""
    return service.add_measure(session, actor=actor, plan_id=plan_id, data=data)


@router.put("/measures/{measure_id}")
def update_measure(measure_id: Id, data: MeasureChange, session: SessionDep, actor: ActorDep):
    """PLAN-DUTY — the measure as given; its places in the priority series stay."""
    return service.update_measure(session, actor=actor, measure_id=measure_id, data=data)


@router.delete("/measures/{measure_id}")
def remove_measure(measure_id: Id, session: SessionDep, actor: ActorDep):
    """PLAN-DUTY, PLAN-PRIORITY-SERIES — the measure leaves the plan and its series."""
    return service.remove_measure(session, actor=actor, measure_id=measure_id)


@router.post("/plans/{plan_id}/needs", status_code=201)
def add_need(plan_id: Id, data: NeedCreate, session: SessionDep, actor: ActorDep):
    """PLAN-DUTY — a new need with a letter of its own."""
    return service.add_need(session, actor=actor, plan_id=plan_id, data=data)


@router.post("/measures/{measure_id}/priority")
def reorder(measure_id: Id, data: ReorderIn, session: SessionDep, actor: ActorDep):
    """PLAN-PRIORITY-SERIES — move a measure to a new place in one series."""
    return service.reorder_priority(session, actor=actor, measure_id=measure_id, data=data)


@router.post("/measures/{measure_id}/progress")
def progress(measure_id: Id, data: ProgressIn, session: SessionDep, actor: ActorDep):
    """PLAN-DUTY — a measure's status and progress."""
    return service.record_progress(session, actor=actor, measure_id=measure_id, data=data)
