"""JSON API: send the plan's current version to the SU (PLAN-DUTY, SU-CASES)."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import Field

from legetjeneste.planning.plan.committee import service
from legetjeneste.planning.plan.schemas import PlanInput
from legetjeneste.registry.schemas import DbId
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["plan"])


class SendIn(PlanInput):
    committee: Annotated[DbId, Field(description="Samarbeidsutvalget planen sendes til")]


@router.post("/plans/{plan_id}/committee-cases", status_code=201)
def send(plan_id: Id, data: SendIn, session: SessionDep, actor: ActorDep):
    """PLAN-DUTY — the plan's current version goes to the SU as a committee case; its statement comes back
    to the version and the plan."""
    return service.send_to_committee(session, actor=actor, plan_id=plan_id, committee_id=data.committee)
