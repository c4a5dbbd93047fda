"""Tiny roster problems for verifier-style tests: each one small enough that one rule decides the answer."""

from datetime import date, time

from legetjeneste.rostering.constraints import SOFT
from legetjeneste.rostering.problem import Participant, Problem, Request, ShiftTemplate
from legetjeneste.rostering.shifts import shifts_for
from legetjeneste.rostering.solver import solve

WEEKDAY = ShiftTemplate("hverdag", "Hverdagsvakt", time(15, 30), time(8, 0), "weekday")
WEEKEND = ShiftTemplate("helg", "Helgevakt", time(9, 0), time(9, 0), "weekend")
DAYTIME = ShiftTemplate("dag", "Dagvakt", time(8, 0), time(15, 0), "weekday")

ONLY_VACANCY = {"vacancy": SOFT["vacancy"]}
VACANCY_AND_REQUESTS = {"vacancy": SOFT["vacancy"], "requests": SOFT["requests"]}


def shifts(first: date, last: date | None = None, *templates: ShiftTemplate):
    return shifts_for(templates or (WEEKDAY, WEEKEND), first, last or first)


def doctor(key: str, name: str | None = None, **fields) -> Participant:
    return Participant(key=key, name=name or f"Lege {key}", **fields)


def wants(key: str, day: date, template: str | None = None) -> Request:
    return Request(participant=key, day=day, wants="on", template=template)


def solved(problem: Problem, **options):
    options.setdefault("time_limit", 5)
    return solve(problem, seed=0, workers=1, **options)
