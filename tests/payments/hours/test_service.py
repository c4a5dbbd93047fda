"""Hours of municipal work (PAY-DUTY-RATE, PAY-LIS1): registered per doctor and month, and their page."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import RuleViolation
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate
from legetjeneste.payments.runs import service
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.agreements.schemas import ListCountBase
from tests.support import VEFSN_APPROVER, VEFSN_KOMMUNEOVERLEGE, import_demo

MARCH = date(2026, 3, 1)
SIRI = "9182405"
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


def hours(session, hpr: str, amount: str, month="2026-03"):
    data = DutyHoursCreate(
        doctor_id=doctor_id(session, hpr), month=month, hours=Decimal(amount), description="Sykehjem"
    )
    duty_service.register_duty_hours(session, actor=KOL, data=data)


def approved(session, month=MARCH):
    service.compute_run(session, actor=KOL, municipality_number="1824", month=month)
    return service.approve_run(session, actor=VEFSN_APPROVER, municipality_number="1824", month=month)


def test_lis1_supervision_above_3_hours_a_week_is_refused(demo):
    with pytest.raises(RuleViolation) as caught:
        duty_service.register_duty_hours(
            demo,
            actor=VEFSN_KOMMUNEOVERLEGE,
            data=DutyHoursCreate(
                doctor_id=doctor_id(demo, "9182404"),
                month="2026-03",
                kind="lis1_supervision",
                hours=Decimal("14"),
            ),
        )
    assert caught.value.rule_id == "PAY-LIS1"


def test_the_hours_view_lists_the_months_hours_the_doctors_and_the_runs_status(demo):
    hours(demo, SIRI, "4")
    view = duty_service.duty_hours_view(demo, actor=KOL, municipality_number="1824", month=MARCH)
    assert [(h.doctor_name, h.hours) for h in view.hours] == [("Siri Halsøy", Decimal("4.00"))]
    assert view.run_status is None and len(view.doctors) == 17  # with the LIS1 of the legevakt demo
    assert view.kinds == {"municipal_duty": "kommunale oppgaver", "lis1_supervision": "veiledning av LIS1"}
    approved(demo)
    assert (
        duty_service.duty_hours_view(demo, actor=KOL, municipality_number="1824", month=MARCH).run_status
        == "approved"
    )
