"""JSON API of the vikar budget for municipal doctors (TILSYN-COVER) under /api/v1: each year's budget against
what is spent, the year's budget set, spending added. Each endpoint is one service call."""

from fastapi import APIRouter

from legetjeneste.duties.tilsyn.budget import service
from legetjeneste.duties.tilsyn.budget.schemas import BudgetRead, BudgetSet, SpentAdd
from legetjeneste.web.deps import ActorDep, SessionDep

router = APIRouter(prefix="/api/v1", tags=["duties"])
BUDGETS = "/municipalities/{number}/vikar-budgets"


@router.get(BUDGETS, response_model=list[BudgetRead])
def budgets(number: str, session: SessionDep, actor: ActorDep):
    """Each year's vikar budget for municipal doctors against what is spent (weeks and cost)."""
    return service.budgets(session, actor=actor, municipality_number=number)


@router.put(BUDGETS, response_model=BudgetRead)
def set_budget(number: str, data: BudgetSet, session: SessionDep, actor: ActorDep):
    """The year's budget and the rate of a vikar week, by year; what is spent stays."""
    return service.set_budget(session, actor=actor, municipality_number=number, data=data)


@router.post(BUDGETS + "/spent", response_model=BudgetRead, status_code=201)
def add_spent(number: str, data: SpentAdd, session: SessionDep, actor: ActorDep):
    """Vikar weeks spent with their cost (left out: weeks × the year's week rate)."""
    return service.add_spent(session, actor=actor, municipality_number=number, data=data)
