"""The vikar budgets of the municipality file (`vikar_budgets`, keyed by year): the year's budget, the rate of
a vikar week and what is spent (TILSYN-COVER). Called from duties/tilsyn/file_section.py."""

from decimal import Decimal
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.duties.tilsyn.budget import queries, rules
from legetjeneste.duties.tilsyn.budget.models import VikarBudget
from legetjeneste.duties.tilsyn.budget.schemas import VikarBudgetIn
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes

KEYS = {
    "vikar_budgets": Annotated[
        list[VikarBudgetIn],
        Field(
            description="Årets vikarbudsjett for kommunale leger, ukesats for vikar og forbruk (vikaruker og "
            "kostnad; uten kostnad: uker × ukesats) (TILSYN-COVER); nøkkel: year"
        ),
    ],
}


def apply(session: Session, parsed: ParsedFile, changes: Changes) -> list[Problem]:
    number, problems = parsed.number, []
    for index, item in parsed.items["vikar_budgets"]:
        lines = [(s.weeks, s.cost) for s in item.spent]
        found = rules.unpriced(lines, week_rate=item.week_rate, prefix=f"vikar_budgets[{index}].spent")
        if found:
            problems += found
            continue
        row = queries.budget(session, municipality_number=number, year=item.year)
        values = {
            "amount": item.amount,
            "week_rate": item.week_rate,
            "source": item.source,
            "spent": item.model_dump(mode="json")["spent"],
        }
        same = row is not None and all(getattr(row, k) == v for k, v in values.items())
        if row is None:
            row = VikarBudget(municipality_number=number, year=item.year)
            session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        changes.count("vikar_budget", existed=same or row.id is not None, same=same)
    return problems


def _spent(rows: list) -> list:
    def line(r: dict) -> dict:
        found = {"text": r["text"], "weeks": Decimal(str(r["weeks"]))}
        return found if r.get("cost") is None else {**found, "cost": Decimal(str(r["cost"]))}

    return [line(r) for r in rows]


def export(session: Session, *, municipality_number: str) -> list[dict]:
    found = []
    for b in queries.budgets(session, municipality_number=municipality_number):
        item = {"year": b.year, "amount": b.amount, "source": b.source, "spent": _spent(b.spent)}
        found.append(item if b.week_rate is None else {**item, "week_rate": b.week_rate})
    return found
