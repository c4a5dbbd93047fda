"""JSON API of alerts: subscribe (anyone; the address confirms through the e-mailed link), confirm and
unsubscribe with a link's token."""

from fastapi import APIRouter

from legetjeneste.citizens.alerts import service
from legetjeneste.citizens.alerts.schemas import AlertCreate, AlertRead, TokenIn
from legetjeneste.web.deps import OptionalActorDep, SessionDep

router = APIRouter(prefix="/api/v1", tags=["innbyggere"])


@router.post("/alerts", response_model=AlertRead, status_code=201)
def subscribe(data: AlertCreate, session: SessionDep, actor: OptionalActorDep):
    """An alert when a place opens on a list, at an office or in a municipality; nothing is sent until the
    address confirms it through the link e-mailed to it."""
    return service.subscribe(session, actor=actor, data=data)


@router.post(
    "/alerts/confirm", response_model=AlertRead, responses={404: {"description": "Ukjent eller utløpt lenke"}}
)
def confirm(data: TokenIn, session: SessionDep):
    return service.confirm(session, token=data.token)


@router.post(
    "/alerts/unsubscribe",
    response_model=AlertRead,
    responses={404: {"description": "Ukjent eller utløpt lenke"}},
)
def unsubscribe(data: TokenIn, session: SessionDep):
    return service.unsubscribe(session, token=data.token)
