"""JSON API of legevakt and nødnett schemes, local parameters and doctors' courses under /api/v1. Each
endpoint is one service call."""

from datetime import date

from fastapi import APIRouter

from legetjeneste.legevakt.schemes import service
from legetjeneste.legevakt.schemes.schemas import (
    DoctorCourseIn,
    LocalParameterIn,
    ParameterRead,
    SchemeIn,
    SchemeRead,
    SchemeSummary,
)
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["legevakt"])


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
    """A scheme with its participants' competence (LV-COMPETENCE) and exemptions (their health data only
    for the doctor concerned and those who decide exemptions)."""
    return service.get_scheme(session, actor=actor, scheme_id=scheme_id, with_exemptions=True)


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
