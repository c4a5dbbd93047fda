"""Every deciding path produces an enkeltvedtak with its letter and tells the party (DEC-NOTIFY): a
withholding of basistilskudd (AGR-BREACH), an award (AGR-AWARD), and a refused list reduction
(AGR-LISTREDUCE); a refusal without reasons is refused by DEC-REASONS with nothing written."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.decisions import service as decision_service
from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle.schemas import CaseCreate, StepCreate
from legetjeneste.payments.breach import service as breach_service
from legetjeneste.payments.breach.schemas import BreachCaseCreate, DecisionCreate, WarningCreate
from legetjeneste.registry.models import Agreement
from tests.decisions.support import decision_ids, gp_user, inbox
from tests.support import VEFSN_KOMMUNEOVERLEGE

KOL = VEFSN_KOMMUNEOVERLEGE
AGREEMENT = 182404


def regular_gp(session, agreement_id: int):
    """A user for the agreement's regular GP today."""
    with session.begin():
        agreement = session.get(Agreement, agreement_id)
        hpr = next(
            p.doctor.hpr_number for p in agreement.doctor_periods if p.role == "regular" and p.end is None
        )
    return gp_user(session, hpr, "1824")


def test_a_withholding_of_basistilskudd_is_an_enkeltvedtak_with_its_letter_to_the_gp(demo):
    gp = regular_gp(demo, AGREEMENT)
    notice = BreachCaseCreate(
        subject="Åpningstid under 28 timer i uken",
        notice_date=date(2026, 1, 5),
        deadline=date(2026, 1, 26),
        text="Kontoret har vært stengt onsdager siden november.",
    )
    case = breach_service.open_case(demo, actor=KOL, agreement_id=AGREEMENT, data=notice)
    warning = WarningCreate(kind="warning", on=date(2026, 2, 2), text="Basistilskuddet holdes tilbake.")
    breach_service.record_step(demo, actor=KOL, case_id=case.id, data=warning)
    decision = DecisionCreate(
        kind="decision",
        on=date(2026, 2, 16),
        percentage=Decimal("20"),
        breach_type="Redusert åpningstid",
        extent="En dag i uken over tre måneder",
        severity="Fortsatt etter varsel og advarsel",
    )
    breach_service.record_step(demo, actor=KOL, case_id=case.id, data=decision)
    [decision_id] = decision_ids(demo, "breach_case", case.id)
    found = decision_service.get_decision(demo, actor=gp, decision_id=decision_id)
    assert (found.kind, found.outcome, found.doctor_id, found.decided_on) == (
        "withholding",
        "imposed",
        gp.doctor_id,
        date(2026, 2, 16),
    )
    assert [r.rule_id for r in found.reasons] == ["AGR-BREACH"]
    assert "Grovhet: Fortsatt etter varsel og advarsel" in found.weighing
    assert found.summary.startswith("20 % av basistilskuddet for avtale 182404 holdes tilbake")
    assert [(kind, link) for kind, _, _, link, _ in inbox(demo, gp)] == [
        ("decision_letter", f"/vedtak/{decision_id}")
    ]


def _vacancy(session, agreement_id: int = 182415):
    data = CaseCreate(kind="vacancy", on=date(2026, 9, 1))
    return lifecycle_service.open_case(session, actor=KOL, agreement_id=agreement_id, data=data)


def test_an_award_is_an_enkeltvedtak_with_its_letter_to_the_applicant_on_paper(demo):
    case = _vacancy(demo)
    award = StepCreate(
        kind="award",
        on=date(2026, 9, 7),
        awarded_to="Ida Vefsnmo",
        group_statement_on=date(2026, 9, 1),
        text="Best kvalifisert etter intervju; gruppens uttalelse er vektlagt.",
    )
    lifecycle_service.record_step(demo, actor=KOL, case_id=case.id, data=award)
    [decision_id] = decision_ids(demo, "lifecycle_case", case.id)
    found = decision_service.get_decision(demo, actor=KOL, decision_id=decision_id)
    assert (found.kind, found.outcome, found.doctor_id, found.party_name) == (
        "award",
        "granted",
        None,
        "Ida Vefsnmo",
    )
    assert found.reasons[0].rule_id == "AGR-AWARD" and "stor vekt" in found.reasons[0].text
    assert found.weighing == award.text and found.case_link == f"/saker/{case.id}"
    assert any("Tildelt Ida Vefsnmo 7. september 2026" in fact for fact in found.facts)


def _list_reduction(session):
    data = CaseCreate(kind="list_reduction", on=date(2026, 9, 1))
    case = lifecycle_service.open_case(session, actor=KOL, agreement_id=AGREEMENT, data=data)
    request = StepCreate(
        kind="list_reduction_request", on=date(2026, 9, 1), ground="age", effective_from=date(2027, 3, 1)
    )
    lifecycle_service.record_step(session, actor=KOL, case_id=case.id, data=request)
    return case


def test_a_refused_list_reduction_is_an_enkeltvedtak_with_its_letter_to_the_gp(demo):
    gp = regular_gp(demo, AGREEMENT)
    case = _list_reduction(demo)
    refusal = StepCreate(kind="refusal", on=date(2026, 10, 1), text="Listen er allerede redusert i år.")
    closed = lifecycle_service.record_step(demo, actor=KOL, case_id=case.id, data=refusal)
    assert closed.status == "closed"
    [decision_id] = decision_ids(demo, "lifecycle_case", case.id)
    found = decision_service.get_decision(demo, actor=gp, decision_id=decision_id)
    assert (found.kind, found.outcome, found.doctor_id) == ("list_reduction", "refused", gp.doctor_id)
    assert [(r.rule_id, r.text) for r in found.reasons] == [("AGR-LISTREDUCE", refusal.text)]
    assert any("grunn: legen er over 60 år" in fact for fact in found.facts)
    assert inbox(demo, gp)[0][3] == f"/vedtak/{decision_id}"


def test_dec_reasons_a_refusal_without_reasons_is_refused_and_the_case_stays_open(demo):
    case = _list_reduction(demo)
    with pytest.raises(RuleViolation) as refused:
        lifecycle_service.record_step(
            demo, actor=KOL, case_id=case.id, data=StepCreate(kind="refusal", on=date(2026, 10, 1))
        )
    assert refused.value.rule_id == "DEC-REASONS"
    assert lifecycle_service.get_case(demo, actor=KOL, case_id=case.id).status == "open"
    assert decision_ids(demo, "lifecycle_case", case.id) == []
