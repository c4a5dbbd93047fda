"""JSON API for absences and the year's counters."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from legetjeneste.absence import service
from legetjeneste.absence.counters import service as counter_service
from legetjeneste.absence.schemas import (
    AbsenceCreate,
    AbsenceRead,
    AbsenceSaved,
    AbsenceUpdate,
    DoctorCounters,
)
from legetjeneste.dates import Period
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.web.deps import ActorDep, Id, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["absence"])
Year = Annotated[int, Query(ge=2000, le=2100)]


def _period(first: date | None, last: date | None) -> Period | None:
    if first is None and last is None:
        return None
    if first is not None and last is not None and last < first:
        raise ValidationFailed([Problem("to", "til-datoen er før fra-datoen")])
    return Period(first or date.min, last)


@router.get("/absences", response_model=list[AbsenceRead])
def list_absences(
    session: SessionDep,
    actor: ActorDep,
    municipality: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    office_id: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    doctor_id: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    first: Annotated[date | None, Query(alias="from")] = None,
    last: Annotated[date | None, Query(alias="to")] = None,
):
    return service.list_absences(
        session,
        actor=actor,
        municipality_number=municipality,
        office_id=office_id,
        doctor_id=doctor_id,
        period=_period(first, last),
    )


@router.post("/absences", response_model=AbsenceSaved, status_code=201)
def register_absence(data: AbsenceCreate, session: SessionDep, actor: ActorDep):
    return service.register_absence(session, actor=actor, data=data)


@router.get("/absences/{absence_id}", response_model=AbsenceRead)
def get_absence(absence_id: Id, session: SessionDep, actor: ActorDep):
    return service.get_absence(session, actor=actor, absence_id=absence_id)


@router.patch("/absences/{absence_id}", response_model=AbsenceSaved)
def update_absence(absence_id: Id, data: AbsenceUpdate, session: SessionDep, actor: ActorDep):
    return service.update_absence(session, actor=actor, absence_id=absence_id, data=data)


@router.delete("/absences/{absence_id}", status_code=204)
def cancel_absence(absence_id: Id, session: SessionDep, actor: ActorDep):
    service.cancel_absence(session, actor=actor, absence_id=absence_id)
    return Response(status_code=204)


@router.get("/doctors/{doctor_id}/absence-counters", response_model=DoctorCounters)
def doctor_counters(doctor_id: Id, year: Year, session: SessionDep, actor: ActorDep):
    return counter_service.doctor_counters(session, actor=actor, doctor_id=doctor_id, year=year)


@router.get("/municipalities/{number}/absence-counters", response_model=list[DoctorCounters])
def municipality_counters(number: Number, year: Year, session: SessionDep, actor: ActorDep):
    return counter_service.municipality_counters(session, actor=actor, municipality_number=number, year=year)
