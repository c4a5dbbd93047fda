"""LV-WISH: the participants' wishes are soft — met when a doctor is free, never against a hard rule, each
doctor's wishes weighing the same in total, and never bending fairness beyond one shift."""

from datetime import date, time, timedelta

from legetjeneste.rostering.constraints import SOFT, wish_costs
from legetjeneste.rostering.explain import explain
from legetjeneste.rostering.problem import COUNTERS, Problem, Request, ShiftTemplate, Unavailable, Weights
from legetjeneste.rostering.scenarios import at
from legetjeneste.rostering.shifts import shifts_for

from .helpers import doctor, solved

TUESDAY = date(2027, 9, 7)
TUESDAYS = ShiftTemplate("tirsdag", "Tirsdagsvakt", time(15, 30), time(22, 0), weekdays=(1,))
WISHES = {k: SOFT[k] for k in ("vacancy", "fairness", "requests")}


def tuesdays(n: int) -> list[date]:
    return [TUESDAY + timedelta(weeks=week) for week in range(n)]


def tuesday_shifts(n: int):
    return shifts_for((TUESDAYS,), TUESDAY, tuesdays(n)[-1])


def test_a_wish_for_a_day_off_is_met_when_another_doctor_is_free_lv_wish():
    problem = Problem(tuesday_shifts(2), (doctor("1"), doctor("2")), requests=(Request("1", TUESDAY, "off"),))
    solution = solved(problem, soft=WISHES)
    assert solution.assignments[f"{TUESDAY}/tirsdag"] == "2"
    assert solution.penalties["requests"] == 0
    [line] = [rule for rule in explain(problem, solution).rules if rule.rule == "requests"]
    assert (line.text, line.rule_id) == ("Ønsker: 1 av 1 oppfylt", "LV-WISH")


def test_a_wish_for_a_shift_is_not_met_when_it_would_break_an_exemption_lv_wish():
    exempt = Unavailable(at(TUESDAY), at(date(2028, 1, 1)), "Fritak: over 60 år", "LV-EXEMPT-RIGHT")
    problem = Problem(
        tuesday_shifts(1),
        (doctor("1", unavailable=(exempt,)), doctor("2")),
        requests=(Request("1", TUESDAY, "on"),),
    )
    solution = solved(problem, soft=WISHES)
    assert solution.assignments[f"{TUESDAY}/tirsdag"] == "2"
    assert solution.penalties["requests"] == problem.weights.request
    [line] = [rule for rule in explain(problem, solution).rules if rule.rule == "requests"]
    assert line.text == "Ønsker: 0 av 1 oppfylt"
    assert line.details == ("Lege 1 ønsket vakt tirsdag 7. september",)


def test_a_wish_for_a_day_off_never_leaves_a_shift_vacant_lv_wish():
    problem = Problem(tuesday_shifts(1), (doctor("1"),), requests=(Request("1", TUESDAY, "off"),))
    solution = solved(problem, soft=WISHES)
    assert solution.assignments[f"{TUESDAY}/tirsdag"] == "1"
    assert solution.vacant == ()


def test_all_of_a_doctors_wishes_weigh_the_same_whether_two_or_eight_lv_wish():
    requests = [Request("a", day, "off") for day in tuesdays(2)]
    requests += [Request("b", day, "off") for day in tuesdays(8)]
    costs = wish_costs(requests, 72)
    assert costs[:2] == [36, 36]
    assert costs[2:] == [9] * 8
    seven = wish_costs([Request("c", day, "off") for day in tuesdays(7)], 72)
    assert sum(seven) == 72 and set(seven) == {10, 11}


def test_the_doctor_with_fewer_wishes_gets_the_day_off_when_only_one_can_lv_wish():
    # Both want the first Tuesday off; «a» has two wishes, «b» eight: b's wish weighs a quarter of a's.
    requests = (Request("a", TUESDAY, "off"), Request("a", date(2027, 12, 1), "off"))
    requests += tuple(Request("b", day, "off") for day in tuesdays(8))
    problem = Problem(tuesday_shifts(1), (doctor("a"), doctor("b")), requests=requests)
    solution = solved(problem, soft={"vacancy": SOFT["vacancy"], "requests": SOFT["requests"]})
    assert solution.assignments[f"{TUESDAY}/tirsdag"] == "b"
    assert solution.penalties["requests"] == 9


def _outside(problem: Problem, solution) -> dict[tuple[str, str], int]:
    """How many shifts each doctor's count lies outside the fair range, per counter."""
    found = {}
    for line in explain(problem, solution).doctors:
        for count in line.counts:
            found[line.key, count.counter] = max(count.low - count.actual, count.actual - count.high, 0)
    return found


def test_a_doctor_wishing_every_day_off_still_gets_a_fair_share_within_one_shift_lv_wish():
    # Four Tuesdays for two equal doctors: two each is fair. Meeting all of 1's wishes would put both
    # doctors two shifts outside the fair range.
    problem = Problem(
        tuesday_shifts(4),
        (doctor("1"), doctor("2")),
        requests=tuple(Request("1", day, "off") for day in tuesdays(4)),
    )
    solution = solved(problem, soft=WISHES)
    assert max(_outside(problem, solution).values()) <= 1
    assert sum(1 for key in solution.assignments.values() if key == "1") >= 1
    # What holds it is the weight: wishes worth more than a second shift outside the range bend fairness.
    heavy = Problem(problem.shifts, problem.participants, problem.requests, weights=Weights(request=2000))
    assert max(_outside(heavy, solved(heavy, soft=WISHES)).values()) == 2


def test_one_doctors_wishes_weigh_less_than_a_second_shift_outside_the_fair_range_lv_wish():
    weights = Weights()
    assert all(weights.request < weights.fairness[c] * (1 + weights.fairness_excess) for c in COUNTERS)
