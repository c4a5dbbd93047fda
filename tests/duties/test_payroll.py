"""PAY-DUTY-RATE and PAY-LIS1 for duties: hourly-paid assignments bring their month's hours into the payment
run through its own use case; posts (PAY-DUTY-POST) and legevakt do not."""

from datetime import date
from decimal import Decimal as D

from legetjeneste.duties.payroll import rules
from legetjeneste.duties.payroll import service as payroll_service
from legetjeneste.payments.hours import queries as payment_hours_queries
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo


def test_only_hourly_paid_duties_go_to_the_run_pay_duty_rate_pay_duty_post():
    assert rules.is_paid_by_the_hour(kind="fengsel", pay_form="hourly")
    assert not rules.is_paid_by_the_hour(kind="fengsel", pay_form="post")
    assert not rules.is_paid_by_the_hour(kind="legevakt", pay_form="hourly")
    assert (rules.payment_kind("lis1_supervision"), rules.payment_kind("tilsyn")) == (
        "lis1_supervision",
        "municipal_duty",
    )


def test_a_months_hours_are_the_weekly_hours_for_the_days_the_duty_runs_pay_duty_rate():
    february = date(2027, 2, 1)
    assert rules.month_hours(weekly=D("7.5"), start=date(2026, 1, 1), end=None, month=february) == D("30.00")
    assert rules.month_hours(weekly=D("7.5"), start=date(2027, 2, 15), end=None, month=february) == D("15.00")
    assert (
        rules.month_hours(weekly=D("7.5"), start=date(2027, 1, 1), end=date(2027, 1, 31), month=february) == 0
    )


def test_sending_a_month_registers_the_hourly_paid_duties_in_the_payment_run_twice_the_same(open_session):
    import_demo(open_session())
    for _ in range(2):
        sent = payroll_service.send_month(
            open_session(), actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", month=date(2027, 2, 1)
        )
    assert [(h.doctor_name, h.kind, h.hours) for h in sent.hours] == [
        ("Lars Drevja", "municipal_duty", D("30.00"))
    ]
    [row] = payment_hours_queries.month_hours(open_session(), "1824", date(2027, 2, 1))
    assert (row.doctor.full_name, row.kind, row.hours) == ("Lars Drevja", "municipal_duty", D("30.00"))
    assert row.description.startswith("Fra kommunale oppgaver")
