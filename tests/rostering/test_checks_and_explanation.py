"""`violations`, `candidates`, the explanation, the shortage analysis, determinism and the shift calendar."""

from datetime import date, time

from legetjeneste.rostering.explain import explain, infeasibility
from legetjeneste.rostering.problem import Problem, ShiftTemplate, Unavailable
from legetjeneste.rostering.scenarios import VEFSN_TEMPLATES, at, vefsn
from legetjeneste.rostering.shifts import shifts_for
from legetjeneste.rostering.solver import candidates, violations

from .helpers import WEEKEND, doctor, shifts, solved

MONDAY = date(2027, 9, 6)


def test_violations_name_the_rest_rule_for_two_weekend_days_in_a_row_lv_rest():
    problem = Problem(shifts(date(2027, 9, 11), date(2027, 9, 12), WEEKEND), (doctor("1"),))
    found = violations(problem, {"2027-09-11/helg": "1", "2027-09-12/helg": "1"})
    assert [(v.rule_id, v.shift_id, v.participant) for v in found] == [("LV-REST", "2027-09-12/helg", "1")]
    assert "minst 8 timer kreves (LV-REST)" in found[0].text


def test_violations_name_the_exemption_and_a_missing_shift():
    exempt = Unavailable(at(MONDAY), at(date(2028, 1, 1)), "Fritak: over 60 år", "LV-EXEMPT-RIGHT")
    problem = Problem(shifts(MONDAY, date(2027, 9, 7)), (doctor("1", "Kari Moe", unavailable=(exempt,)),))
    found = violations(problem, {"2027-09-06/hverdag": "1"})
    assert {(v.rule_id, v.shift_id) for v in found} == {
        ("LV-EXEMPT-RIGHT", "2027-09-06/hverdag"),
        ("LV-ALWAYS", "2027-09-07/hverdag"),
    }
    assert any(v.text == "Kari Moe: Fritak: over 60 år (LV-EXEMPT-RIGHT)" for v in found)


def test_a_vacant_shift_is_no_violation():
    problem = Problem(shifts(MONDAY), (doctor("1"),))
    assert violations(problem, {"2027-09-06/hverdag": None}) == []


def test_candidates_are_those_who_break_no_hard_rule_with_the_fewest_shifts_of_the_kind_first():
    exempt = Unavailable(at(MONDAY), at(date(2028, 1, 1)), "Fritak", "LV-EXEMPT-DISCRETION")
    problem = Problem(
        shifts(MONDAY, date(2027, 9, 13)),
        (
            doctor("a", "Anne"),
            doctor("b", "Bjørn"),
            doctor("c", "Cecilie"),
            doctor("x", unavailable=(exempt,)),
        ),
    )
    assignments = {shift.id: None for shift in problem.shifts}
    assignments |= {"2027-09-06/hverdag": "a", "2027-09-08/hverdag": "a", "2027-09-13/hverdag": "c"}
    ranked = candidates(problem, assignments, "2027-09-10/hverdag")
    assert [c.key for c in ranked] == ["b", "c", "a"]
    assert [c.count_of_kind for c in ranked] == [0, 1, 2]
    assert ranked[0].text == "Bjørn har 0 hverdagsvakter i vaktlisten"
    # Anne works 6 Sep 15:30 – 7 Sep 08:00: 7.5 h of rest before 7 Sep 15:30 is too little
    assert [c.key for c in candidates(problem, assignments, "2027-09-07/hverdag")] == ["b", "c"]


def test_the_explanation_says_which_night_has_too_few_doctors_and_why_lv_rest():
    july = date(2027, 7, 12)
    holiday = Unavailable(at(july), at(date(2027, 8, 1)), "Ferie", "HN")
    problem = Problem(
        shifts(july, date(2027, 7, 16), VEFSN_TEMPLATES[0]),
        (doctor("1", "Anne Aasen"), doctor("2", "Bjørn Berg", unavailable=(holiday,))),
    )
    solution = solved(problem)
    explanation = explain(problem, solution)
    assert len(solution.vacant) == 2
    why = "bare 1 lege uten fritak eller fravær (Anne Aasen), har vakt innen 8 timer (LV-REST)"
    assert [v.text for v in explanation.vacancies] == [
        f"Natt til 14. juli (uke 28): {why}",
        f"Natt til 16. juli (uke 28): {why}",
    ]
    [shortage] = explanation.shortages
    assert (shortage.week, shortage.shifts, shortage.capacity, shortage.missing) == (28, 5, 3, 2)
    assert shortage.text.startswith(
        "Uke 28 2027: 5 vakter, men legene uten fritak eller fravær kan ta høyst 3"
    )
    assert (
        explanation.summary == "2 av 5 vakter er ledige; minst 2 av dem kan ingen vaktliste unngå (LV-ALWAYS)"
    )


def test_the_shortage_analysis_names_a_night_nobody_can_take():
    monday = date(2027, 7, 12)
    everyone_away = Unavailable(at(monday), at(date(2027, 7, 13)), "Ferie", "HN")
    problem = Problem(
        shifts(monday, monday, VEFSN_TEMPLATES[0]), (doctor("1", unavailable=(everyone_away,)),)
    )
    [shortage] = infeasibility(problem)
    assert shortage.uncovered == ("2027-07-12/hverdag",)
    assert shortage.text.endswith("ingen lege kan ta natt til 13. juli (uke 28)")


def test_the_explanation_shows_counts_against_fair_targets_and_summer_frequency():
    problem = vefsn(date(2027, 7, 1), date(2027, 8, 31))
    solution = solved(problem, time_limit=10)
    explanation = explain(problem, solution)
    line = explanation.doctors[0]
    weekday = next(c for c in line.counts if c.counter == "weekday")
    assert weekday.low <= weekday.target <= weekday.high
    summer = next(f for f in line.frequencies if f.counter == "weekday" and f.season == "sommer")
    assert summer.target_every == 6
    # what the doctor gets in summer, against what the doubled frequency gives on the days they can work
    assert summer.text.startswith(f"Sommer: {summer.shifts} hverdagsvakt")
    expected = f"{summer.available_days / 6:.1f}".replace(".", ",")
    assert f"på {summer.available_days} hverdager" in summer.text
    assert f"ordningen gir hver 6. hverdag, om lag {expected} vakter" in summer.text
    assert {rule.rule_id for rule in explanation.rules} >= {"LV-ALWAYS", "LV-DUTY", "LV-SHIFTS-VEFSN"}


def test_the_same_seed_with_one_worker_gives_the_same_roster():
    problem = vefsn(date(2027, 9, 1), date(2027, 9, 30))
    first = solved(problem, time_limit=10)
    second = solved(problem, time_limit=10)
    assert first.status == "optimal"
    assert first.assignments == second.assignments
    assert first.objective == second.objective


def test_public_holidays_get_weekend_shifts_and_their_own_category():
    shifts = shifts_for(VEFSN_TEMPLATES, date(2027, 5, 16), date(2027, 5, 18))
    assert [(s.id, s.category) for s in shifts] == [
        ("2027-05-16/helg", "holiday"),  # 1st day of Pentecost (a Sunday)
        ("2027-05-17/helg", "holiday"),  # Grunnlovsdag and 2nd day of Pentecost, a Monday
        ("2027-05-18/hverdag", "weekday"),
    ]


def test_a_24_hour_shift_over_the_change_to_winter_time_lasts_25_hours():
    [shift] = shifts_for(VEFSN_TEMPLATES, date(2027, 10, 30), date(2027, 10, 30))
    assert shift.hours == 25
    assert shift.is_night


def test_an_afternoon_shift_is_no_night_shift():
    afternoon = ShiftTemplate("ettermiddag", "Ettermiddag", time(15, 30), time(22, 0))
    [shift] = shifts_for((afternoon,), MONDAY, MONDAY)
    assert not shift.is_night
