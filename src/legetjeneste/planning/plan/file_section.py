"""The `plans` section of the municipality file: each plan keyed by its code and replaced whole; a plan the
file leaves unchanged is not written again (and gets no new version)."""

from datetime import date
from typing import Annotated

from pydantic import Field
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Problem
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.municipality_file.sections import Changes
from legetjeneste.planning.plan import queries, rules
from legetjeneste.planning.plan.schemas import PlanIn, plan_in

KEYS = {
    "plans": Annotated[
        list[PlanIn],
        Field(description="Planen for legetjenesten med mål, behov og tiltak (PLAN-*); nøkkel: code"),
    ],
}


def _plan_problems(plan: PlanIn, prefix: str) -> list[Problem]:
    problems: list[Problem] = []
    areas = {a.title for a in plan.mandate_areas}
    goals = {g.number for g in plan.goals}
    for i, area in enumerate(plan.mandate_areas):
        for goal in area.goals:
            if goal not in goals:
                problems.append(
                    Problem(
                        f"{prefix}mandate_areas[{i}].goals",
                        f"styringsmål {goal} finnes ikke i planen",
                        rules.PLAN_DUTY.id,
                    )
                )
    letters: set[str] = set()
    for i, need in enumerate(plan.needs):
        where = f"{prefix}needs[{i}]."
        if need.letter in letters:
            problems.append(
                Problem(f"{where}letter", f"behov {need.letter} står to ganger", rules.PLAN_DUTY.id)
            )
        letters.add(need.letter)
        if need.mandate_area and need.mandate_area not in areas:
            problems.append(
                Problem(
                    f"{where}mandate_area",
                    f"mandatområdet «{need.mandate_area}» finnes ikke",
                    rules.PLAN_DUTY.id,
                )
            )
        for j, m in enumerate(need.measures):
            problems += rules.measure_problems(
                funding=m.funding,
                status=m.status,
                progress=m.progress,
                first_year=m.first_year,
                last_year=m.last_year,
                yearly_cost=m.yearly_cost,
                one_off_cost=m.one_off_cost,
                priorities=m.priorities,
                prefix=f"{where}measures[{j}].",
            )
    return problems


def check(session: Session, parsed: ParsedFile, *, today: date) -> list[Problem]:
    problems: list[Problem] = []
    codes: set[str] = set()
    for index, plan in parsed.items["plans"]:
        prefix = f"plans[{index}]."
        if plan.code in codes:
            problems.append(Problem(f"{prefix}code", f"planen «{plan.code}» står to ganger i filen"))
        codes.add(plan.code)
        problems += _plan_problems(plan, prefix)
    return problems


def apply(session: Session, parsed: ParsedFile, changes: Changes, *, actor: Actor) -> list[Problem]:
    for _, data in parsed.items["plans"]:
        existing = queries.plan_by_code(session, municipality_number=parsed.number, code=data.code)
        if existing is not None and plan_in(existing) == data:
            changes.count("plan", same=True)
            continue
        queries.write_plan(session, existing, municipality_number=parsed.number, data=data)
        changes.count("plan", existed=existing is not None)
    return []


def export(session: Session, *, municipality_number: str) -> dict:
    return {
        "plans": [
            plan_in(p).model_dump(mode="json", exclude_defaults=True)
            for p in reversed(queries.plans(session, municipality_number=municipality_number))
        ]
    }
