"""JSON API of wishes (LV-WISH) under /api/v1: a GP's own wishes for the schemes they take part in, and a
scheme's wishes for those who solve its rosters. Each endpoint is one service call."""

from fastapi import APIRouter, Response

from legetjeneste.legevakt.wishes import service
from legetjeneste.legevakt.wishes.schemas import (
    DoctorWishes,
    SchemeWishes,
    SchemeWishList,
    WishIn,
    WishRead,
)
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["legevakt"])


@router.get("/wishes", response_model=list[SchemeWishes])
def my_wishes(session: SessionDep, actor: ActorDep):
    """The GP's own wishes per scheme and coming half-year, with each month's count and what is left."""
    return service.my_wishes(session, actor=actor)


@router.post("/schemes/{scheme_id}/wishes", response_model=WishRead, status_code=201)
def add_wish(scheme_id: Id, data: WishIn, session: SessionDep, actor: ActorDep):
    """A wish for a day off or a day on (LV-WISH): after today, in the scheme's and the GP's participation
    period, not in a published roster, at most the scheme's number a month."""
    return service.add_wish(session, actor=actor, scheme_id=scheme_id, data=data)


@router.put("/wishes/{wish_id}", response_model=WishRead)
def change_wish(wish_id: Id, data: WishIn, session: SessionDep, actor: ActorDep):
    """Another day, kind or note for one of the GP's wishes, until a roster covering the day is published."""
    return service.change_wish(session, actor=actor, wish_id=wish_id, data=data)


@router.delete("/wishes/{wish_id}", status_code=204)
def delete_wish(wish_id: Id, session: SessionDep, actor: ActorDep) -> Response:
    """One of the GP's wishes removed, until a roster covering the day is published."""
    service.delete_wish(session, actor=actor, wish_id=wish_id)
    return Response(status_code=204)


@router.get("/schemes/{scheme_id}/wishes", response_model=SchemeWishList)
def scheme_wishes(scheme_id: Id, session: SessionDep, actor: ActorDep):
    """Every participant's wishes for the scheme's coming rosters, with notes (those who solve rosters)."""
    return service.scheme_wishes(session, actor=actor, scheme_id=scheme_id)


@router.get("/rosters/{roster_id}/wishes", response_model=list[DoctorWishes])
def roster_wishes(roster_id: Id, session: SessionDep, actor: ActorDep):
    """Per doctor the wishes a roster was solved with and whether it meets them."""
    return service.roster_wishes(session, actor=actor, roster_id=roster_id)
