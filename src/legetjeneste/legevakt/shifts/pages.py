"""«Mine vakter» (/mine-vakter?maaned=2027-03): the GP's own shifts across every scheme as a month calendar
with week numbers and as a list, each with what the GP may do with it; the swaps to answer and the GP's own
swaps with their status (LV-SWAP)."""

from typing import Annotated

from fastapi import APIRouter, Query, Request

from legetjeneste.dates import format_month, parse_month, today_oslo
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.legevakt.shifts import service
from legetjeneste.legevakt.swaps import service as swap_service
from legetjeneste.web.deps import ActorDep, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)
MonthQuery = Annotated[str | None, Query(alias="maaned", max_length=7)]


def _month(text: str | None):
    try:
        return parse_month(text) if text else today_oslo().replace(day=1)
    except ValueError as error:
        raise ValidationFailed([Problem("maaned", f"«{text}» er ikke en måned (ÅÅÅÅ-MM)")]) from error


@router.get("/mine-vakter")
def my_shifts(request: Request, session: SessionDep, actor: ActorDep, maaned: MonthQuery = None):
    found = service.my_month(session, actor=actor, month=_month(maaned))
    swaps = swap_service.my_swaps(session, actor=actor)
    undecided = {s.shift.shift_id: s for s in swaps if s.status in ("open", "proposed", "accepted")}
    context = {
        **found,
        "month_value": format_month(found["month"]),
        "previous_value": format_month(found["previous"]),
        "next_value": format_month(found["next"]),
        "to_answer": [s for s in swaps if s.can_accept],
        "history": [
            s for s in swaps if not s.can_accept and actor.doctor_id in (s.from_doctor_id, s.to_doctor_id)
        ],
        "undecided": undecided,
    }
    return render(request, "legevakt/shifts/month.html", context, actor=actor)
