"""DUTY-* and TILSYN-* rules as pure functions, on both sides of each limit, and their dated parameters."""

from datetime import date
from decimal import Decimal as D

import pytest

from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.duties import rules
from legetjeneste.duties.tilsyn import rules as tilsyn
from legetjeneste.duties.tilsyn.cover import rules as cover
from legetjeneste.errors import RuleViolation

FULL = dict(max_hours=D("7.5"), full_time_opening=D(28))


def order(**changes):
    values = dict(
        announced_on=date(2026, 11, 16),
        informed_on=date(2026, 11, 20),
        notified_on=date(2026, 12, 4),
        first_day=date(2027, 1, 1),
        notice_days=28,
        order_hours=D("2"),
        orderable=D("3"),
        exempt=None,
    )
    rules.check_order(**(values | changes))


def test_the_cap_is_seven_and_a_half_hours_from_28_opening_hours_and_pro_rata_below_duty_cap():
    assert rules.pro_rata_cap(opening_hours=D(28), **FULL) == D("7.5")
    assert rules.pro_rata_cap(opening_hours=D("37.5"), **FULL) == D("7.5")
    assert rules.pro_rata_cap(opening_hours=D(27), **FULL) == D("7.23")
    assert rules.pro_rata_cap(opening_hours=D(21), **FULL) == D("5.63")
    assert rules.pro_rata_cap(opening_hours=D(14), **FULL) == D("3.75")


def test_opening_hours_are_summed_from_the_agreements_weekday_spans_duty_cap():
    week = {day: "08:00-15:30" for day in ("monday", "tuesday", "wednesday", "thursday", "friday")}
    assert rules.opening_hours_per_week(week) == D("37.5")
    assert rules.opening_hours_per_week({"monday": "08:00-11:00, 12:00-16:00"}) == D(7)


def test_supervising_lis1_and_alis_is_deducted_and_medical_students_are_not_duty_supervision_deduct():
    held = [rules.Held("lis1_supervision", D(3)), rules.Held("student_supervision", D(2))]
    found = rules.standing(held=held, opening_hours=D("37.5"), exempt=None, **FULL)
    assert (found.remaining_cap, found.orderable, found.beside) == (D("4.5"), D("4.5"), D(2))
    alis = rules.standing(
        held=[rules.Held("alis_supervision", D("7.5"))], opening_hours=D(40), exempt=None, **FULL
    )
    assert alis.orderable == 0
    assert [line.rule_id for line in found.lines] == ["DUTY-CAP", "DUTY-SUPERVISION-DEDUCT"]


def test_samfunnsmedisin_and_praksiskonsulent_give_the_same_deduction_duty_samfunnsmed():
    held = [rules.Held("samfunnsmedisin", D(2)), rules.Held("praksiskonsulent", D("1.5"))]
    found = rules.standing(held=held, opening_hours=D(30), exempt=None, **FULL)
    assert found.orderable == D(4)
    assert {d.rule_id for d in found.deductions} == {"DUTY-SAMFUNNSMED", "DUTY-PRAKSISKONSULENT"}


def test_legevakt_is_shown_beside_and_never_counted_and_voluntary_hours_are_never_refused_duty_cap():
    held = [
        rules.Held("legevakt", D(14)),
        rules.Held("tilsyn", D("11.25")),
        rules.Held("fengsel", D(1), "ordered"),
    ]
    found = rules.standing(held=held, opening_hours=D("37.5"), exempt=None, **FULL)
    assert (found.beside, found.voluntary, found.ordered, found.orderable) == (D(14), D("11.25"), D(1), D(0))
    assert found.voluntary_within_cap == D("6.5")


def test_state_work_over_15_hours_and_the_1984_arrangement_exempt_from_orders_duty_exempt():
    limit = D(15)
    assert rules.exemption(state_work_hours=D(15), transition_1984=False, state_limit=limit) is None
    assert "statlig legearbeid" in rules.exemption(
        state_work_hours=D("15.25"), transition_1984=False, state_limit=limit
    )
    assert "1984" in rules.exemption(state_work_hours=D(0), transition_1984=True, state_limit=limit)
    found = rules.standing(held=[], opening_hours=D(40), exempt="personlig overgangsordning fra 1984", **FULL)
    assert found.orderable == 0 and found.lines[-1].rule_id == "DUTY-EXEMPT"
    with pytest.raises(RuleViolation) as refused:
        order(exempt="personlig overgangsordning fra 1984")
    assert refused.value.rule_id == "DUTY-EXEMPT"


def test_an_order_is_refused_unless_announced_and_the_gps_informed_first_duty_voluntary():
    for missing in ({"announced_on": None}, {"informed_on": None}, {"informed_on": date(2026, 12, 5)}):
        with pytest.raises(RuleViolation) as refused:
            order(**missing)
        assert refused.value.rule_id == "DUTY-VOLUNTARY"
    order(informed_on=date(2026, 12, 4))


def test_an_order_notified_21_days_ahead_is_refused_and_28_days_ahead_accepted_duty_voluntary():
    with pytest.raises(RuleViolation) as refused:
        order(notified_on=date(2026, 12, 4), first_day=date(2026, 12, 25))
    assert refused.value.rule_id == "DUTY-VOLUNTARY" and "minst 28 dager" in refused.value.message
    with pytest.raises(RuleViolation):
        order(notified_on=date(2026, 12, 4), first_day=date(2026, 12, 31))
    order(notified_on=date(2026, 12, 4), first_day=date(2027, 1, 1))


def test_an_order_beyond_what_may_be_ordered_is_refused_and_exactly_that_much_accepted_duty_cap():
    with pytest.raises(RuleViolation) as refused:
        order(order_hours=D("3.01"), orderable=D(3))
    assert refused.value.rule_id == "DUTY-CAP" and "«Timer per uke»" in refused.value.message
    order(order_hours=D(3), orderable=D(3))


def test_an_uneven_order_warns_with_the_equal_share_and_an_even_one_does_not_duty_equal_share():
    share = rules.equal_share(total_hours=D("7.5"), gps=4)
    assert share == D("1.88")
    assert rules.uneven_warning(load_after=D("2.13"), share=share, name="A") is None
    warning = rules.uneven_warning(load_after=D("2.14"), share=share, name="A")
    assert (
        warning.rule_id == "DUTY-EQUAL-SHARE"
        and warning.severity == "warning"
        and "1,88 t" in warning.message
    )


def test_the_proportional_list_reduction_is_listetak_times_post_hours_over_37_5_duty_list_reduction():
    assert rules.list_reduction(listetak=1000, post_hours=D("7.5"), full_time_hours=D("37.5")) == 200
    assert rules.list_reduction(listetak=850, post_hours=D("1.87"), full_time_hours=D("37.5")) == 42


def test_a_percentage_post_converts_at_37_5_hours_for_100_percent():
    assert rules.hours_of_percentage(D(10), full_time_hours=D("37.5")) == D("3.75")
    assert rules.hours_of_percentage(D(20), full_time_hours=D("37.5")) == D("7.5")


def test_place_and_weekdays_are_required_duty_place_time():
    assert rules.place_time_problems(place="Solina", weekdays=["monday"]) == []
    found = rules.place_time_problems(place=" ", weekdays=[])
    assert [(p.path, p.rule_id) for p in found] == [
        ("place", "DUTY-PLACE-TIME"),
        ("weekdays", "DUTY-PLACE-TIME"),
    ]


def test_the_duty_numbers_are_dated_parameters_with_sources_on_both_sides_of_their_dates():
    assert D(parameters.value("duties/max_order_hours_per_week", on=date(2025, 12, 31))) == D("7.5")
    assert (
        "FOR-2012-08-29-842"
        in parameters.parameter("duties/max_order_hours_per_week").entry_on(date(2025, 12, 31)).source
    )
    assert (
        "FOR-2025-12-02-2405"
        in parameters.parameter("duties/max_order_hours_per_week").entry_on(date(2026, 1, 1)).source
    )
    for name in (
        "max_order_hours_per_week",
        "full_time_opening_hours",
        "full_time_hours_per_week",
        "order_notice_days",
        "state_work_exempt_hours",
    ):
        with pytest.raises(ParameterNotInForce):
            parameters.value(f"duties/{name}", on=date(2012, 12, 31))
        assert parameters.value(f"duties/{name}", on=date(2013, 1, 1)) is not None


def test_the_norm_in_force_is_the_latest_and_a_unit_without_one_counts_in_planned_only_tilsyn_norm():
    norms = [(date(2020, 1, 1), D(18), "A"), (date(2027, 1, 1), D(20), "B")]
    assert tilsyn.norm_on(norms, date(2026, 12, 31)) == (D(18), "A")
    assert tilsyn.norm_on(norms, date(2027, 1, 1)) == (D(20), "B")
    assert tilsyn.norm_on(norms, date(2019, 12, 31)) is None
    found = tilsyn.totals([(D(20), D(18)), (D(10), D("13.5")), (D(2), None)])
    assert (found.planned, found.planned_with_norm, found.norm, found.difference) == (
        D(32),
        D(30),
        D("31.5"),
        D("-1.5"),
    )
    assert found.share == D("95.2")


def test_units_needing_daily_follow_up_are_ohd_korttid_and_lindrende_tilsyn_bed_types():
    assert [
        tilsyn.needs_daily_follow_up(t) for t in ("ohd_rehab", "korttid", "lindrende", "langtid", "demens")
    ] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_legevakt_covers_130_of_168_hours_tilsyn_lv_share():
    assert tilsyn.legevakt_share(D(130)) == D("77.4")


def test_planned_hours_of_an_absent_tilsynslege_stand_uncovered_and_warn_without_a_substitute_tilsyn_cover():
    planned = [cover.Planned(1, "monday", D(4), 7), cover.Planned(2, "monday", D("7.5"), 8)]
    away = {7: [(date(2027, 1, 4), date(2027, 1, 12))]}
    found = cover.uncovered(
        planned,
        away=away,
        first=date(2027, 1, 1),
        last=date(2027, 1, 31),
        substitutes={(1, date(2027, 1, 11)): "Vikar Vefsn"},
        daily_units=frozenset({1}),
    )
    assert [(u.day, u.hours, u.substitute, u.warns) for u in found] == [
        (date(2027, 1, 4), D(4), None, True),
        (date(2027, 1, 11), D(4), "Vikar Vefsn", False),
    ]
