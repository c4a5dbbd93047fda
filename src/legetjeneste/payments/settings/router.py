"""JSON API of a municipality's payment settings under /api/v1 (PAY-FOUR-EYES)."""

from fastapi import APIRouter

from legetjeneste.payments.settings import service
from legetjeneste.payments.settings.schemas import PaymentSettingsRead, PaymentSettingsUpdate
from legetjeneste.web.deps import ActorDep, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["payments"])


@router.get("/municipalities/{number}/payment-settings", response_model=PaymentSettingsRead)
def get_settings(number: Number, session: SessionDep, actor: ActorDep):
    """Kommunens innstillinger for utbetalinger: om en annen person må godkjenne (PAY-FOUR-EYES)."""
    return service.get_settings(session, actor=actor, municipality_number=number)


@router.put("/municipalities/{number}/payment-settings", response_model=PaymentSettingsRead)
def update_settings(number: Number, data: PaymentSettingsUpdate, session: SessionDep, actor: ActorDep):
    """Slå fire øyne av eller på (krever `payments.settings`)."""
    return service.update_settings(session, actor=actor, municipality_number=number, data=data)
