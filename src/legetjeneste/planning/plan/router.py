"""JSON API of the plan for legetjenesten (PLAN-*)."""

from fastapi import APIRouter, Response

from legetjeneste.planning.plan import service
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["plan"])


@router.get("/municipalities/{number}/plans")
def plans(number: Number, session: SessionDep, actor: ActorDep):
    return service.list_plans(session, actor=actor, municipality_number=number)


@router.get("/municipalities/{number}/plan")
def current_plan(number: Number, session: SessionDep, actor: ActorDep):
    """The plan with the newest period: needs, measures, computed and stated totals with the difference."""
    return service.current_plan(session, actor=actor, municipality_number=number)


@router.get("/plans/{plan_id}.pdf", responses={200: {"content": {"application/pdf": {}}}})
def plan_pdf(plan_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.plan_pdf(session, actor=actor, plan_id=plan_id)
    return Response(
        content, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'}
    )


@router.get("/plans/{plan_id}")
def plan(plan_id: Id, session: SessionDep, actor: ActorDep):
    return service.show_plan(session, actor=actor, plan_id=plan_id)
