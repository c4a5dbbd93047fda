"""The monthly run on the demo data: the worked example, drafts and approval, corrections, hours."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.absence import service as absence_service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import Conflict, Forbidden, NotFound, RuleViolation
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate
from legetjeneste.payments.runs import service
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import ListCountBase
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_APPROVER,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    import_demo,
)

MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)
EIRIK = "9182404"
KOL = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def demo(session):
    import_demo(session)
    agreement_service.put_list_count(
        session, actor=SYSTEM, agreement_id=182404, data=ListCountBase(month="2026-03", list_length=1200)
    )
    return session


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def sick(session, start=date(2026, 3, 1), end=date(2026, 3, 20), cover="none", vikar=None):
    absence_service.register_absence(
        session,
        actor=SYSTEM,
        data=AbsenceCreate(
            doctor_id=doctor_id(session, "9182404"),
            ground="own_sickness",
            start=start,
            end=end,
            cover=cover,
            vikar_doctor_id=vikar,
        ),
    )


def hours(session, hpr: str, amount: str, month="2026-03"):
    data = DutyHoursCreate(
        doctor_id=doctor_id(session, hpr), month=month, hours=Decimal(amount), description="Sykehjem"
    )
    duty_service.register_duty_hours(session, actor=KOL, data=data)


def lines_of(run, agreement: int) -> list[tuple[str, Decimal, str]]:
    return [(line.kind, line.amount, line.rule_id) for line in run.lines if line.agreement == agreement]


def compute(session, month=MARCH, actor=VEFSN_KOMMUNEOVERLEGE):
    return service.compute_run(session, actor=actor, municipality_number="1824", month=month)


def test_the_worked_example_1200_patients_give_84180_and_sickness_to_the_20th_costs_10861_94(demo):
    sick(demo)
    run = compute(demo)
    assert lines_of(run, 182404) == [
        ("basistilskudd", Decimal("84180.00"), "PAY-MONTHLY"),
        ("deduction", Decimal("-10861.94"), "ABS-SICK"),
    ]
    deduction = next(line for line in run.lines if line.kind == "deduction")
    assert "17.–20. mars" in deduction.text and "ASA 4310 § 13.4" in deduction.text


def test_with_the_gps_own_vikar_keeping_the_list_from_day_1_there_is_no_deduction(demo):
    sick(demo, cover="own_vikar", vikar=doctor_id(demo, "9182416"))
    assert lines_of(compute(demo), 182404) == [("basistilskudd", Decimal("84180.00"), "PAY-MONTHLY")]


def test_every_agreement_has_its_lines_salaried_ones_without_basistilskudd(demo):
    run = compute(demo)
    kinds = {line.agreement: line.kind for line in run.lines if line.kind in ("basistilskudd", "salaried")}
    assert [a for a, kind in kinds.items() if kind == "salaried"] == [182401, 182402, 182403, 182414, 182415]
    assert len([a for a, kind in kinds.items() if kind == "basistilskudd"]) == 10
    assert run.due_date == date(2026, 3, 12) and run.status == "draft"
    assert run.total == sum(line.amount for line in run.lines)


def test_computing_a_draft_again_gives_the_identical_lines(demo):
    first = compute(demo)
    second = compute(demo)
    assert [line.model_dump() for line in first.lines] == [line.model_dump() for line in second.lines]


def test_an_approved_run_cannot_be_computed_again_or_approved_twice(demo):
    compute(demo)
    approved = service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH)
    assert approved.status == "approved" and approved.approved_by == "okonomi@vefsn.example"
    with pytest.raises(Conflict) as caught:
        compute(demo)
    assert caught.value.rule_id == "PAY-MONTHLY" and "er godkjent og kan ikke endres" in caught.value.message
    with pytest.raises(Conflict):
        service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH)
    assert (
        service.get_run(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", month=MARCH).lines
        == approved.lines
    )


def test_a_draft_whose_grounds_changed_since_it_was_computed_is_not_approved(demo):
    compute(demo)
    sick(demo)
    with pytest.raises(Conflict) as caught:
        service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH)
    assert "Grunnlaget er endret" in caught.value.message


def test_an_absence_registered_after_march_was_approved_is_corrected_in_april(demo):
    compute(demo)
    service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH)
    sick(demo)
    april = compute(demo, month=APRIL)
    [correction] = [line for line in april.lines if line.kind == "adjustment"]
    assert (correction.agreement, correction.amount, correction.rule_id, correction.refers_to_month) == (
        182404,
        Decimal("-10861.94"),
        "ABS-SICK",
        "2026-03",
    )
    assert correction.text.startswith("Korreksjon for mars 2026 (ABS-SICK)")


def test_a_correction_approved_once_is_not_made_again_the_month_after(demo):
    compute(demo)
    service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=MARCH)
    sick(demo)
    compute(demo, month=APRIL)
    service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=APRIL)
    may = compute(demo, month=date(2026, 5, 1))
    assert [line for line in may.lines if line.kind == "adjustment"] == []


def test_a_missing_helfo_count_is_a_line_of_its_own_and_not_a_failure(demo):
    run = compute(demo, month=date(2026, 12, 1))
    assert {line.kind for line in run.lines if line.agreement == 182404} == {"missing_count"}


def test_hours_of_municipal_work_are_paid_at_the_specialists_rate(demo):
    duty_service.register_duty_hours(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        data=DutyHoursCreate(
            doctor_id=doctor_id(demo, "9182404"),
            month="2026-03",
            hours=Decimal("7.5"),
            description="Sykehjem",
        ),
    )
    [line] = [line for line in compute(demo).lines if line.kind == "municipal_duty"]
    assert (line.amount, line.rule_id, line.payee_hpr) == (Decimal("9225.00"), "PAY-DUTY-RATE", "9182404")


def test_a_run_for_june_2023_without_pbt_figures_is_refused_naming_the_rule(demo):
    agreement_service.put_list_count(
        demo, actor=SYSTEM, agreement_id=182404, data=ListCountBase(month="2023-06", list_length=1200)
    )
    with pytest.raises(RuleViolation) as caught:
        compute(demo, month=date(2023, 6, 1))
    assert caught.value.rule_id == "PAY-ANNUAL"


def test_only_the_municipalitys_editors_run_payments_and_only_for_their_own(demo):
    with pytest.raises(Forbidden):
        compute(demo, actor=VEFSN_DOCTOR)
    with pytest.raises(NotFound):
        compute(demo, actor=KRAGERO_KOMMUNEOVERLEGE)
    with pytest.raises(NotFound):
        service.approve_run(demo, actor=VEFSN_APPROVER, municipality_number="1824", month=APRIL)


def test_the_payees_total_is_the_sum_of_their_lines(demo):
    sick(demo)
    run = compute(demo)
    eirik = next(p for p in run.payees if p.payee_hpr == "9182404")
    assert eirik.total == Decimal("84180.00") - Decimal("10861.94")


def test_an_unknown_doctor_role_cannot_read_runs():
    assert Actor(email="x", role="su_member", municipality_number="1824")


def test_the_run_view_gives_each_line_its_office_and_filters_by_office(demo):
    sick(demo)
    hours(demo, EIRIK, "7.5")
    service.compute_run(demo, actor=KOL, municipality_number="1824", month=MARCH)
    everything = service.run_view(demo, actor=KOL, municipality_number="1824", month=MARCH)
    eirik = [line for line in everything.lines if line.payee_hpr == EIRIK]
    assert {line.office_name for line in eirik} == {"Mosjøen legesenter"}
    assert [line.summary for line in eirik] == [
        "Basistilskudd mars 2026",
        "Trekk 17.–20. mars",
        "Andre kommunale allmennlegeoppgaver (Sykehjem)",
    ]
    mosjoen = next(o.id for o in everything.offices if o.name == "Mosjøen legesenter")
    filtered = service.run_view(demo, actor=KOL, municipality_number="1824", month=MARCH, office_id=mosjoen)
    assert {line.office_id for line in filtered.lines} == {mosjoen}
    assert len(filtered.lines) < len(everything.lines) and everything.lines_total == everything.run.total
    assert {p.payee_hpr for p in filtered.payees} == {line.payee_hpr for line in filtered.lines}


def test_an_office_of_another_municipality_is_not_a_filter(demo):
    service.compute_run(demo, actor=KOL, municipality_number="1824", month=MARCH)
    with pytest.raises(NotFound):
        service.run_view(demo, actor=KOL, municipality_number="1824", month=MARCH, office_id=999)
