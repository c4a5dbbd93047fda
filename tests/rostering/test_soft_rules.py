"""Soft rules: fairness with the running balance, spread, requests and few changes when re-planning."""

from dataclasses import replace
from datetime import date, time

from legetjeneste.rostering.constraints import SOFT, fair_targets
from legetjeneste.rostering.problem import Problem, Request, ShiftTemplate, Unavailable, Weights
from legetjeneste.rostering.scenarios import at, vefsn

from .helpers import WEEKEND, doctor, shifts, solved

MONDAY = date(2027, 9, 6)
SPACED = ShiftTemplate("tirsdag", "Tirsdagsvakt", time(15, 30), time(22, 0), weekdays=(1,))


def test_fair_targets_are_in_proportion_to_participation_lv_duty():
    problem = Problem(shifts(MONDAY, date(2027, 9, 10)), (doctor("1"), doctor("2", participation=50)))
    targets = fair_targets(problem)
    assert round(targets["1", "weekday"], 6) == round(5 * 2 / 3, 6)
    assert round(targets["2", "weekday"], 6) == round(5 * 1 / 3, 6)


def test_the_shifts_of_a_doctor_on_holiday_are_shared_by_those_present_lv_duty():
    away = Unavailable(at(MONDAY), at(date(2027, 9, 8)), "Ferie", "HN")
    problem = Problem(shifts(MONDAY, date(2027, 9, 9)), (doctor("1", unavailable=(away,)), doctor("2")))
    targets = fair_targets(problem)
    # doctor 1 is away 6–7 September (the evening of the 7th runs until the 8th at 08:00) and shares the
    # shifts of the 8th and 9th with doctor 2, who has the 6th and 7th alone
    assert targets["1", "weekday"] == 1.0
    assert targets["2", "weekday"] == 3.0


def test_shifts_are_shared_evenly_between_equal_doctors_lv_duty():
    problem = Problem(shifts_for_tuesdays(4), (doctor("1"), doctor("2")))
    counts = count(solved(problem).assignments)
    assert counts == {"1": 2, "2": 2}


def test_a_doctor_with_more_shifts_earlier_this_year_gets_fewer_now_lv_duty():
    ahead = doctor("1", prior={"weekday": 6, "night": 0}, prior_expected={"weekday": 4.0})
    problem = Problem(
        shifts_for_tuesdays(4), (ahead, doctor("2", prior={"weekday": 4}, prior_expected={"weekday": 4.0}))
    )
    counts = count(solved(problem).assignments)
    assert counts == {"1": 1, "2": 3}


def test_without_the_fairness_rule_one_doctor_may_take_every_shift_lv_duty():
    problem = Problem(
        shifts_for_tuesdays(4),
        (doctor("1"), doctor("2")),
        requests=tuple(Request("1", day, "on") for day in tuesdays(4)),
        weights=Weights(request=30),
    )
    with_fairness = count(
        solved(problem, soft={k: SOFT[k] for k in ("vacancy", "fairness", "requests")}).assignments
    )
    without = count(solved(problem, soft={k: SOFT[k] for k in ("vacancy", "requests")}).assignments)
    assert without == {"1": 4}
    assert with_fairness == {"1": 2, "2": 2}


def test_nobody_works_two_weekends_in_a_row_when_it_can_be_avoided_lv_shifts_vefsn():
    saturday_only = replace(WEEKEND, weekdays=(5,))
    problem = Problem(shifts(date(2027, 9, 11), date(2027, 9, 18), saturday_only), (doctor("1"), doctor("2")))
    soft = {"vacancy": SOFT["vacancy"], "weekends_in_a_row": SOFT["weekends_in_a_row"]}
    solution = solved(problem, soft=soft)
    assert solution.assignments["2027-09-11/helg"] != solution.assignments["2027-09-18/helg"]
    assert solution.penalties["weekends_in_a_row"] == 0
    alone = solved(replace(problem, participants=(doctor("1"),)), soft=soft)
    assert [t.text for t in alone.terms if t.rule == "weekends_in_a_row"] == [
        "Lege 1: helg i uke 36 og uke 37"
    ]


def test_two_shifts_within_three_days_cost_a_spread_penalty_lv_shifts_vefsn():
    problem = Problem(shifts(MONDAY, date(2027, 9, 8)), (doctor("1"),))
    solution = solved(problem, soft={"vacancy": SOFT["vacancy"], "short_gaps": SOFT["short_gaps"]})
    # 6 and 8 September: no rest breach, but within three days
    assert solution.assignments["2027-09-07/hverdag"] is None
    assert solution.penalties["short_gaps"] == problem.weights.spread
    [term] = [term for term in solution.terms if term.rule == "short_gaps"]
    assert term.name == "short_gap[1,2027-09-06]"
    assert term.text == "Lege 1: 1 vakt for mye innen 3 dager fra mandag 6. september"


def test_a_request_for_a_day_off_is_met_when_another_doctor_can_take_the_shift():
    problem = Problem(shifts(MONDAY), (doctor("1"), doctor("2")), requests=(Request("1", MONDAY, "off"),))
    solution = solved(problem)
    assert solution.assignments[f"{MONDAY}/hverdag"] == "2"
    assert solution.penalties["requests"] == 0


def test_re_planning_after_an_exemption_changes_only_the_shifts_it_forces_to_change():
    problem = vefsn(date(2027, 9, 1), date(2027, 9, 30))
    first = solved(problem, time_limit=10)
    assert first.status == "optimal"
    exempt_doctor = problem.participants[2]
    mine = [shift_id for shift_id, key in first.assignments.items() if key == exempt_doctor.key]
    exempt_from = problem.shift(mine[len(mine) // 2]).day
    exemption = Unavailable(at(exempt_from), at(date(2028, 1, 1)), "Fritak: over 60 år", "LV-EXEMPT-RIGHT")
    participants = tuple(
        replace(p, unavailable=p.unavailable + (exemption,)) if p.key == exempt_doctor.key else p
        for p in problem.participants
    )
    replanned = solved(
        replace(problem, participants=participants, previous=dict(first.assignments)), time_limit=10
    )
    changed = {s for s, key in replanned.assignments.items() if first.assignments[s] != key}
    lost = {s for s in mine if problem.shift(s).day >= exempt_from or problem.shift(s).end > at(exempt_from)}
    assert lost <= changed
    assert len(changed) <= 2 * len(lost)
    assert replanned.penalties["changes"] == problem.weights.change * len(changed)


def tuesdays(n: int) -> list[date]:
    return [date(2027, 9, 7 + 7 * week) for week in range(n)]


def shifts_for_tuesdays(n: int):
    return shifts(date(2027, 9, 7), tuesdays(n)[-1], SPACED)


def count(assignments) -> dict[str, int]:
    found: dict[str, int] = {}
    for key in assignments.values():
        if key is not None:
            found[key] = found.get(key, 0) + 1
    return found
