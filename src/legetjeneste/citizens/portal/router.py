"""JSON API of «Min fastlege»: the logged-in citizen's own page, a child's, and their data."""

from fastapi import APIRouter

from legetjeneste.citizens.portal import service
from legetjeneste.citizens.portal.schemas import MyData, MyGpRead
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["innbyggere"])


@router.get("/min-fastlege", response_model=MyGpRead)
def my_gp(session: SessionDep, actor: ActorDep):
    """The citizen's GP panel, list history, switches this year (CIT-SWITCH) and waiting-list place."""
    return service.my_gp(session, actor=actor)


@router.get("/min-fastlege/barn/{citizen_id}", response_model=MyGpRead)
def child_gp(citizen_id: Id, session: SessionDep, actor: ActorDep):
    """The same for the citizen's child under 16 (CIT-CHILDREN); anyone else's answers 404."""
    return service.my_gp(session, actor=actor, citizen_id=citizen_id)


@router.get("/min-fastlege/data", response_model=MyData)
def my_data(session: SessionDep, actor: ActorDep):
    """Everything the register holds about the citizen and their children under 16."""
    return service.my_data(session, actor=actor)
