"""A swap is refused for each hard rule it would break (LV-SWAP), with that rule's id: LV-REST,
LV-COMPETENCE, an exemption (LV-EXEMPT-DISCRETION), an absence and time outside the scheme (LV-DUTY),
NN-OFFICE-DAYS; and a rule that breaks between proposal and acceptance refuses the swap for good."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, select

from legetjeneste.absence.models import Absence
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import RuleViolation
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.models import DoctorCourse
from legetjeneste.legevakt.schemes.schemas import SchemeIn
from legetjeneste.legevakt.swaps import service as swap_service
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.schemas import SwapCreate
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Office
from tests.legevakt.rosters.fixtures import VEFSN, scheme_document, solve
from tests.legevakt.swaps.fixtures import IN_TURN, A, B, C, doctor_id, gp, published_roster, shift
from tests.support import load_demo

MONDAY, FRIDAY, NEXT_TUESDAY = date(2027, 3, 1), date(2027, 3, 5), date(2027, 3, 9)


@pytest.fixture
def roster(open_session):
    return published_roster(open_session)


def hand_over(open_session, roster_id: int, day: date, to: str = C, *, by: str = A):
    colleague = doctor_id(open_session(), to)
    data = SwapCreate(kind="handover", shift_id=shift(open_session(), roster_id, day), colleague_id=colleague)
    return swap_service.propose(open_session(), actor=gp(open_session(), by), data=data)


def refused_with(open_session, roster_id: int, day: date, to: str = C, *, by: str = A) -> RuleViolation:
    with pytest.raises(RuleViolation) as refused:
        hand_over(open_session, roster_id, day, to, by=by)
    return refused.value


def absent(session, hpr: str, day: date) -> None:
    with session.begin():
        doctor = doctor_id_in(session, hpr)
        agreement = registry_queries.agreements_of_doctor(session, doctor)[0].agreement_id
        session.add(
            Absence(municipality_number=VEFSN, doctor_id=doctor, agreement_id=agreement, ground="vacation",
                    start=day, end=day, cover="none", created_at=datetime.now(UTC), created_by="test")
        )  # fmt: skip


def doctor_id_in(session, hpr: str) -> int:
    return registry_queries.doctor_by_hpr(session, municipality_number=VEFSN, hpr_number=hpr).id


def test_a_swap_that_leaves_too_little_rest_is_refused_with_lv_rest(open_session, roster):
    refusal = refused_with(open_session, roster[1], FRIDAY, B)  # B has Saturday from 09:00; Friday ends 08:00
    assert refusal.rule_id == "LV-REST"
    assert "bare 1 timer fri" in refusal.message and refusal.citation == "SFS 2305 § 7.4"


def test_a_swap_to_a_doctor_who_needs_a_bakvakt_on_a_shift_without_one_is_refused_with_lv_competence(
    open_session, roster
):
    session = open_session()
    with session.begin():
        session.execute(delete(DoctorCourse).where(DoctorCourse.doctor_id == doctor_id_in(session, C)))
    refusal = refused_with(open_session, roster[1], MONDAY)
    assert refusal.rule_id == "LV-COMPETENCE"


def test_a_swap_to_an_exempted_doctor_is_refused_with_the_exemptions_rule(open_session, roster):
    scheme_id, roster_id = roster
    applied = exemption_service.apply_for_exemption(
        open_session(), actor=SYSTEM, scheme_id=scheme_id,
        data=ExemptionApply(doctor=C, ground="health", start=MONDAY, end=MONDAY),
    )  # fmt: skip
    exemption_service.decide_exemption(
        open_session(), actor=SYSTEM, exemption_id=applied.id,
        data=ExemptionDecide(decision="granted", reasons="Dokumentert helsegrunn.",
                             weighing="Beredskapen holder med de andre legene.",
                             granted_start=MONDAY, granted_end=MONDAY),
    )  # fmt: skip
    refusal = refused_with(open_session, roster_id, MONDAY)
    assert refusal.rule_id == "LV-EXEMPT-DISCRETION"


def test_a_swap_to_an_absent_doctor_is_refused_with_lv_duty(open_session, roster):
    absent(open_session(), C, MONDAY)
    refusal = refused_with(open_session, roster[1], MONDAY)
    assert refusal.rule_id == "LV-DUTY" and "Fravær" in refusal.message


def test_a_swap_to_a_doctor_no_longer_in_the_scheme_that_day_is_refused_with_lv_duty(open_session, roster):
    document = scheme_document(IN_TURN)
    for participant in document["participants"]:
        if participant["doctor"] == C:
            participant["end"] = "2027-03-07"
    legevakt_service.save_scheme(
        open_session(), actor=SYSTEM, municipality_number=VEFSN, data=SchemeIn.model_validate(document)
    )
    refusal = refused_with(open_session, roster[1], NEXT_TUESDAY)
    assert refusal.rule_id == "LV-DUTY"


def test_a_nodnett_shift_handed_to_a_doctor_of_another_office_is_refused_with_nn_office_days(open_session):
    load_demo(open_session())
    session = open_session()
    with session.begin():
        offices = [o.organisation_number for o in session.scalars(
            select(Office).where(Office.municipality_number == VEFSN).order_by(Office.id))][:2]  # fmt: skip
    document = scheme_document(IN_TURN, code="test-nodnett") | {
        "kind": "nodnett",
        "shift_templates": [
            {"code": "nodnett", "name": "Nødnett", "start": "08:00", "end": "15:30", "day_kind": "weekday"}
        ],
        "office_days": [
            {"office": offices[0], "weekdays": ["monday", "tuesday", "wednesday"]},
            {"office": offices[1], "weekdays": ["thursday", "friday"]},
        ],
    }
    for participant in document["participants"]:
        participant["office"] = offices[0] if participant["doctor"] in (A, B) else offices[1]
    scheme = legevakt_service.save_scheme(
        open_session(), actor=SYSTEM, municipality_number=VEFSN, data=SchemeIn.model_validate(document)
    )
    job = solve(open_session(), scheme.id, first=MONDAY, last=FRIDAY)
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    held = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    monday = next(a for a in held.assignments if a.date == MONDAY)
    holder = A if monday.hpr_number == A else B
    refusal = refused_with(open_session, job.roster_id, MONDAY, C, by=holder)
    assert refusal.rule_id == "NN-OFFICE-DAYS"


def test_a_rule_broken_between_proposal_and_acceptance_refuses_the_swap_for_good(open_session, roster):
    proposed = hand_over(open_session, roster[1], MONDAY)
    absent(open_session(), C, MONDAY)
    with pytest.raises(RuleViolation) as refused:
        swap_service.accept(open_session(), actor=gp(open_session(), C), swap_id=proposed.id)
    assert refused.value.rule_id == "LV-DUTY"
    stored = decisions.get_swap(open_session(), actor=SYSTEM, swap_id=proposed.id)
    assert (stored.status, stored.rule_id) == ("refused", "LV-DUTY")


def test_arranging_the_roster_in_turn_gives_each_doctor_every_fourth_day(open_session, roster):
    held = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=roster[1])
    assert [a.hpr_number for a in held.assignments[:5]] == [A, B, *IN_TURN[2:], A]
