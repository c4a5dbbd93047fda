"""DUTY-LIS1-AGREE: the term of an agreement to supervise a LIS1 (three years, renewals two) on both sides,
notice of six months that finishes supervision begun, the hours deducted from the duty, and the clocks in the
deadlines overview."""

from datetime import date
from decimal import Decimal as D

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.duties import service
from legetjeneste.duties.supervision import rules
from legetjeneste.duties.supervision import service as supervision_service
from legetjeneste.duties.supervision.schemas import SupervisionIn
from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle.deadlines import service as deadline_service
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo

YEARS = dict(min_years=3, renewal_min_years=2)


def test_a_new_agreement_runs_three_years_and_a_renewal_two_on_both_sides_duty_lis1_agree():
    rules.check_term(start=date(2025, 8, 1), term_end=date(2028, 7, 31), renewal=False, **YEARS)
    with pytest.raises(RuleViolation) as refused:
        rules.check_term(start=date(2025, 8, 1), term_end=date(2028, 7, 30), renewal=False, **YEARS)
    assert refused.value.rule_id == "DUTY-LIS1-AGREE" and "31. juli 2028" in refused.value.message
    rules.check_term(start=date(2028, 8, 1), term_end=date(2030, 7, 31), renewal=True, **YEARS)
    with pytest.raises(RuleViolation):
        rules.check_term(start=date(2028, 8, 1), term_end=date(2030, 7, 30), renewal=True, **YEARS)


def test_notice_ends_it_after_six_months_not_before_the_term_and_finishes_supervision_duty_lis1_agree():
    end = date(2028, 7, 31)
    assert (
        rules.end_after_notice(
            notice_on=date(2027, 12, 1), term_end=end, notice_months=6, supervision_until=None
        )
        == end
    )
    assert rules.end_after_notice(
        notice_on=date(2028, 6, 1), term_end=end, notice_months=6, supervision_until=None
    ) == date(2028, 12, 1)
    assert rules.end_after_notice(
        notice_on=date(2028, 6, 1), term_end=end, notice_months=6, supervision_until=date(2029, 2, 28)
    ) == date(2029, 2, 28)


def test_an_agreement_deducts_its_hours_and_its_clocks_join_the_deadlines_overview(open_session):
    import_demo(open_session())
    data = SupervisionIn(
        doctor="9182413",
        trainee_kind="lis1",
        trainee_name="Ny LIS1",
        start=date(2026, 9, 1),
        term_end=date(2029, 8, 31),
        notice_on=date(2026, 12, 1),
    )
    saved = supervision_service.save_agreement(
        open_session(), actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", data=data
    )
    assert (saved.hours_per_week, saved.ends_on) == (D(3), date(2029, 8, 31))
    gps = service.overview(open_session(), actor=SYSTEM, municipality_number="1824", on=date(2027, 1, 4)).gps
    fustvatn = next(g for g in gps if g.doctor_name == "Ole Fustvatn")
    assert (fustvatn.deductions, fustvatn.orderable) == (D(3), D("2.63"))
    overview = deadline_service.deadlines(
        open_session(), actor=SYSTEM, municipality_number="1824", on=date(2026, 12, 20)
    )
    found = {d.text: d for d in overview.deadlines if d.rule_id == "DUTY-LIS1-AGREE"}
    assert found["Avtaleperioden for veiledning av ALIS går ut 31. desember 2026"].status == "due_soon"
    assert "Avtalen om veiledning av LIS1 er sagt opp og opphører 31. august 2029" in found
