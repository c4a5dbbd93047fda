"""Use cases of the vikar budget for municipal doctors (TILSYN-COVER): the year's budget and the rate of a
vikar week set, spending recorded in vikar weeks with their cost (or priced at the rate), and each year's
budget against what is spent."""

from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.duties.tilsyn.budget import queries, rules
from legetjeneste.duties.tilsyn.budget.models import VikarBudget
from legetjeneste.duties.tilsyn.budget.schemas import BudgetRead, BudgetSet, SpentAdd, SpentLineRead
from legetjeneste.errors import Problem, ValidationFailed


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def budget_read(row: VikarBudget) -> BudgetRead:
    """TILSYN-COVER — the budget against what is spent; a line without a recorded cost is priced at the week
    rate (and counts nothing while there is no rate)."""
    lines = []
    for item in row.spent:
        weeks = Decimal(str(item["weeks"]))
        recorded = _decimal(item.get("cost"))
        cost = rules.line_cost(weeks=weeks, cost=recorded, week_rate=row.week_rate)
        lines.append(
            SpentLineRead(text=item["text"], weeks=weeks, cost=cost or Decimal(0), priced=recorded is None)
        )
    found = rules.spending(amount=row.amount, lines=[(line.weeks, line.cost) for line in lines])
    return BudgetRead(
        year=row.year,
        amount=row.amount,
        week_rate=row.week_rate,
        spent=found.spent,
        weeks=found.weeks,
        left=found.left,
        share=found.share,
        source=row.source,
        lines=lines,
    )


def year_budget(session: Session, *, municipality_number: str, year: int) -> BudgetRead | None:
    """The year's budget against what is spent, in the caller's transaction."""
    row = queries.budget(session, municipality_number=municipality_number, year=year)
    return None if row is None else budget_read(row)


def budgets(session: Session, *, actor: Actor, municipality_number: str) -> list[BudgetRead]:
    """TILSYN-COVER — every year's vikar budget against what is spent, oldest first."""
    auth_service.require(actor, "duties.read")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [budget_read(b) for b in queries.budgets(session, municipality_number=municipality_number)]


def _audit(session: Session, actor: Actor, row: VikarBudget, action: str) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="tilsyn_vikar_budget",
        record_ids=[row.id],
        municipality_number=row.municipality_number,
    )


def set_budget(session: Session, *, actor: Actor, municipality_number: str, data: BudgetSet) -> BudgetRead:
    """TILSYN-COVER — the year's vikar budget for municipal doctors and the rate of a vikar week; what is
    spent stays. Lines recorded without a cost need a rate to be priced."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        row = queries.budget(session, municipality_number=municipality_number, year=data.year)
        existed = row is not None
        if row is None:
            row = VikarBudget(municipality_number=municipality_number, year=data.year, spent=[])
            session.add(row)
        row.amount, row.week_rate, row.source = data.amount, data.week_rate, data.source
        lines = [(Decimal(str(s["weeks"])), _decimal(s.get("cost"))) for s in row.spent]
        if rules.unpriced(lines, week_rate=data.week_rate):
            raise ValidationFailed(
                [Problem("week_rate", "noe av forbruket er registrert uten kostnad og trenger en ukesats")]
            )
        session.flush()
        _audit(session, actor, row, "update" if existed else "create")
        return budget_read(row)


def add_spent(session: Session, *, actor: Actor, municipality_number: str, data: SpentAdd) -> BudgetRead:
    """TILSYN-COVER — what is spent on vikar for municipal doctors: vikar weeks and their cost, or weeks
    priced at the year's week rate."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        row = queries.budget(session, municipality_number=municipality_number, year=data.year)
        if row is None:
            raise ValidationFailed([Problem("year", f"sett vikarbudsjettet for {data.year} først")])
        if rules.line_cost(weeks=data.weeks, cost=data.cost, week_rate=row.week_rate) is None:
            raise ValidationFailed(
                [Problem("cost", "oppgi kostnaden, eller sett en ukesats for vikar", rules.BUDGET.id)]
            )
        line = {
            "text": data.text,
            "weeks": str(data.weeks),
            "cost": None if data.cost is None else str(data.cost),
        }
        row.spent = [*row.spent, line]
        session.flush()
        _audit(session, actor, row, "update")
        return budget_read(row)
