"""PAY-* rules on the issue's worked examples and on both sides of every date and limit."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.payments.runs.inputs import due_date, rates_for
from legetjeneste.payments.runs.rules import adjustments, deductions, duty, grants
from legetjeneste.payments.runs.rules.deductions import DaySpan
from legetjeneste.payments.runs.rules.lines import Line, Payee

GP = Payee(1, "9182404", "Eirik Sandnesmo")
VIKAR = Payee(2, "9182416", "Stian Grubben")
MARCH = date(2026, 3, 1)


def monthly(list_length: int, month: date, pbt: Decimal | None = None) -> Decimal:
    rates = rates_for(month)
    annual, explained = grants.annual_amount(
        list_length=list_length, pbt_annual_amount=pbt, average_rate=rates.average_rate, tiers=rates.tiers
    )
    return grants.basistilskudd_line(
        agreement_id=1, payee=GP, month=month, list_length=list_length, annual=annual, explained=explained
    ).amount


def test_pay_monthly_1200_patients_at_the_average_rate_give_84180_in_march_2026():
    assert monthly(1200, MARCH) == Decimal("84180.00")


def test_pay_annual_the_average_rate_841_80_applies_from_july_2023_and_the_tiers_until_april_2023():
    assert monthly(1200, date(2023, 7, 1)) == Decimal("84180.00")
    assert monthly(1200, date(2023, 4, 1)) == Decimal("65316.67")
    assert rates_for(date(2023, 4, 1)).tiers == {"1-1000": Decimal("675"), "1001-2500": Decimal("544")}


def test_pay_annual_in_may_and_june_2023_only_helfos_pbt_figure_gives_a_rate():
    with pytest.raises(ValueError):
        monthly(1200, date(2023, 6, 1))
    assert monthly(1200, date(2023, 6, 1), pbt=Decimal("1020000.00")) == Decimal("85000.00")


def test_pay_annual_helfos_pbt_figure_replaces_the_average_rate_when_the_municipality_has_it():
    assert monthly(1200, MARCH, pbt=Decimal("960000")) == Decimal("80000.00")


def test_pay_monthly_the_due_date_is_the_12th():
    assert due_date(MARCH) == date(2026, 3, 12)


def test_abs_deduct_four_lost_days_in_march_cost_4_times_84180_divided_by_31():
    assert deductions.day_share(Decimal("84180.00"), days=4, days_in_month=31) == Decimal("10861.94")
    span = DaySpan(
        date(2026, 3, 17),
        date(2026, 3, 20),
        4,
        "lost",
        "ABS-SICK",
        "ASA 4310 § 13.4",
        "Dag 17 i sammenhengende sykdom, over 16",
    )
    [line] = deductions.absence_lines(
        agreement_id=1, payee=GP, monthly=Decimal("84180.00"), days_in_month=31, spans=[span]
    )
    assert (line.kind, line.amount, line.rule_id) == ("deduction", Decimal("-10861.94"), "ABS-SICK")
    assert line.text.startswith(
        "Trekk 17.–20. mars: Dag 17 i sammenhengende sykdom, over 16 (ABS-SICK, ASA 4310 § 13.4)"
    )


def test_abs_collegial_a_day_paid_to_the_municipalitys_vikar_is_taken_from_the_gp_and_given_to_the_vikar():
    span = DaySpan(MARCH, MARCH, 1, "vikar", "ABS-COLLEGIAL", "ASA 4310 § 14", "Fravær dag 57", VIKAR)
    lines = deductions.absence_lines(
        agreement_id=1, payee=GP, monthly=Decimal("84180.00"), days_in_month=31, spans=[span]
    )
    assert [(line.payee, line.kind, line.amount) for line in lines] == [
        (GP, "deduction", Decimal("-2715.48")),
        (VIKAR, "vikar_payment", Decimal("2715.48")),
    ]


def grunn(**changes):
    values = {
        "agreement_id": 1,
        "payee": GP,
        "listetak": 1000,
        "list_length": 300,
        "annual": Decimal(300) * Decimal("841.80"),
        "average_rate": Decimal("841.80"),
        "agreement_date": date(2025, 6, 1),
        "month": MARCH,
        "has_reached_minimum": False,
        "minimum": 500,
        "years": 2,
    }
    return grants.grunntilskudd_line(**{**values, **changes})


def test_pay_grunn_a_short_new_list_is_paid_as_for_500_patients():
    line = grunn()
    assert (line.amount, line.rule_id) == (Decimal("14030.00"), "PAY-GRUNN")


def test_pay_grunn_ends_two_years_after_the_agreement_date():
    assert grunn(month=date(2027, 5, 1)) is not None
    assert grunn(month=date(2027, 6, 1)) is None


def test_pay_grunn_not_for_a_listetak_under_500_nor_after_the_list_has_reached_500():
    assert grunn(listetak=499) is None
    assert grunn(listetak=500) is not None
    assert grunn(list_length=499) is not None and grunn(list_length=500) is None
    assert grunn(has_reached_minimum=True) is None


def test_pay_grunn_not_when_the_pbt_figure_already_pays_more_than_500_patients():
    assert grunn(annual=Decimal(500) * Decimal("841.80")) is None


def utjamn(inhabitants: int, agreements: int):
    return grants.utjamning_line(
        agreement_id=1,
        payee=GP,
        inhabitants=inhabitants,
        agreements=agreements,
        average_rate=Decimal("841.80"),
        max_inhabitants=5000,
        reference_list=1200,
    )


def test_pay_utjamn_a_small_municipality_with_short_lists_gets_the_rate_times_the_shortfall():
    line = utjamn(3000, 4)
    assert (line.amount, line.rule_id) == (Decimal("31567.50"), "PAY-UTJAMN")


def test_pay_utjamn_only_under_5000_inhabitants_and_an_average_list_under_1200():
    assert utjamn(4999, 5) is not None and utjamn(5000, 5) is None
    assert utjamn(4799, 4) is not None and utjamn(4800, 4) is None


def test_pay_duty_rate_1027_for_everyone_until_june_2024_then_1230_for_specialists_and_1075_for_others():
    before, after = rates_for(date(2024, 6, 1)).duty_rates, rates_for(date(2024, 7, 1)).duty_rates
    assert duty.duty_rate(before, "allmennmedisin") == duty.duty_rate(before, "alis") == Decimal("1027")
    assert duty.duty_rate(after, "allmennmedisin") == Decimal("1230")
    assert duty.duty_rate(after, "samfunnsmedisin") == Decimal("1230")
    assert duty.duty_rate(after, "alis") == Decimal("1075")
    line = duty.duty_line(
        payee=GP, kind="municipal_duty", hours=Decimal("10"), rate=Decimal("1230"), description="sykehjem"
    )
    assert (line.amount, line.rule_id) == (Decimal("12300.00"), "PAY-DUTY-RATE")


def test_pay_lis1_supervision_is_at_most_3_hours_a_week_paid_at_the_duty_rate():
    assert duty.max_lis1_hours(weekly_hours=3, days_in_month=31) == Decimal("13.29")
    line = duty.duty_line(
        payee=GP, kind="lis1_supervision", hours=Decimal("13"), rate=Decimal("1230"), description=""
    )
    assert (line.amount, line.rule_id) == (Decimal("15990.00"), "PAY-LIS1")


def test_pay_salaried_a_salaried_gp_gets_no_basistilskudd():
    line = grants.salaried_line(agreement_id=1, payee=GP)
    assert (line.amount, line.rule_id) == (Decimal("0.00"), "PAY-SALARIED")


def test_agr_breach_withholding_is_the_percentage_of_the_months_basistilskudd_and_is_paid_out_later():
    line = deductions.withholding_line(
        agreement_id=1,
        payee=GP,
        basistilskudd=Decimal("84180.00"),
        percentage=Decimal("20"),
        case_id=7,
        decided=date(2026, 2, 20),
    )
    assert (line.amount, line.rule_id) == (Decimal("-16836.00"), "AGR-BREACH")
    payout = deductions.payout_line(
        agreement_id=1, payee=GP, withheld=Decimal("33672.00"), case_id=7, rectified=date(2026, 4, 2)
    )
    assert payout.amount == Decimal("33672.00")


def test_a_correction_pays_the_difference_between_what_should_have_been_paid_and_what_was():
    should = [
        Line(1, GP, "basistilskudd", Decimal("84180.00"), "PAY-MONTHLY", "§ 8.1", "x"),
        Line(1, GP, "deduction", Decimal("-10861.94"), "ABS-SICK", "§ 13.4", "Trekk"),
    ]
    paid = {(1, "9182404", "basistilskudd", "PAY-MONTHLY"): Decimal("84180.00")}
    [line] = adjustments.adjustments(month=MARCH, should=should, paid=paid)
    assert (line.kind, line.amount, line.rule_id, line.refers_to_month) == (
        "adjustment",
        Decimal("-10861.94"),
        "ABS-SICK",
        MARCH,
    )
    assert line.text.startswith("Korreksjon for mars 2026 (ABS-SICK)")
    assert adjustments.adjustments(month=MARCH, should=should[:1], paid=paid) == []
