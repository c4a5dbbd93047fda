"""JSON API of swaps under /api/v1 (LV-SWAP): a GP proposes, accepts, declines or withdraws a swap of their
own shifts; the municipality approves or refuses one, and sets whether a scheme approves them automatically.
Each endpoint is one service call."""

from typing import Annotated

from fastapi import APIRouter, Body

from legetjeneste.legevakt.swaps import service
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.schemas import AutomaticSetting, SwapAnswer, SwapCreate, SwapRead
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["swap"])
Answer = Annotated[SwapAnswer, Body()]


@router.post("/swaps", response_model=SwapRead, status_code=201)
def propose(data: SwapCreate, session: SessionDep, actor: ActorDep):
    """Offer one's own shift to anyone in the scheme, hand it over to a colleague, or swap it for a
    colleague's shift; a named colleague's swap is checked against every hard rule (LV-SWAP)."""
    return service.propose(session, actor=actor, data=data)


@router.get("/swaps/mine", response_model=list[SwapRead])
def my_swaps(session: SessionDep, actor: ActorDep):
    """The GP's swaps and the offers open to them, newest first."""
    return service.my_swaps(session, actor=actor)


@router.get("/swaps/{swap_id}", response_model=SwapRead)
def get_swap(swap_id: Id, session: SessionDep, actor: ActorDep):
    return decisions.get_swap(session, actor=actor, swap_id=swap_id)


@router.post("/swaps/{swap_id}/accept", response_model=SwapRead)
def accept(swap_id: Id, session: SessionDep, actor: ActorDep):
    """The colleague accepts (or anyone in the scheme takes an offer); refused with the rule that breaks."""
    return service.accept(session, actor=actor, swap_id=swap_id)


@router.post("/swaps/{swap_id}/decline", response_model=SwapRead)
def decline(swap_id: Id, session: SessionDep, actor: ActorDep, data: Answer = SwapAnswer()):
    return service.decline(session, actor=actor, swap_id=swap_id, data=data)


@router.post("/swaps/{swap_id}/withdraw", response_model=SwapRead)
def withdraw(swap_id: Id, session: SessionDep, actor: ActorDep):
    return service.withdraw(session, actor=actor, swap_id=swap_id)


@router.post("/swaps/{swap_id}/approve", response_model=SwapRead)
def approve(swap_id: Id, session: SessionDep, actor: ActorDep):
    """The municipality approves: every hard rule checked again, then a new version of the roster."""
    return decisions.approve(session, actor=actor, swap_id=swap_id)


@router.post("/swaps/{swap_id}/refuse", response_model=SwapRead)
def refuse(swap_id: Id, data: SwapAnswer, session: SessionDep, actor: ActorDep):
    return decisions.refuse(session, actor=actor, swap_id=swap_id, data=data)


@router.put("/schemes/{scheme_id}/swap-setting", response_model=AutomaticSetting)
def set_automatic(scheme_id: Id, data: AutomaticSetting, session: SessionDep, actor: ActorDep):
    """Whether the scheme approves a swap at once when both doctors agree and every hard rule holds."""
    return decisions.set_automatic(session, actor=actor, scheme_id=scheme_id, data=data)
