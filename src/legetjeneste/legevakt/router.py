"""JSON API for legevakt and nødnett schemes, exemptions, local parameters and impact under /api/v1.
Each endpoint is one service call."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.legevakt.exemptions import impact as impact_service
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.schemas import (
    DoctorCourseIn,
    ExemptionApply,
    ExemptionDecide,
    ExemptionRead,
    LocalParameterIn,
    ParameterRead,
    SchemeIn,
    SchemeRead,
    SchemeSummary,
)
from legetjeneste.legevakt.schemes import service
from legetjeneste.web.deps import get_actor, get_session

router = APIRouter(prefix="/api/v1", tags=["legevakt"])
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
Number = Annotated[str, Path(pattern=r"^\d{4}$")]


@router.get("/municipalities/{number}/schemes", response_model=list[SchemeSummary])
def list_schemes(number: Number, session: SessionDep, actor: ActorDep):
    """The municipality's legevakt and nødnett schemes."""
    return service.list_schemes(session, actor=actor, municipality_number=number)


@router.put("/municipalities/{number}/schemes", response_model=SchemeRead)
def save_scheme(number: Number, data: SchemeIn, session: SessionDep, actor: ActorDep):
    """Create a scheme, or replace the one with the same code (its templates, participants, targets,
    nødnett office days and bakvakt days) — all or nothing."""
    return service.save_scheme(session, actor=actor, municipality_number=number, data=data)


@router.get("/schemes/{scheme_id}", response_model=SchemeRead)
def get_scheme(scheme_id: Id, session: SessionDep, actor: ActorDep):
    """A scheme with its participants' competence (LV-COMPETENCE) and exemptions."""
    return service.get_scheme(session, actor=actor, scheme_id=scheme_id)


@router.post("/schemes/{scheme_id}/exemptions", response_model=ExemptionRead, status_code=201)
def apply_for_exemption(scheme_id: Id, data: ExemptionApply, session: SessionDep, actor: ActorDep):
    """An application for exemption from the scheme; it waits for a decision."""
    return exemption_service.apply_for_exemption(session, actor=actor, scheme_id=scheme_id, data=data)


@router.get("/municipalities/{number}/exemptions", response_model=list[ExemptionRead])
def list_exemptions(
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    status: Annotated[Literal["pending", "granted", "refused"] | None, Query()] = None,
):
    return exemption_service.list_exemptions(session, actor=actor, municipality_number=number, status=status)


@router.get("/exemptions/{exemption_id}", response_model=ExemptionRead)
def get_exemption(exemption_id: Id, session: SessionDep, actor: ActorDep):
    return exemption_service.get_exemption(session, actor=actor, exemption_id=exemption_id)


@router.post("/exemptions/{exemption_id}/decision", response_model=ExemptionRead)
def decide_exemption(exemption_id: Id, data: ExemptionDecide, session: SessionDep, actor: ActorDep):
    """The enkeltvedtak: LV-EXEMPT-RIGHT (granted from the date the right applies; cannot be refused),
    LV-EXEMPT-DISCRETION / NN-EXEMPT (at most the parameter's months, with the weighing)."""
    return exemption_service.decide_exemption(session, actor=actor, exemption_id=exemption_id, data=data)


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
    granting the pending applications."""
    return impact_service.impact(
        session,
        actor=actor,
        municipality_number=number,
        application_ids=application,
        first_month=first_month.replace(day=1) if first_month else None,
        months=months,
    )


@router.get("/municipalities/{number}/local-parameters", response_model=list[ParameterRead])
def list_parameters(number: Number, session: SessionDep, actor: ActorDep, on: date | None = None):
    """The parameters a municipality may override: the national value next to the local one."""
    return service.list_parameters(session, actor=actor, municipality_number=number, on=on)


@router.post("/municipalities/{number}/local-parameters", response_model=list[ParameterRead], status_code=201)
def set_local_parameter(number: Number, data: LocalParameterIn, session: SessionDep, actor: ActorDep):
    return service.set_local_parameter(session, actor=actor, municipality_number=number, data=data)


@router.post("/municipalities/{number}/doctor-courses", status_code=204)
def record_course(number: Number, data: DoctorCourseIn, session: SessionDep, actor: ActorDep) -> None:
    """A course a doctor has completed (LV-COMPETENCE)."""
    service.record_course(session, actor=actor, municipality_number=number, data=data)
