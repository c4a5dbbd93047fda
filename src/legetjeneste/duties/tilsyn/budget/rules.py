"""The vikar budget for municipal doctors as pure functions (TILSYN-COVER, VEFSN 8.1–8.3, behov K): what a
line of spending costs, and the year's budget against what is spent."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from legetjeneste.errors import Problem, Rule
from legetjeneste.money import to_ore

BUDGET = Rule("TILSYN-COVER", "VEFSN 8.1–8.3, behov K")


def line_cost(*, weeks: Decimal, cost: Decimal | None, week_rate: Decimal | None) -> Decimal | None:
    """TILSYN-COVER — a line's cost: the recorded cost, else vikar weeks × the week rate the user entered
    (rounded to øre); None when there is neither."""
    if cost is not None:
        return cost
    if week_rate is None:
        return None
    return to_ore(weeks * week_rate)


def unpriced(
    lines: Sequence[tuple[Decimal, Decimal | None]], *, week_rate: Decimal | None, prefix: str = ""
) -> list[Problem]:
    """TILSYN-COVER — the lines (weeks, cost) that have no cost and no week rate to price them."""
    return [
        Problem(f"{prefix}[{index}].cost", "oppgi kostnaden, eller sett en ukesats for vikar", BUDGET.id)
        for index, (weeks, cost) in enumerate(lines)
        if line_cost(weeks=weeks, cost=cost, week_rate=week_rate) is None
    ]


@dataclass(frozen=True)
class Spending:
    weeks: Decimal
    spent: Decimal
    left: Decimal
    share: Decimal | None


def spending(*, amount: Decimal, lines: Sequence[tuple[Decimal, Decimal]]) -> Spending:
    """TILSYN-COVER — the year's budget against what is spent: vikar weeks and cost (lines of weeks and
    cost), what is left (negative: overspent) and the share of the budget used, in per cent."""
    weeks = sum((w for w, _ in lines), Decimal(0))
    spent = sum((c for _, c in lines), Decimal(0))
    share = (spent / amount * 100).quantize(Decimal("0.1"), ROUND_HALF_UP) if amount else None
    return Spending(weeks, spent, amount - spent, share)
