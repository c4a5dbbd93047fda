"""Doctor periods through their use cases on the demo data: one regular doctor at a time."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import ValidationFailed
from legetjeneste.registry import service
from legetjeneste.registry.agreements import service as agreement_service
from legetjeneste.registry.periods import service as period_service
from legetjeneste.registry.periods.schemas import DoctorPeriodCreate
from tests.support import VEFSN_KOMMUNEOVERLEGE


def test_a_second_regular_doctor_in_an_overlapping_period_is_refused(demo):
    doctor = next(
        d
        for d in service.list_doctors(demo, actor=SYSTEM, municipality_number="1824")
        if d.hpr_number == "9182416"
    )
    with pytest.raises(ValidationFailed) as caught:
        period_service.add_doctor_period(
            demo,
            actor=VEFSN_KOMMUNEOVERLEGE,
            agreement_id=182401,
            data=DoctorPeriodCreate(doctor_id=doctor.id, role="regular", start=date(2026, 12, 1)),
        )
    assert "én fastlege om gangen" in caught.value.problems[0].message


def test_a_new_regular_doctor_on_a_list_without_one_gives_the_list_a_gp(demo):
    doctor = next(
        d
        for d in service.list_doctors(demo, actor=SYSTEM, municipality_number="1824")
        if d.hpr_number == "9182416"
    )
    period_service.add_doctor_period(
        demo,
        actor=VEFSN_KOMMUNEOVERLEGE,
        agreement_id=182415,
        data=DoctorPeriodCreate(
            doctor_id=doctor.id, role="regular", start=date(2026, 12, 1), working_percentage=80
        ),
    )
    assert agreement_service.get_agreement(
        demo, actor=SYSTEM, agreement_id=182415, on=date(2026, 12, 1)
    ).has_regular_doctor
