"""The plan's pure rules: cost totals beside the stated figure (PLAN-COST-TOTAL), priority series with ties
and gaps (PLAN-PRIORITY-SERIES), the revision clock (PLAN-REVISION) and a measure's checks (PLAN-DUTY)."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.errors import Problem
from legetjeneste.planning.plan import rules


def test_plan_cost_total_sums_recurring_costs_by_funding_and_leaves_the_own_budget_out_of_the_total():
    totals = rules.cost_totals(
        [
            rules.MeasureCost(Decimal(430000), None, "okonomiplan"),
            rules.MeasureCost(Decimal(795000), None, "eget_budsjett_okonomiplan"),
            rules.MeasureCost(Decimal(100000), Decimal(100000), "eget_budsjett"),
            rules.MeasureCost(None, Decimal(300000), "okonomiplan"),
        ],
        stated_yearly=Decimal(1000000),
        stated_one_off=Decimal(300000),
    )
    assert totals.yearly_by_funding == {
        "okonomiplan": 430000,
        "eget_budsjett_okonomiplan": 795000,
        "eget_budsjett": 100000,
    }
    assert (totals.computed_yearly, totals.yearly_difference) == (Decimal(1225000), Decimal(225000))
    assert (totals.computed_one_off, totals.one_off_difference) == (Decimal(300000), Decimal(0))


def test_plan_cost_total_keeps_the_stated_figure_as_it_is_and_has_no_difference_without_one():
    totals = rules.cost_totals(
        [rules.MeasureCost(Decimal(5), None, "okonomiplan")], stated_yearly=None, stated_one_off=Decimal(7)
    )
    assert totals.stated_yearly is None and totals.yearly_difference is None and totals.stated_one_off == 7


def test_priority_series_order_keeps_ties_side_by_side_gaps_and_unranked_last():
    order = rules.series_order({1: 9, 2: 8, 3: None, 4: 8, 5: 11})
    assert order == [(2, 8), (4, 8), (1, 9), (5, 11), (3, None)]


def test_moving_a_measure_up_pushes_those_it_passes_one_step_down_and_keeps_the_gap_and_tie_elsewhere():
    ranks = {"a": 1, "b": 2, "c": 8, "d": 8, "e": 9, "f": 11}
    assert rules.reorder(ranks, "f", 2) == {"a": 1, "b": 3, "c": 9, "d": 9, "e": 10, "f": 2}


def test_moving_a_measure_down_pulls_those_it_passes_one_step_up():
    ranks = {"a": 1, "b": 2, "c": 3, "d": 5}
    assert rules.reorder(ranks, "a", 3) == {"a": 3, "b": 1, "c": 2, "d": 5}


def test_ranking_an_unranked_measure_pushes_those_at_and_after_the_place_down():
    assert rules.reorder({"a": 1, "b": 2, "c": None}, "c", 2) == {"a": 1, "b": 3, "c": 2}


def test_reorder_refuses_a_rank_below_one_and_a_measure_outside_the_series():
    with pytest.raises(ValueError):
        rules.reorder({"a": 1}, "a", 0)
    with pytest.raises(KeyError):
        rules.reorder({"a": 1}, "b", 1)


def test_plan_revision_is_overdue_the_day_after_the_due_date_and_due_soon_in_its_last_30_days():
    due = date(2024, 12, 31)
    assert rules.revision_status(due, date(2024, 12, 1)) == "due_soon"
    assert rules.revision_status(due, date(2024, 11, 30)) == "running"
    assert rules.revision_status(due, due) == "due_soon"
    assert rules.revision_status(due, date(2025, 1, 1)) == "overdue"
    assert rules.revision_start(due) == date(2024, 1, 1)


def test_a_measure_with_unknown_funding_negative_cost_backward_period_or_bad_rank_is_refused_by_field():
    problems = rules.measure_problems(
        funding="lotto",
        status="planned",
        progress=120,
        first_year=2025,
        last_year=2020,
        yearly_cost=Decimal(-1),
        one_off_cost=None,
        priorities={"okonomiplan": 0, "tull": 1},
    )
    assert {p.path for p in problems} == {"funding", "progress", "last_year", "yearly_cost", "priorities"}
    assert all(p.rule_id for p in problems)


def test_removing_a_measure_that_held_its_place_alone_moves_the_ones_after_it_up_one_step():
    assert rules.remove_from_series({1: 1, 2: 2, 3: 3, 4: None}, 2) == {1: 1, 3: 2, 4: None}


def test_removing_a_measure_from_a_shared_place_keeps_every_rank_tie_and_gap():
    assert rules.remove_from_series({1: 2, 2: 2, 3: 5, 4: None}, 2) == {1: 2, 3: 5, 4: None}
    assert rules.remove_from_series({1: 1, 2: None, 3: 4}, 2) == {1: 1, 3: 4}


def test_a_measure_changed_in_the_plan_says_what_is_done_under_a_need_the_plan_has():
    problems = rules.measure_problems(
        funding="okonomiplan", status="planned", progress=0, first_year=None, last_year=None,
        yearly_cost=None, one_off_cost=None, priorities={}, text=" ", need="Ø", needs=["A", "B"],
    )  # fmt: skip
    assert {(p.path, p.rule_id) for p in problems} == {("text", "PLAN-DUTY"), ("need", "PLAN-DUTY")}


def test_a_new_need_has_a_letter_of_its_own_a_title_and_a_known_mandate_area():
    problems = rules.need_problems(
        letter="A", title="", letters=["A", "B"], mandate_area="Månen", areas=["Legevakt"]
    )
    assert [(p.path, p.rule_id) for p in problems] == [
        ("letter", "PLAN-DUTY"),
        ("title", "PLAN-DUTY"),
        ("mandate_area", "PLAN-DUTY"),
    ]
    assert rules.need_problems(letter="AB", title="Ny", letters=["A"], mandate_area=None, areas=[]) == []


def test_a_problem_found_before_the_rules_gets_the_rule_of_its_field():
    problems = rules.cited(
        [
            Problem("yearly_cost", "«x» må være et beløp"),
            Problem("rank", "må være minst 1"),
            Problem("first_year", "må være et heltall"),
            Problem("status", "ukjent", "PLAN-DUTY"),
        ]
    )
    assert [p.rule_id for p in problems] == [
        "PLAN-COST-TOTAL",
        "PLAN-PRIORITY-SERIES",
        "PLAN-DUTY",
        "PLAN-DUTY",
    ]


def test_the_plan_goes_to_the_su_not_the_alu_and_each_version_once():
    assert rules.su_sending_problem(version=2, to_su=True, sent_to="", sent_on=None) is None
    assert "allmennlegeutvalget" in rules.su_sending_problem(version=2, to_su=False, sent_to="", sent_on=None)
    again = rules.su_sending_problem(version=2, to_su=True, sent_to="SU", sent_on=date(2026, 12, 4))
    assert again is not None and "Versjon 2 er alt sendt til SU" in again
