"""JSON API of «Finn fastlege»: open to anyone, like the page (GET); the GP's profile for the register's
editors."""

from typing import Annotated

from fastapi import APIRouter, Query

from legetjeneste.citizens.finder import service
from legetjeneste.citizens.finder.schemas import (
    DoctorProfileRead,
    DoctorProfileUpdate,
    FinderQuery,
    FinderRead,
)
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["innbyggere"])


@router.get("/finn-fastlege", response_model=FinderRead, responses={404: {"description": "Ukjent kommune"}})
def find(session: SessionDep, query: Annotated[FinderQuery, Query()]):
    """A municipality's lists with open places (AGR-OPEN) and waiting lists, filtered by office, the GP's
    gender, an accessible office, a language and room on the list. No login needed."""
    return service.find(session, query=query)


@router.put("/doctors/{doctor_id}/profile", response_model=DoctorProfileRead)
def set_profile(doctor_id: Id, data: DoctorProfileUpdate, session: SessionDep, actor: ActorDep):
    """The GP's gender and languages besides Norwegian, as «Finn fastlege» filters on them."""
    return service.set_profile(session, actor=actor, doctor_id=doctor_id, data=data)
