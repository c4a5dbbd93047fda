"""The example schemes solve as the issue asks, progress is reported, kept shifts stay kept."""

from datetime import date

import pytest

from legetjeneste.errors import RuleViolation, ValidationFailed
from legetjeneste.rostering.explain import explain
from legetjeneste.rostering.problem import Problem, Request, Unavailable
from legetjeneste.rostering.scenarios import GKL, KLS, at, kragero, vefsn
from legetjeneste.rostering.solver import solve, violations

from .helpers import doctor, shifts, solved


def test_the_vefsn_half_year_is_solved_to_proven_optimality_without_vacancies():
    problem = vefsn()
    solution = solve(problem, time_limit=20, seed=0, workers=1)
    assert solution.status == "optimal"
    assert solution.vacant == ()
    assert violations(problem, solution.assignments) == []
    lis1 = problem.participants[-1]
    assert lis1.needs_bakvakt
    assert all(problem.shift(s).has_bakvakt for s, key in solution.assignments.items() if key == lis1.key)
    explanation = explain(problem, solution)
    assert explanation.summary == f"Alle {len(problem.shifts)} vakter er dekket"
    assert all(
        count.fair for line in explanation.doctors for count in line.counts if count.counter != "night"
    )


def test_progress_starts_with_the_greedy_roster_and_ends_with_the_answer():
    problem = vefsn(date(2027, 9, 1), date(2027, 9, 30))
    steps = []
    solution = solve(problem, time_limit=10, seed=0, workers=1, on_progress=steps.append)
    assert steps[0].solutions == 0
    assert [step.objective for step in steps] == sorted((step.objective for step in steps), reverse=True)
    assert steps[-1].objective == solution.objective


def test_progress_carries_the_best_roster_so_far_and_every_such_roster_keeps_the_hard_rules():
    problem = vefsn(date(2027, 9, 1), date(2027, 9, 30))
    steps = []
    solve(problem, time_limit=10, seed=0, workers=1, on_progress=steps.append)
    rosters = [step.assignments for step in steps if step.assignments is not None]
    assert rosters and steps[0].assignments is not None
    assert all(set(roster) == {shift.id for shift in problem.shifts} for roster in rosters)
    assert all(violations(problem, roster) == [] for roster in rosters)


def test_a_fixed_assignment_is_kept_even_against_fairness():
    problem = Problem(
        shifts(date(2027, 9, 6), date(2027, 9, 10)),
        (doctor("1"), doctor("2")),
        fixed={"2027-09-06/hverdag": "2", "2027-09-08/hverdag": "2", "2027-09-10/hverdag": "2"},
    )
    solution = solved(problem)
    assert [solution.assignments[f"2027-09-{day:02d}/hverdag"] for day in (6, 8, 10)] == ["2", "2", "2"]


def test_a_fixed_assignment_that_breaks_an_exemption_is_refused_with_a_norwegian_message():
    exempt = Unavailable(at(date(2027, 9, 6)), at(date(2028, 1, 1)), "Fritak", "LV-EXEMPT-RIGHT")
    problem = Problem(
        shifts(date(2027, 9, 6)), (doctor("1", unavailable=(exempt,)),), fixed={"2027-09-06/hverdag": "1"}
    )
    with pytest.raises(RuleViolation, match="skal beholdes med lege 1") as refused:
        solved(problem)
    assert refused.value.rule_id == "LV-EXEMPT-RIGHT"
    assert refused.value.citation == "FLF § 33"


def test_bad_input_is_refused_with_every_problem_named_in_norwegian():
    bad = Problem(
        shifts(date(2027, 9, 6)),
        (doctor("1", participation=120), doctor("1")),
        requests=(Request("9", date(2027, 9, 6), "off"),),
        previous={"2027-09-07/hverdag": "1"},
    )
    with pytest.raises(ValidationFailed) as refused:
        solved(bad)
    assert [str(p) for p in refused.value.problems] == [
        "participants: Legen 1 er med flere ganger",
        "participants.1.participation: Deltakelsen må være mellom 0 og 100 % (LV-DUTY)",
        "requests.0: Ønsket gjelder en ukjent lege (9)",
        "previous.2027-09-07/hverdag: Ukjent vakt",
    ]


def test_kragero_nodnett_office_days_hold_and_three_gkl_doctors_share_its_days_when_four_are_exempt():
    before, after = kragero(exempted=0), kragero(exempted=4)
    for problem in (before, after):
        solution = solve(problem, time_limit=10, seed=0, workers=1)
        assert solution.status == "optimal"
        assert solution.vacant == ()
        offices = {p.key: p.office_id for p in problem.participants}
        for shift_id, key in solution.assignments.items():
            shift = problem.shift(shift_id)
            assert offices[key] == (KLS if shift.day.weekday() < 2 else GKL)
    gkl_shifts = sum(1 for s in after.shifts if s.office_id == GKL)
    solution = solve(after, time_limit=10, seed=0, workers=1)
    counts = {}
    for key in solution.assignments.values():
        counts[key] = counts.get(key, 0) + 1
    gkl = [p.key for p in after.participants if p.office_id == GKL and not p.unavailable]
    assert len(gkl) == 3
    assert sorted(counts[key] for key in gkl) in (
        [gkl_shifts // 3] * 3,
        sorted([gkl_shifts // 3 + 1] * (gkl_shifts % 3) + [gkl_shifts // 3] * (3 - gkl_shifts % 3)),
    )
