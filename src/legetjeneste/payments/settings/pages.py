"""The form on the runs page that switches four eyes on or off (PAY-FOUR-EYES)."""

from typing import Annotated

from fastapi import APIRouter, Form, Request

from legetjeneste.payments.settings import service
from legetjeneste.payments.settings.schemas import PaymentSettingsUpdate
from legetjeneste.web.deps import ActorDep, Number, SessionDep
from legetjeneste.web.pages import redirect_with_message

router = APIRouter(include_in_schema=False)


@router.post("/kommuner/{number}/utbetalinger/innstillinger")
def update_settings(
    request: Request,
    number: Number,
    session: SessionDep,
    actor: ActorDep,
    four_eyes: Annotated[str | None, Form(max_length=10)] = None,
):
    """An unticked box sends nothing: four eyes off."""
    data = PaymentSettingsUpdate(four_eyes=four_eyes == "yes")
    saved = service.update_settings(session, actor=actor, municipality_number=number, data=data)
    title = (
        "En annen person må nå godkjenne kjøringer den som beregnet dem (fire øyne)."
        if saved.four_eyes
        else "Den som beregner en kjøring, kan nå også godkjenne den."
    )
    return redirect_with_message(request, f"/kommuner/{number}/utbetalinger", title)
