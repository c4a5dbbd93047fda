"""The plan before the SU (PLAN-DUTY, ASA 4310 § 6.2) through committees' public services: the kommuneoverlege
sends the plan's current version as a committee case (origin «plan_version»), the SU's statement with its vote
comes back to that version and to the plan; a version goes once, to an SU and not the ALU."""

import pytest

from legetjeneste.committees import service as committee_service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.schemas import StatementIn
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Forbidden, RuleViolation
from legetjeneste.planning.plan import service
from legetjeneste.planning.plan.committee import service as committee
from legetjeneste.planning.plan.measures import service as measures
from legetjeneste.planning.plan.schemas import ProgressIn
from tests.support import VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE, import_demo

ACTOR = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def plan(session) -> dict:
    import_demo(session)
    return service.current_plan(session, actor=ACTOR, municipality_number="1824")


def plan_cases(session) -> list:
    found = case_service.list_cases(session, actor=ACTOR, municipality_number="1824")
    return [c for c in found if c.origin_kind == "plan_version"]


def committee_of(session, kind: str) -> int:
    found = committee_service.list_committees(session, actor=ACTOR, municipality_number="1824")
    return next(c.id for c in found if c.kind == kind)


def test_the_su_gets_the_plans_version_as_a_case_and_its_statement_comes_back_with_date_and_vote(
    session, plan
):
    su = committee_of(session, "su")
    assert committee.committees_to_send(session, actor=ACTOR, municipality_number="1824") == [
        (su, "Samarbeidsutvalget i Vefsn")
    ]
    sent = committee.send_to_committee(session, actor=ACTOR, plan_id=plan["id"], committee_id=su)
    version = sent["versions"][0]
    assert (version["number"], version["su_committee"], version["su_sent_on"]) == (
        1,
        "Samarbeidsutvalget i Vefsn",
        today_oslo(),
    )
    assert sent["su_sent"] and version["su_statement_on"] is None

    [case] = plan_cases(session)
    assert (case.origin_kind, case.origin_label, case.title) == (
        "plan_version",
        "Planen for legetjenesten",
        "Plan for legetjenesten i Vefsn, versjon 1",
    )
    assert case.link == f"/kommuner/1824/plan/{plan['id']}#samarbeidsutvalget"
    assert "27 behov" in case.background and "PLAN-DUTY" in case.background

    statement = StatementIn(
        given_on=today_oslo(),
        votes_for=3,
        votes_against=1,
        majority_text="Utvalget slutter seg til planen og ber om at ALIS-løpene prioriteres.",
        minority_text="Legevakt bør komme først.",
    )
    case_service.record_statement(session, actor=ACTOR, case_id=case.id, data=statement)

    answered = service.show_plan(session, actor=ACTOR, plan_id=plan["id"])
    assert answered["su_statement_on"] == today_oslo()
    assert "(3–1)" in answered["su_statement"] and "Legevakt bør komme først." in answered["su_statement"]
    assert (answered["versions"][0]["su_statement_on"], answered["versions"][0]["su_votes"]) == (
        today_oslo(),
        "3–1",
    )
    assert service.plan_pdf(session, actor=ACTOR, plan_id=plan["id"])[1].startswith(b"%PDF")


def test_a_version_goes_to_the_su_once_and_a_changed_plan_goes_as_its_new_version(session, plan):
    su = committee_of(session, "su")
    committee.send_to_committee(session, actor=ACTOR, plan_id=plan["id"], committee_id=su)
    with pytest.raises(RuleViolation) as refused:
        committee.send_to_committee(session, actor=ACTOR, plan_id=plan["id"], committee_id=su)
    assert refused.value.rule_id == "PLAN-DUTY" and "Versjon 1 er alt sendt" in refused.value.message

    measure = plan["measures"][0]["id"]
    measures.record_progress(
        session, actor=ACTOR, measure_id=measure, data=ProgressIn(status="started", progress=10)
    )
    again = committee.send_to_committee(session, actor=ACTOR, plan_id=plan["id"], committee_id=su)
    assert [(v["number"], v["su_sent_on"] is not None) for v in again["versions"]] == [(2, True), (1, True)]
    assert len(plan_cases(session)) == 2


def test_the_plan_does_not_go_to_the_alu_and_a_gp_cannot_send_it(session, plan):
    with pytest.raises(RuleViolation) as refused:
        committee.send_to_committee(
            session, actor=ACTOR, plan_id=plan["id"], committee_id=committee_of(session, "alu")
        )
    assert refused.value.rule_id == "PLAN-DUTY" and "allmennlegeutvalget" in refused.value.message
    assert plan_cases(session) == []
    assert service.show_plan(session, actor=ACTOR, plan_id=plan["id"])["versions"] == []
    with pytest.raises(Forbidden):
        committee.send_to_committee(session, actor=VEFSN_DOCTOR, plan_id=plan["id"], committee_id=1)
    assert committee.committees_to_send(session, actor=VEFSN_DOCTOR, municipality_number="1824") == []
