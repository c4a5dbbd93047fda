"""The statistics' pure rules (STAT-*): legevakt use per 1 000 per day, consultations, vacancy share, legevakt
cost, workload, ALIS cost, the quality indicators and the fee-code CSV."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.agreement import parameters
from legetjeneste.planning.statistics import rules


def test_stat_lv_vefsn_6701_contacts_for_13400_inhabitants_is_1_37_per_1000_per_day():
    assert rules.legevakt_rate(6701, 13400, 2019) == Decimal("1.37")
    assert rules.legevakt_rate(6701, 13400, 2020) == Decimal("1.37")  # 366 days
    assert rules.legevakt_rate(None, 13400, 2019) is None and rules.legevakt_rate(10, 0, 2019) is None


def test_stat_lv_consultations_per_inhabitant_is_2_78_for_37252_consultations():
    assert rules.per_inhabitant(37252, 13400) == Decimal("2.78")
    assert rules.per_inhabitant(None, 13400) is None


def test_stat_lv_vacancy_is_a_share_of_the_years_shifts_and_missing_without_them():
    assert rules.vacancy_share(20, 365) == Decimal("5.5")
    assert rules.vacancy_share(20, None) is None and rules.vacancy_share(None, 365) is None


def test_stat_lv_cost_5_of_17_5_million_is_28_6_percent_and_per_inhabitant_and_contact():
    cost = rules.legevakt_cost(Decimal(5000000), inhabitants=13400, contacts=6701, budget=Decimal(17500000))
    assert (cost.per_inhabitant, cost.per_contact, cost.share_of_budget) == (
        Decimal(373),
        Decimal(746),
        Decimal("28.6"),
    )
    assert rules.legevakt_cost(None, inhabitants=1, contacts=1, budget=None).share_of_budget is None


def test_stat_workload_55_6_hours_down_to_45_needs_23_6_percent_more_gps():
    reference = parameters.value("planning/gp_reference_workload", on=date(2026, 1, 1))
    assert (reference["mean"], reference["with_legevakt"], reference["respondents"]) == (55.6, 63.4, 1879)
    assert rules.extra_gps_share(Decimal("55.6"), Decimal(45)) == Decimal("23.6")


def test_stat_alis_cost_is_the_sum_of_its_four_line_items_184800():
    lines = parameters.value("planning/alis_cost", on=date(2026, 1, 1))
    assert set(lines) == {"veiledning", "supervisjon", "gruppeveiledning", "administrasjon"}
    assert rules.alis_cost(lines) == Decimal(184800)


def test_the_planning_parameters_are_not_in_force_before_their_first_date():
    assert parameters.value("planning/legevakt_benchmark", on=date(2020, 1, 1)) == 0.9
    assert parameters.value("planning/alis_listetak", on=date(2020, 1, 1)) == 800
    with pytest.raises(parameters.ParameterNotInForce):
        parameters.value("planning/legevakt_benchmark", on=date(2019, 12, 31))


def test_stat_qi_an_unreported_indicator_is_never_met():
    assert rules.quality_status(None) == "not_reported"
    assert rules.quality_status("bogus") == "not_reported"
    assert rules.quality_status("met") == "met"


def test_stat_qi_met_needs_evidence_and_a_date_in_or_after_the_year():
    problems = rules.quality_problems(
        indicator="ros_analysis", status="met", evidence=" ", reported_on=None, year=2025
    )
    assert {p.path for p in problems} == {"evidence", "reported_on"}
    early = rules.quality_problems(
        indicator="ros_analysis", status="not_met", evidence="x", reported_on=date(2024, 12, 31), year=2025
    )
    assert [p.path for p in early] == ["reported_on"]
    assert (
        rules.quality_problems(
            indicator="ros_analysis", status="not_reported", evidence="", reported_on=None, year=2025
        )
        == []
    )
    assert [
        p.path
        for p in rules.quality_problems(indicator="x", status="y", evidence="", reported_on=None, year=2025)
    ] == ["indicator", "status"]


def test_the_fee_codes_group_the_named_codes_and_sum_the_other_1_codes_without_11ad_and_1f():
    groups = rules.fee_code_groups({"2ad": 5, "11ad": 3, "1ad": 10, "1bd": 4, "1f": 2})
    assert groups == {"2ad": 5, "11ad": 3, "1f": 2, "2ld": 0, "2ae": 0, "1-takstene": 14}


def test_the_fee_code_csv_reads_semicolons_and_lists_every_bad_row_by_line():
    items, problems = rules.parse_fee_code_csv(
        "aar;organisasjonsnummer;takst;antall\n2025;991 000 011;2ad;9 950\n2025;991000011;11ad;tre\n"
    )
    assert items == [("991000011", 2025, "2ad", 9950)]
    assert [p.path for p in problems] == ["rad 3"]
    assert (
        rules.parse_fee_code_csv("aar,takst\n")[1][0].message
        == "Kolonne mangler: organisasjonsnummer, antall"
    )
