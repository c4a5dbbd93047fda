"""The tilsyn page's vikar budget forms (TILSYN-COVER): the year's budget and the rate of a vikar week, and
what is spent in vikar weeks with the cost (or priced at the rate)."""

from fastapi import APIRouter, Request

from legetjeneste.duties.tilsyn import pages as tilsyn_pages
from legetjeneste.duties.tilsyn.budget import service
from legetjeneste.duties.tilsyn.budget.schemas import BudgetSet, SpentAdd
from legetjeneste.norwegian import kroner
from legetjeneste.web.deps import ActorDep, SessionDep
from legetjeneste.web.forms import parse_form

router = APIRouter(include_in_schema=False)
PAGE = "/kommuner/{number}/tilsyn/vikarbudsjett"


def _left(saved) -> str:
    return f"brukt {kroner(saved.spent)} av {kroner(saved.amount)}, igjen {kroner(saved.left)}"


@router.post(PAGE)
async def set_budget(request: Request, number: str, session: SessionDep, actor: ActorDep):
    def use_case(values):
        data = parse_form(BudgetSet, tilsyn_pages.typed_numbers(values, "amount", "week_rate"))
        return service.set_budget(session, actor=actor, municipality_number=number, data=data)

    def done(saved):
        return f"Vikarbudsjettet for {saved.year} er lagret: {_left(saved)} (TILSYN-COVER).", "vikarbudsjett"

    return await tilsyn_pages.submitted(
        request, number, session, actor, form="budsjett", use_case=use_case, done=done
    )


@router.post(PAGE + "/forbruk")
async def add_spent(request: Request, number: str, session: SessionDep, actor: ActorDep):
    def use_case(values):
        data = parse_form(SpentAdd, tilsyn_pages.typed_numbers(values, "weeks", "cost"))
        return service.add_spent(session, actor=actor, municipality_number=number, data=data)

    def done(saved):
        return f"Forbruket er registrert på {saved.year}: {_left(saved)} (TILSYN-COVER).", "vikarbudsjett"

    return await tilsyn_pages.submitted(
        request, number, session, actor, form="forbruk", use_case=use_case, done=done
    )
