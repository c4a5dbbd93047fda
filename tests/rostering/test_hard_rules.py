"""Verifier-style tests: a tiny problem per hard rule where that rule alone decides the answer, and the
answer changes when the rule is taken out of the registry."""

from datetime import date, time

from legetjeneste.rostering.constraints import HARD
from legetjeneste.rostering.problem import Problem, ShiftTemplate, Unavailable
from legetjeneste.rostering.scenarios import at

from .helpers import VACANCY_AND_REQUESTS, WEEKEND, doctor, shifts, solved, wants

MONDAY = date(2027, 9, 6)
SATURDAY = date(2027, 9, 11)


def without(name: str):
    return {key: rule for key, rule in HARD.items() if key != name}


def test_a_shift_gets_exactly_one_doctor_even_when_two_ask_for_it_lv_always():
    problem = Problem(
        shifts(MONDAY), (doctor("1"), doctor("2")), requests=(wants("1", MONDAY), wants("2", MONDAY))
    )
    solution = solved(problem, soft=VACANCY_AND_REQUESTS)
    assert solution.status == "optimal"
    assert solution.assignments[f"{MONDAY}/hverdag"] in {"1", "2"}
    assert solution.penalties["requests"] == problem.weights.request
    assert solved(problem, soft=VACANCY_AND_REQUESTS, hard=without("cover")).penalties["requests"] == 0


def test_a_shift_nobody_may_take_is_vacant_and_costs_the_vacancy_penalty_lv_always():
    absent = Unavailable(at(MONDAY), at(date(2027, 9, 8)), "Sykmeldt", "HN")
    problem = Problem(shifts(MONDAY), (doctor("1", unavailable=(absent,)),))
    solution = solved(problem)
    assert solution.assignments == {f"{MONDAY}/hverdag": None}
    assert solution.vacant == (f"{MONDAY}/hverdag",)
    assert solution.penalties["vacancy"] == problem.weights.vacancy
    assert solution.objective == problem.weights.vacancy


def test_a_doctor_with_an_exemption_gets_no_shift_even_when_asking_for_it_lv_exempt_right():
    exempt = Unavailable(at(MONDAY), at(date(2028, 1, 1)), "Fritak: over 60 år", "LV-EXEMPT-RIGHT")
    problem = Problem(
        shifts(MONDAY), (doctor("1", unavailable=(exempt,)), doctor("2")), requests=(wants("1", MONDAY),)
    )
    assert solved(problem, soft=VACANCY_AND_REQUESTS).assignments[f"{MONDAY}/hverdag"] == "2"
    assert (
        solved(problem, soft=VACANCY_AND_REQUESTS, hard=without("unavailable")).assignments[
            f"{MONDAY}/hverdag"
        ]
        == "1"
    )


def test_a_doctor_exempt_from_a_date_mid_period_has_no_shift_from_that_date_lv_exempt_right():
    birthday = date(2027, 9, 8)
    exempt = Unavailable(at(birthday), at(date(2028, 1, 1)), "Fritak: over 60 år", "LV-EXEMPT-RIGHT")
    problem = Problem(
        shifts(MONDAY, date(2027, 9, 10)),
        (doctor("1", unavailable=(exempt,)), doctor("2"), doctor("3")),
        requests=tuple(wants("1", day) for day in (MONDAY, date(2027, 9, 7), birthday, date(2027, 9, 9))),
    )
    assignments = solved(problem, soft=VACANCY_AND_REQUESTS).assignments
    assert assignments["2027-09-06/hverdag"] == "1"
    # the evening before the birthday runs into it (15:30–08:00), so it is blocked too
    assert assignments["2027-09-07/hverdag"] != "1"
    assert assignments["2027-09-08/hverdag"] != "1"
    assert assignments["2027-09-09/hverdag"] != "1"
    assert assignments["2027-09-10/hverdag"] != "1"


def test_a_partial_exemption_from_nights_blocks_night_shifts_only_lv_exempt_discretion():
    day = ShiftTemplate("dag", "Dagvakt", time(8, 0), time(15, 0))
    no_nights = Unavailable(
        at(MONDAY), at(date(2028, 1, 1)), "Fritak: ikke natt", "LV-EXEMPT-DISCRETION", True
    )
    problem = Problem(
        shifts(MONDAY, MONDAY, day) + shifts(date(2027, 9, 7)),
        (doctor("1", unavailable=(no_nights,)), doctor("2")),
        requests=(wants("1", MONDAY), wants("1", date(2027, 9, 7))),
    )
    assignments = solved(problem, soft=VACANCY_AND_REQUESTS).assignments
    assert assignments["2027-09-06/dag"] == "1"
    assert assignments["2027-09-07/hverdag"] == "2"


def test_a_doctor_who_needs_a_bakvakt_works_only_shifts_with_one_lv_competence():
    with_bakvakt = ShiftTemplate("helg", "Helgevakt", time(9, 0), time(9, 0), "weekend", has_bakvakt=True)
    problem = Problem(
        shifts(date(2027, 9, 10)) + shifts(SATURDAY, SATURDAY, with_bakvakt),
        (doctor("lis", needs_bakvakt=True), doctor("2")),
        requests=(wants("lis", date(2027, 9, 10)), wants("lis", SATURDAY)),
    )
    assignments = solved(problem, soft=VACANCY_AND_REQUESTS).assignments
    assert assignments["2027-09-10/hverdag"] == "2"
    assert assignments["2027-09-11/helg"] == "lis"
    assert (
        solved(problem, soft=VACANCY_AND_REQUESTS, hard=without("competence")).assignments[
            "2027-09-10/hverdag"
        ]
        == "lis"
    )


def test_a_nodnett_shift_goes_to_the_office_that_has_the_weekday_nn_office_days():
    nodnett = ShiftTemplate(
        "nodnett", "Nødnett dag", time(8, 0), time(15, 30), office_days={0: 1, 1: 1, 2: 2, 3: 2, 4: 2}
    )
    problem = Problem(
        shifts(MONDAY, date(2027, 9, 8), nodnett),
        (doctor("a", office_id=1), doctor("b", office_id=2)),
        requests=tuple(wants("b", day) for day in (MONDAY, date(2027, 9, 7), date(2027, 9, 8))),
    )
    assignments = solved(problem, soft=VACANCY_AND_REQUESTS).assignments
    assert assignments == {"2027-09-06/nodnett": "a", "2027-09-07/nodnett": "a", "2027-09-08/nodnett": "b"}
    assert (
        solved(problem, soft=VACANCY_AND_REQUESTS, hard=without("office_days")).assignments[
            "2027-09-06/nodnett"
        ]
        == "b"
    )


def test_a_24_hour_weekend_shift_followed_next_morning_by_another_breaks_the_rest_rule_lv_rest():
    problem = Problem(shifts(SATURDAY, date(2027, 9, 12), WEEKEND), (doctor("1"),))
    solution = solved(problem)
    assert sorted(solution.assignments.values(), key=str) == ["1", None]
    assert len(solution.vacant) == 1
    assert solved(problem, hard=without("rest")).vacant == ()


def test_eight_hours_of_rest_is_enough_and_seven_and_a_half_is_not_lv_rest():
    evening = ShiftTemplate("kveld", "Kveld", time(15, 0), time(23, 0))
    early = ShiftTemplate("tidlig", "Tidlig", time(7, 0), time(14, 0))
    too_early = ShiftTemplate("for-tidlig", "For tidlig", time(6, 30), time(14, 0))
    tuesday = date(2027, 9, 7)
    enough = Problem(shifts(MONDAY, MONDAY, evening) + shifts(tuesday, tuesday, early), (doctor("1"),))
    short = Problem(shifts(MONDAY, MONDAY, evening) + shifts(tuesday, tuesday, too_early), (doctor("1"),))
    assert solved(enough).vacant == ()
    assert len(solved(short).vacant) == 1


def test_an_exemption_that_ends_at_midnight_leaves_that_days_evening_shift_free_lv_exempt_discretion():
    ends = date(2027, 9, 8)
    exempt = Unavailable(at(MONDAY), at(ends), "Fritak: helsegrunner", "LV-EXEMPT-DISCRETION")
    problem = Problem(
        shifts(date(2027, 9, 7), ends),
        (doctor("1", unavailable=(exempt,)), doctor("2")),
        requests=(wants("1", date(2027, 9, 7)), wants("1", ends)),
    )
    assignments = solved(problem, soft=VACANCY_AND_REQUESTS).assignments
    assert assignments == {"2027-09-07/hverdag": "2", "2027-09-08/hverdag": "1"}
