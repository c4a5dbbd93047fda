"""LV-COMPETENCE: each shift of a doctor who needs a bakvakt gets a proposed bakvakt who may work alone, is
free that day and works no overlapping shift; proposals are spread."""

import dataclasses
from datetime import date

from legetjeneste.rostering.explain import bakvakts
from legetjeneste.rostering.problem import Problem, Unavailable
from legetjeneste.rostering.scenarios import at
from tests.rostering.helpers import WEEKDAY, doctor, shifts

MONDAY = date(2027, 3, 1)


def test_a_lis1s_shifts_get_a_free_bakvakt_who_may_work_alone_spread_between_them():
    week = tuple(dataclasses.replace(s, has_bakvakt=True) for s in shifts(MONDAY, date(2027, 3, 4), WEEKDAY))
    away = Unavailable(at(MONDAY), at(date(2027, 3, 3)), "Ferie", "HN")
    problem = Problem(
        week,
        (
            doctor("1", "Lise LIS1", needs_bakvakt=True),
            doctor("2", "Anne Aasen", unavailable=(away,)),
            doctor("3", "Bjørn Berg"),
            doctor("4", "Cecilie Ek", needs_bakvakt=True),
        ),
    )
    ids = [s.id for s in week]
    assignments = {ids[0]: "1", ids[1]: "3", ids[2]: "1", ids[3]: "1"}
    found = bakvakts(problem, assignments)
    # Monday: Anne is away → Bjørn; Wednesday: Anne is back and has had none → Anne
    assert found == {ids[0]: "3", ids[2]: "2", ids[3]: "2"}  # a tie goes by name
    # with Bjørn away too on Monday nobody who may work alone is free: none is proposed (the page warns)
    both_away = dataclasses.replace(
        problem,
        participants=tuple(
            dataclasses.replace(p, unavailable=(away,)) if p.key == "3" else p for p in problem.participants
        ),
    )
    assert ids[0] not in bakvakts(both_away, assignments)
