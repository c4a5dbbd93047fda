"""JSON API of cover while doctors are away (TILSYN-COVER) under /api/v1: what stands uncovered per unit and
day, named substitutes and stand-ins, municipal doctors who are not GPs and their absences. Each endpoint is
one service call."""

from datetime import date

from fastapi import APIRouter, Query

from legetjeneste.duties.tilsyn.cover import service
from legetjeneste.duties.tilsyn.cover.schemas import (
    CoverLineRead,
    CoverRead,
    MunicipalAbsenceIn,
    MunicipalDoctorAdd,
    MunicipalDoctorRead,
    SubstituteIn,
)
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["duties"])


@router.get("/municipalities/{number}/tilsyn/cover", response_model=CoverRead)
def cover(
    number: str,
    session: SessionDep,
    actor: ActorDep,
    first: date | None = None,
    days: int = Query(28, ge=1, le=366),
):
    """Planned hours that stand uncovered while a tilsynslege, the sykehjemslege or another municipal doctor
    is away, per unit and day; the kommuneoverlege's days without a stand-in; the vikar budget."""
    return service.cover(session, actor=actor, municipality_number=number, first=first, days=days)


@router.put("/tilsyn-units/{unit_id}/substitutes", response_model=CoverLineRead)
def name_substitute(unit_id: Id, data: SubstituteIn, session: SessionDep, actor: ActorDep):
    """A named substitute for the unit on a day its tilsynslege is away (TILSYN-COVER)."""
    return service.name_substitute(
        session, actor=actor, unit_id=unit_id, day=data.day, name=data.name, doctor_id=data.doctor_id
    )


@router.post(
    "/municipalities/{number}/municipal-doctors", response_model=MunicipalDoctorRead, status_code=201
)
def add_municipal_doctor(number: str, data: MunicipalDoctorAdd, session: SessionDep, actor: ActorDep):
    """A municipal doctor who is not a GP in the register (the sykehjemslege, the kommuneoverlege)."""
    return service.add_municipal_doctor(session, actor=actor, municipality_number=number, data=data)


@router.post("/municipal-doctors/{doctor_id}/absences", response_model=MunicipalDoctorRead, status_code=201)
def add_absence(doctor_id: Id, data: MunicipalAbsenceIn, session: SessionDep, actor: ActorDep):
    """A municipal doctor's absence (TILSYN-COVER)."""
    return service.add_absence(session, actor=actor, municipal_doctor_id=doctor_id, data=data)


@router.put("/municipal-doctors/{doctor_id}/standins", response_model=CoverLineRead)
def name_standin(doctor_id: Id, data: SubstituteIn, session: SessionDep, actor: ActorDep):
    """A named stand-in for the kommuneoverlege's function on a day they are away (TILSYN-COVER)."""
    return service.name_standin(
        session,
        actor=actor,
        municipal_doctor_id=doctor_id,
        day=data.day,
        name=data.name,
        doctor_id=data.doctor_id,
    )
