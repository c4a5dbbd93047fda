from datetime import date

from legetjeneste.dates import Period
from legetjeneste.registry import rules


def test_a_listetak_of_2500_is_allowed_and_2501_is_refused_agr_listetak():
    assert rules.listetak_problems(2500, max_listetak=2500, min_listetak=500) == []
    [problem] = rules.listetak_problems(2501, max_listetak=2500, min_listetak=500)
    assert (problem.rule_id, problem.severity) == ("AGR-LISTETAK", "error")
    assert problem.message == "2501 er over maksimum 2500"


def test_a_listetak_below_500_is_a_warning_not_a_refusal_agr_listetak():
    [problem] = rules.listetak_problems(499, max_listetak=2500, min_listetak=500)
    assert (problem.rule_id, problem.severity) == ("AGR-LISTETAK", "warning")
    assert rules.listetak_problems(500, max_listetak=2500, min_listetak=500) == []


def test_a_listetak_of_zero_is_refused_agr_listetak():
    [problem] = rules.listetak_problems(0, max_listetak=2500, min_listetak=500)
    assert problem.severity == "error"


def test_an_open_list_below_its_listetak_has_the_difference_as_open_places_agr_open():
    assert rules.open_places(listetak=950, list_length=920, list_status="open") == 30
    assert rules.is_open(listetak=950, list_length=920, list_status="open")


def test_a_closed_list_or_a_full_list_has_no_open_places_agr_open():
    assert rules.open_places(listetak=950, list_length=920, list_status="closed") == 0
    assert rules.open_places(listetak=1000, list_length=1032, list_status="open") == 0
    assert not rules.is_open(listetak=1000, list_length=1000, list_status="open")


def test_a_list_whose_regular_period_has_ended_is_without_a_gp_even_with_a_vikar_agr_open():
    periods = [
        ("regular", Period(date(2015, 1, 1), date(2026, 6, 30))),
        ("vikar", Period(date(2026, 7, 1), date(2026, 12, 31))),
    ]
    assert rules.has_regular_doctor(periods, on=date(2026, 6, 30))
    assert not rules.has_regular_doctor(periods, on=date(2026, 7, 1))


def test_overlapping_regular_periods_are_found_but_a_vikar_beside_the_regular_doctor_is_fine():
    periods = [
        ("regular", Period(date(2020, 1, 1))),
        ("vikar", Period(date(2026, 5, 1))),
        ("regular", Period(date(2026, 1, 1), date(2026, 12, 31))),
    ]
    assert rules.overlapping_regular_periods(periods) == [(0, 2)]


def test_an_organisation_number_needs_its_check_digit_and_a_first_digit_of_8_or_9():
    assert rules.is_valid_organisation_number("991000011")
    assert not rules.is_valid_organisation_number("991000012")
    assert not rules.is_valid_organisation_number("123456785")
    assert not rules.is_valid_organisation_number("99100001")


def test_an_hpr_number_is_up_to_nine_digits():
    assert rules.is_valid_hpr_number("9182401")
    assert not rules.is_valid_hpr_number("1234567890")
    assert not rules.is_valid_hpr_number("12a")
    assert not rules.is_valid_hpr_number("0")


LIMITS = rules.Limits(max_listetak=2500, min_listetak=500)


def test_an_agreement_refuses_a_listetak_over_2500_and_an_end_before_its_start_but_not_a_short_list():
    problems = rules.agreement_problems(
        listetak=2501, start=date(2027, 1, 1), end=date(2026, 12, 31), limits=LIMITS
    )
    assert [(p.path, p.rule_id) for p in problems] == [("listetak", "AGR-LISTETAK"), ("end", None)]
    assert rules.agreement_problems(listetak=400, start=date(2027, 1, 1), end=None, limits=LIMITS) == []


def test_a_regular_period_overlapping_another_regular_period_is_refused_naming_its_doctor():
    others = [(Period(date(2025, 1, 1), date(2026, 12, 31)), "Kari Fiktiv")]

    def problems(role: str, start: date) -> list:
        return rules.period_problems(role=role, start=start, end=None, regular_periods=others)

    [problem] = problems("regular", date(2026, 12, 1))
    assert problem.path == "start" and "Kari Fiktiv" in problem.message
    assert "én fastlege om gangen" in problem.message
    assert problems("regular", date(2027, 1, 1)) == []
    assert problems("vikar", date(2026, 12, 1)) == []


def test_a_period_ending_before_it_starts_is_refused_before_any_overlap():
    [problem] = rules.period_problems(
        role="regular", start=date(2027, 1, 2), end=date(2027, 1, 1), regular_periods=[]
    )
    assert (problem.path, problem.message) == ("end", "sluttdatoen er før startdatoen")
