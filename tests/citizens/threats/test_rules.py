"""THREAT-* as pure functions (ASA 4310 Vedlegg II): each rule on both sides of its limit, and the
project rule for the default deadline (`threats/choice_days`, 14 days) on both sides of its date."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.citizens.threats import labels, rules
from legetjeneste.errors import RuleViolation

DAY = date(2026, 12, 4)
OPEN = rules.CaseState(None, None, None, None, None, None, None)
DEMANDED = replace(OPEN, demanded_on=DAY)
MOVING = replace(DEMANDED, outcome=rules.MOVE, deadline=DAY + timedelta(days=14))


def _refused(rule_id: str, check, *args, **kwargs) -> str:
    with pytest.raises(RuleViolation) as refused:
        check(*args, **kwargs)
    assert refused.value.rule_id == rule_id
    return refused.value.message


def test_threat_assist_only_a_listed_patient_on_the_own_list_and_the_refusal_tells_no_more():
    unknown = _refused("THREAT-ASSIST", rules.request_check, listed=False, own_list=False)
    anothers = _refused("THREAT-ASSIST", rules.request_check, listed=True, own_list=False)
    assert unknown == anothers and "din liste" in unknown
    rules.request_check(listed=True, own_list=True)


def test_threat_measures_the_seven_alternatives_each_discussed_applied_or_rejected():
    assert len(labels.MEASURE_LABELS) == 7 and set(labels.MEASURE_STATUSES) == {
        "discussed",
        "applied",
        "rejected",
    }
    rules.measure_check(OPEN, code="guard", measure_status="applied")
    _refused("THREAT-MEASURES", rules.measure_check, OPEN, code="prayer", measure_status="applied")
    _refused("THREAT-MEASURES", rules.measure_check, OPEN, code="guard", measure_status="maybe")
    _refused(
        "THREAT-ASSIST",
        rules.measure_check,
        replace(OPEN, closed_on=DAY),
        code="guard",
        measure_status="applied",
    )


def test_threat_decision_needs_the_gps_demand_once_and_a_weighing():
    assert "krevd" in _refused("THREAT-DECISION", rules.decision_check, OPEN, outcome="move", weighing="x")
    rules.decision_check(DEMANDED, outcome="move", weighing="Forsvarlig hos en annen lege")
    _refused("THREAT-DECISION", rules.decision_check, DEMANDED, outcome="move", weighing=" ")
    _refused("THREAT-DECISION", rules.decision_check, MOVING, outcome="move", weighing="x")
    _refused("THREAT-DECISION", rules.demand_check, DEMANDED)
    rules.demand_check(OPEN)


def test_threat_deadline_defaults_to_14_days_from_the_rule_date_and_not_before_it():
    assert parameters.value("threats/choice_days", on=date(2024, 4, 1)) == 14
    with pytest.raises(ParameterNotInForce):
        parameters.value("threats/choice_days", on=date(2024, 3, 31))
    assert rules.default_deadline(DAY, days=14) == date(2026, 12, 18)
    rules.deadline_check(deadline=DAY + timedelta(days=1), decided_on=DAY)
    _refused("THREAT-DEADLINE", rules.deadline_check, deadline=DAY, decided_on=DAY)


def test_threat_deadline_a_choice_until_the_deadline_day_and_an_assignment_from_the_day_after():
    deadline = MOVING.deadline
    assert deadline is not None
    rules.choice_check(MOVING, on=deadline, target=182401, current=182402)
    _refused(
        "THREAT-DEADLINE",
        rules.choice_check,
        MOVING,
        on=deadline + timedelta(days=1),
        target=182401,
        current=182402,
    )
    _refused("THREAT-DEADLINE", rules.assignment_check, MOVING, on=deadline)
    rules.assignment_check(MOVING, on=deadline + timedelta(days=1))
    assert not rules.is_assignment_due(MOVING, on=deadline)
    assert rules.is_assignment_due(MOVING, on=deadline + timedelta(days=1))
    assert not rules.is_assignment_due(replace(MOVING, moved_on=deadline), on=deadline + timedelta(days=1))


def test_threat_deadline_the_list_after_the_deadline_is_another_with_a_gp():
    _refused("THREAT-DEADLINE", rules.target_check, target=None, current=1, has_regular_doctor=True)
    _refused("THREAT-DEADLINE", rules.target_check, target=1, current=1, has_regular_doctor=True)
    _refused("THREAT-DEADLINE", rules.target_check, target=2, current=1, has_regular_doctor=False)
    rules.target_check(target=2, current=1, has_regular_doctor=True)
    assert rules.MOVE_REASON == "threat"


def test_threat_new_gp_contact_after_the_move_with_the_measures_agreed():
    moved = replace(MOVING, moved_on=DAY)
    _refused("THREAT-NEW-GP", rules.contact_check, MOVING, contacted_on=DAY, measures="Alarm")
    _refused("THREAT-NEW-GP", rules.contact_check, moved, contacted_on=DAY, measures="")
    rules.contact_check(moved, contacted_on=DAY, measures="Alarm")
    _refused("THREAT-NEW-GP", rules.close_check, moved)
    rules.close_check(replace(moved, contacted_on=DAY))


def test_threat_alternative_no_move_forsvarlig_closes_only_with_an_institution_or_vaktordning():
    no_move = replace(DEMANDED, outcome=rules.NO_MOVE)
    assert "annet tilbud" in _refused("THREAT-ALTERNATIVE", rules.close_check, no_move)
    _refused("THREAT-ALTERNATIVE", rules.alternative_check, DEMANDED, kind="institution")
    _refused("THREAT-ALTERNATIVE", rules.alternative_check, no_move, kind="hotel")
    rules.alternative_check(no_move, kind="vaktordning")
    rules.close_check(replace(no_move, alternative="vaktordning"))


def test_a_case_closes_without_a_decision_only_when_none_was_demanded():
    rules.close_check(OPEN)
    _refused("THREAT-DECISION", rules.close_check, DEMANDED)
    rules.close_check(replace(DEMANDED, outcome=rules.STAY))
    assert [rules.status(s) for s in (OPEN, DEMANDED, MOVING, replace(MOVING, moved_on=DAY))] == [
        "requested",
        "demanded",
        "waiting",
        "moved",
    ]


def test_threat_privacy_only_the_kommuneoverlege_the_gps_concerned_and_the_office_that_asked():
    case = {"case_doctors": (11, 12), "case_office_id": 5}
    seen = [
        rules.is_concerned(handles=True, role="kommuneoverlege", doctor_id=None, office_id=None, **case),
        rules.is_concerned(handles=False, role="doctor", doctor_id=11, office_id=None, **case),
        rules.is_concerned(handles=False, role="doctor", doctor_id=12, office_id=None, **case),
        rules.is_concerned(handles=False, role="office_admin", doctor_id=None, office_id=5, **case),
    ]
    unseen = [
        rules.is_concerned(handles=False, role="doctor", doctor_id=13, office_id=5, **case),
        rules.is_concerned(handles=False, role="office_admin", doctor_id=None, office_id=6, **case),
        rules.is_concerned(handles=False, role="su_member", doctor_id=None, office_id=5, **case),
        rules.is_concerned(handles=False, role="municipality_admin", doctor_id=None, office_id=None, **case),
        rules.is_concerned(
            handles=False,
            role="doctor",
            doctor_id=None,
            office_id=None,
            case_doctors=(11, None),
            case_office_id=5,
        ),
    ]
    assert all(seen) and not any(unseen)
