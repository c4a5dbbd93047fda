"""Threat cases through the service on SQLite and PostgreSQL (ASA 4310 Vedlegg II, RULES.md § 9): each
THREAT rule on both sides, the move that is not a switch, and who may see a case (THREAT-PRIVACY)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.threats import queries, service
from legetjeneste.citizens.threats.decision import service as decision_service
from legetjeneste.citizens.threats.schemas import (
    AlternativeIn,
    ChoiceIn,
    ContactIn,
    DecisionIn,
    MeasureIn,
    ThreatRequestIn,
)
from legetjeneste.decisions import service as letters
from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from tests.citizens.threats.support import BREKKAN, HAUGVIK, KOL, SU, TVERRAA, gp, office_admin, patient

DAY = date(2026, 12, 4)
MOVE = DecisionIn(
    outcome="move",
    weighing="Pasienten kan følges trygt av en annen lege med to til stede.",
    target_agreement_id=182403,
)


def _case(demo, *, demand: bool = True):
    """A case Brekkan asked for help in on DAY about a patient on his list (and demanded a decision in)."""
    citizen_id, national_id = patient(demo)
    brekkan = gp(demo, BREKKAN)
    case = service.request_help(demo, actor=brekkan, data=ThreatRequestIn(national_id=national_id), on=DAY)
    if demand:
        service.demand_decision(demo, actor=brekkan, case_id=case.id, on=DAY)
    return case, brekkan, citizen_id


def _audit(demo, entity: str) -> list[AuditEntry]:
    with demo.begin():
        return list(
            demo.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id))
        )


def test_threat_assist_a_gp_asks_for_help_about_a_patient_on_the_own_list_only(demo):
    _, national_id = patient(demo)
    with pytest.raises(RuleViolation) as refused:
        service.request_help(demo, actor=gp(demo, HAUGVIK), data=ThreatRequestIn(national_id=national_id))
    assert refused.value.rule_id == "THREAT-ASSIST" and "Fødselsnummer" in refused.value.message
    case = service.request_help(demo, actor=gp(demo, BREKKAN), data=ThreatRequestIn(national_id=national_id))
    assert (case.patient.national_id, case.agreement_id, case.status) == (national_id, 182402, "requested")
    assert [m.status for m in case.measures] == [None] * 7


def test_threat_decision_only_after_the_gps_demand_and_the_letter_names_no_patient(demo):
    case, brekkan, _ = _case(demo, demand=False)
    with pytest.raises(RuleViolation) as refused:
        decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY)
    assert refused.value.rule_id == "THREAT-DECISION"
    service.record_measure(
        demo, actor=brekkan, case_id=case.id, data=MeasureIn(code="two_present", status="rejected", on=DAY)
    )
    service.demand_decision(demo, actor=brekkan, case_id=case.id, on=DAY)
    decided = decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY)
    assert (decided.outcome, decided.deadline, decided.target_doctor_name) == (
        "move",
        DAY + timedelta(days=14),
        "Magnus Tverrå",
    )
    letter = letters.get_decision(demo, actor=brekkan, decision_id=decided.decision_id)
    assert (letter.kind, letter.outcome, letter.doctor_id) == ("threat_move", "granted", brekkan.doctor_id)
    text = " ".join([letter.summary, letter.weighing, *letter.facts, *(r.text for r in letter.reasons)])
    assert "Testpasient" not in text and case.patient.national_id not in text and case.reference in text


def test_threat_deadline_the_patient_chooses_until_the_deadline_day_and_is_assigned_the_day_after(demo):
    case, _, citizen_id = _case(demo)
    deadline = decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY).deadline
    with pytest.raises(RuleViolation) as early:
        decision_service.assign(demo, actor=KOL, case_id=case.id, on=deadline)
    assert early.value.rule_id == "THREAT-DEADLINE"
    assert decision_service.assign_due(demo, actor=KOL, municipality_number="1824", on=deadline) == []
    with pytest.raises(RuleViolation) as late:
        decision_service.record_choice(
            demo,
            actor=KOL,
            case_id=case.id,
            data=ChoiceIn(agreement_id=182401),
            on=deadline + timedelta(days=1),
        )
    assert late.value.rule_id == "THREAT-DEADLINE"
    [done] = decision_service.assign_due(
        demo, actor=KOL, municipality_number="1824", on=deadline + timedelta(days=1)
    )
    assert (done["case"], done["agreement"], done["rule_id"]) == (case.reference, 182403, "THREAT-DEADLINE")
    assert (
        decision_service.assign_due(
            demo, actor=KOL, municipality_number="1824", on=deadline + timedelta(days=2)
        )
        == []
    )
    with demo.begin():
        history = [
            (m.agreement_id, m.begin_reason, m.end_reason)
            for m in places.memberships(demo, citizen_id=citizen_id)
        ]
    # CIT-SWITCH: the move's reason is «threat», which is not one of the citizen's switches.
    assert history == [(182402, "assigned", "threat"), (182403, "threat", None)]


def test_threat_deadline_a_choice_on_the_deadline_day_moves_the_patient_that_day(demo):
    case, _, citizen_id = _case(demo)
    deadline = decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY).deadline
    moved = decision_service.record_choice(
        demo, actor=KOL, case_id=case.id, data=ChoiceIn(agreement_id=182401), on=deadline
    )
    assert (moved.moved_on, moved.moved_how, moved.new_doctor_name) == (deadline, "chosen", "Ingrid Haugvik")
    with demo.begin():
        assert places.membership_on(demo, citizen_id=citizen_id, on=deadline).begin_reason == "threat"


def test_threat_new_gp_the_new_gp_sees_the_case_and_it_closes_only_after_the_contact(demo):
    case, _, _ = _case(demo)
    decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY)
    decision_service.assign(demo, actor=KOL, case_id=case.id, on=DAY + timedelta(days=15))
    tverraa = gp(demo, TVERRAA)
    assert service.get_case(demo, actor=tverraa, case_id=case.id).new_doctor_name == "Magnus Tverrå"
    former = service.get_case(demo, actor=gp(demo, BREKKAN), case_id=case.id)
    assert (former.status, former.new_doctor_name, former.new_agreement_id) == ("moved", None, None)
    with pytest.raises(RuleViolation) as refused:
        decision_service.close_case(demo, actor=KOL, case_id=case.id)
    assert refused.value.rule_id == "THREAT-NEW-GP"
    contact = ContactIn(contacted_on=DAY + timedelta(days=15), measures="Alarmknapp og to til stede")
    decision_service.record_contact(demo, actor=KOL, case_id=case.id, data=contact)
    assert decision_service.close_case(demo, actor=KOL, case_id=case.id).status == "closed"


def test_threat_alternative_a_case_where_no_move_is_forsvarlig_closes_only_with_other_care(demo):
    case, _, _ = _case(demo)
    no_move = DecisionIn(
        outcome="no_move", weighing="Ingen av kommunens fastleger kan ta imot pasienten trygt."
    )
    decision_service.decide(demo, actor=KOL, case_id=case.id, data=no_move, on=DAY)
    with pytest.raises(RuleViolation) as refused:
        decision_service.close_case(demo, actor=KOL, case_id=case.id)
    assert refused.value.rule_id == "THREAT-ALTERNATIVE"
    decision_service.record_alternative(
        demo, actor=KOL, case_id=case.id, data=AlternativeIn(kind="institution")
    )
    with demo.begin():
        assert queries.has_open_case(demo, citizen_id=case.patient.citizen_id)
    assert decision_service.close_case(demo, actor=KOL, case_id=case.id).status == "closed"
    with demo.begin():
        assert not queries.has_open_case(demo, citizen_id=case.patient.citizen_id)


def test_threat_privacy_others_get_404_and_every_identity_read_is_audited(demo):
    case, brekkan, citizen_id = _case(demo)
    reads_before = len(_audit(demo, "citizen"))
    for outsider in (SU, gp(demo, HAUGVIK), office_admin(demo, "991001018")):
        with pytest.raises(NotFound):
            service.get_case(demo, actor=outsider, case_id=case.id)
    assert len(_audit(demo, "citizen")) == reads_before
    assert service.get_case(demo, actor=office_admin(demo, "991000011"), case_id=case.id).patient.name
    service.get_case(demo, actor=KOL, case_id=case.id)
    with pytest.raises(Forbidden):
        decision_service.decide(demo, actor=brekkan, case_id=case.id, data=MOVE)
    reads = _audit(demo, "citizen")[reads_before:]
    assert [(e.actor, e.record_ids, e.detail["why"]) for e in reads] == [
        ("kontor991000011@vefsn.example", [str(citizen_id)], "view"),
        ("kol@vefsn.example", [str(citizen_id)], "view"),
    ]


def test_threat_guidelines_committees_see_cases_without_name_number_or_birth_date(demo):
    case, _, _ = _case(demo)
    service.record_measure(
        demo,
        actor=KOL,
        case_id=case.id,
        data=MeasureIn(code="guard", status="applied", on=DAY, note="Testpasient"),
    )
    [seen] = service.anonymised_cases(demo, actor=SU, municipality_number="1824")
    document = seen.model_dump_json()
    assert case.patient.national_id not in document and "Testpasient" not in document
    assert "1980" not in document and "Brekkan" not in document
    assert (seen.reference, [(m.label, m.status_text) for m in seen.measures]) == (
        case.reference,
        [("Vekter", "Iverksatt")],
    )


def test_threat_clocks_the_pending_decision_and_the_patients_deadline_link_only_for_the_kommuneoverlege(demo):
    case, _, _ = _case(demo)
    with demo.begin():
        [pending] = service.clocks(demo, municipality_number="1824", on=DAY)
    assert (pending.rule_id, pending.due, pending.link_permission) == (
        "THREAT-DECISION",
        date(2027, 1, 4),
        "threat.handle",
    )
    decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY)
    with demo.begin():
        [deadline] = service.clocks(demo, municipality_number="1824", on=DAY)
    assert (deadline.rule_id, deadline.due, deadline.title) == (
        "THREAT-DEADLINE",
        DAY + timedelta(days=14),
        f"Sak om truende pasient {case.reference}",
    )
