"""JSON API of exemptions from legevakt and nødnett under /api/v1: applications, decisions and their
impact. Each endpoint is one service call."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from legetjeneste.legevakt.exemptions import service
from legetjeneste.legevakt.exemptions.schemas import (
    ExemptionApply,
    ExemptionDecide,
    ExemptionRead,
    ExemptionView,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["legevakt"])


@router.post("/schemes/{scheme_id}/exemptions", response_model=ExemptionView, status_code=201)
def apply_for_exemption(scheme_id: Id, data: ExemptionApply, session: SessionDep, actor: ActorDep):
    """An application for exemption from the scheme; it waits for a decision."""
    return service.apply_for_exemption(session, actor=actor, scheme_id=scheme_id, data=data)


@router.get("/municipalities/{number}/exemptions", response_model=list[ExemptionView])
def list_exemptions(
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    status: Annotated[Literal["pending", "granted", "refused"] | None, Query()] = None,
):
    """The municipality's exemptions; each with its health data (`view` «full») only for the doctor
    concerned and those who decide exemptions, else without (`view` «redacted»)."""
    return service.list_exemptions(session, actor=actor, municipality_number=number, status=status)


@router.get("/exemptions/{exemption_id}", response_model=ExemptionView)
def get_exemption(exemption_id: Id, session: SessionDep, actor: ActorDep):
    """One exemption: with its health data only for the doctor concerned and those who decide."""
    return service.get_exemption(session, actor=actor, exemption_id=exemption_id)


@router.post("/exemptions/{exemption_id}/decision", response_model=ExemptionRead)
def decide_exemption(exemption_id: Id, data: ExemptionDecide, session: SessionDep, actor: ActorDep):
    """The enkeltvedtak: LV-EXEMPT-RIGHT (granted from the date the right applies; cannot be refused),
    LV-EXEMPT-DISCRETION / NN-EXEMPT (at most the parameter's months, with the weighing)."""
    return service.decide_exemption(session, actor=actor, exemption_id=exemption_id, data=data)


@router.get("/municipalities/{number}/exemption-impact")
def exemption_impact(
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    application: Annotated[list[int] | None, Query(description="Bare disse søknadene")] = None,
    first_month: Annotated[
        date | None, Query(alias="from", description="Første måned (dato i måneden)")
    ] = None,
    months: Annotated[int | None, Query(ge=1, le=12)] = None,
) -> dict:
    """Per scheme and office: participants and shifts per participant per month, before and after
    granting the pending applications; an application's ground only for the doctor concerned and those
    who decide."""
    return service.impact(
        session,
        actor=actor,
        municipality_number=number,
        application_ids=application,
        first_month=first_month.replace(day=1) if first_month else None,
        months=months,
    )
