"""The tilsyn page's vikar budget forms (TILSYN-COVER): the year's budget and the rate of a vikar week, and
what is spent in vikar weeks with the cost (or priced at the rate)."""

from fastapi import APIRouter, Request

from legetjeneste.duties.tilsyn import pages as tilsyn_pages
from legetjeneste.duties.tilsyn.budget import service
from legetjeneste.duties.tilsyn.budget.schemas import BudgetSet, SpentAdd
from legetjeneste.norwegian import kroner
from legetjeneste.web.deps import ActorDep, FormDep, SessionDep
from legetjeneste.web.forms import parse_form

router = APIRouter(include_in_schema=False)
PAGE = "/kommuner/{number}/tilsyn/vikarbudsjett"


def _left(saved) -> str:
    return f"brukt {kroner(saved.spent)} av {kroner(saved.amount)}, igjen {kroner(saved.left)}"


def _budget_form(request, number, session, actor, form, *, name, model, numbers, write, saved_text):
    """One of the two budget forms: `model` from the typed `numbers`, written by `write`; `saved_text(saved)`
    says what was saved, back at the budget."""

    def use_case(values):
        data = parse_form(model, tilsyn_pages.typed_numbers(values, *numbers))
        return write(session, actor=actor, municipality_number=number, data=data)

    def done(saved):
        return f"{saved_text(saved)}: {_left(saved)} (TILSYN-COVER).", "vikarbudsjett"

    return tilsyn_pages.submitted(
        request, number, session, actor, form, name=name, use_case=use_case, done=done
    )


@router.post(PAGE)
def set_budget(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    return _budget_form(
        request, number, session, actor, form,
        name="budsjett", model=BudgetSet, numbers=("amount", "week_rate"), write=service.set_budget,
        saved_text=lambda saved: f"Vikarbudsjettet for {saved.year} er lagret",
    )  # fmt: skip


@router.post(PAGE + "/forbruk")
def add_spent(request: Request, number: str, session: SessionDep, actor: ActorDep, form: FormDep):
    return _budget_form(
        request, number, session, actor, form,
        name="forbruk", model=SpentAdd, numbers=("weeks", "cost"), write=service.add_spent,
        saved_text=lambda saved: f"Forbruket er registrert på {saved.year}",
    )  # fmt: skip
