"""The year's vikar budget for municipal doctors against what is spent (TILSYN-COVER, VEFSN behov K) on
Vefsn's demo (SQLite and PostgreSQL): vikar weeks with a recorded cost or priced at the week rate the user
entered; a refused change writes nothing."""

from decimal import Decimal as D

import pytest

from legetjeneste.duties.tilsyn.budget import rules, service
from legetjeneste.duties.tilsyn.budget.schemas import BudgetSet, SpentAdd
from legetjeneste.errors import NotFound, ValidationFailed
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo

KOL = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def demo(open_session):
    import_demo(open_session())
    return open_session


def years(demo) -> dict:
    return {b.year: b for b in service.budgets(demo(), actor=KOL, municipality_number="1824")}


def test_vefsns_budgets_show_vikar_weeks_and_cost_against_500_000_a_year_tilsyn_cover(demo):
    found = years(demo)
    assert (found[2026].spent, found[2026].weeks, found[2026].left) == (D(364000), D(7), D(136000))
    assert [line.priced for line in found[2026].lines] == [False, False]
    june = found[2027]
    assert (june.week_rate, june.lines[0].cost, june.lines[0].priced) == (D(52000), D(104000), True)
    assert (june.spent, june.left, june.share) == (D(104000), D(396000), D("20.8"))


def test_spending_without_a_cost_is_priced_at_the_week_rate_and_may_overspend_the_budget(demo):
    service.add_spent(
        demo(),
        actor=KOL,
        municipality_number="1824",
        data=SpentAdd(year=2027, text="Vikar sommer", weeks=D("8.5")),
    )
    after = service.add_spent(
        demo(),
        actor=KOL,
        municipality_number="1824",
        data=SpentAdd(year=2027, text="Vikarbyrå høst", weeks=D(1), cost=D("61250.50")),
    )
    assert [line.cost for line in after.lines] == [D(104000), D(442000), D("61250.50")]
    assert (after.weeks, after.spent, after.left) == (D("11.5"), D("607250.50"), D("-107250.50"))


def test_spending_needs_a_cost_or_a_rate_and_a_years_budget_and_a_refusal_writes_nothing(demo):
    service.set_budget(
        demo(), actor=KOL, municipality_number="1824", data=BudgetSet(year=2028, amount=D(400000))
    )
    with pytest.raises(ValidationFailed) as refused:
        service.add_spent(
            demo(), actor=KOL, municipality_number="1824", data=SpentAdd(year=2028, text="Vikar", weeks=D(2))
        )
    assert [(p.path, p.rule_id) for p in refused.value.problems] == [("cost", "TILSYN-COVER")]
    with pytest.raises(ValidationFailed) as refused:
        service.add_spent(
            demo(), actor=KOL, municipality_number="1824", data=SpentAdd(year=2029, text="Vikar", weeks=D(2))
        )
    assert refused.value.problems[0].path == "year"
    with pytest.raises(ValidationFailed) as refused:
        service.set_budget(
            demo(), actor=KOL, municipality_number="1824", data=BudgetSet(year=2027, amount=D(600000))
        )
    assert refused.value.problems[0].path == "week_rate"
    found = years(demo)
    assert (found[2027].amount, found[2028].lines) == (D(500000), [])


def test_another_municipality_cannot_set_vefsns_budget(demo):
    with pytest.raises(NotFound):
        service.set_budget(
            demo(),
            actor=KRAGERO_KOMMUNEOVERLEGE,
            municipality_number="1824",
            data=BudgetSet(year=2027, amount=D(1)),
        )


def test_a_line_costs_its_recorded_cost_else_weeks_times_the_rate_rounded_to_ore_tilsyn_cover():
    assert rules.line_cost(weeks=D(2), cost=D(90000), week_rate=D(52000)) == D(90000)
    assert rules.line_cost(weeks=D("0.3"), cost=None, week_rate=D("51999.99")) == D("15600.00")
    assert rules.line_cost(weeks=D(2), cost=None, week_rate=None) is None
    found = rules.spending(amount=D(500000), lines=[(D(6), D(312000)), (D(1), D(52000))])
    assert (found.weeks, found.spent, found.left, found.share) == (D(7), D(364000), D(136000), D("72.8"))
    assert rules.spending(amount=D(0), lines=[]).share is None
