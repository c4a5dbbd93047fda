"""Decisions on the demo data, on SQLite and PostgreSQL: a refused Kragerø exemption becomes an enkeltvedtak
with its letter in the GP's inbox (DEC-NOTIFY) and its reasons (DEC-REASONS); who may read it; the appeal
inside and outside the deadline, its reversal and its sending on (DEC-APPEAL)."""

from datetime import timedelta

import pytest

from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.decisions import rules
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.appeals import service as appeal_service
from legetjeneste.decisions.schemas import AppealCreate, AppealHandle
from legetjeneste.errors import Conflict, Forbidden, NotFound, RuleViolation, ValidationFailed
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionDecide
from legetjeneste.norwegian import day_text
from tests.decisions.support import EVEN, HAKON, KOL, REFUSAL, decision_ids, gp_user, inbox, refuse
from tests.legevakt.demo import pending
from tests.support import VEFSN_KOMMUNEOVERLEGE

APPEAL = AppealCreate(text="Jeg mener helsen min ikke er vurdert. Se ny legeerklæring.")
SU = Actor(email="su@kragero.example", role="su_member", municipality_number="4014")


def test_dec_notify_a_refused_exemption_puts_its_letter_in_the_gps_inbox_with_the_deadline(demo):
    even = gp_user(demo, EVEN)
    decision_id = refuse(demo)
    found = decision_service.get_decision(demo, actor=even, decision_id=decision_id)
    deadline = rules.appeal_deadline(today_oslo(), weeks=3)
    assert (found.kind, found.outcome, found.doctor_id) == ("exemption", "refused", even.doctor_id)
    assert (found.reached_on, found.appeal_deadline) == (today_oslo(), deadline)
    assert found.case_number == f"{today_oslo().year}/0001" and found.case_link.startswith("/fritak/")
    assert found.deciding_body == "Kragerø kommune"
    assert found.appeal_body == "Statsforvalteren i Vestfold og Telemark"
    [(kind, subject, body, link, rule_id)] = inbox(demo, even)
    assert (kind, link, rule_id) == ("decision_letter", f"/vedtak/{decision_id}", "DEC-NOTIFY")
    assert found.case_number in subject and "avslått" in subject
    assert f"Klagefrist: {day_text(deadline)}" in body and "NN-EXEMPT (KRAGERØ SU 17.3.2026)" in body
    # The free text reasons are health data: they stay in the letter, not in the notice (or its e-mail).
    assert "Legeerklæringen" not in body


def test_dec_reasons_the_letter_carries_the_rule_the_facts_and_the_weighing(demo):
    decision_id = refuse(demo)
    found = decision_service.get_decision(demo, actor=KOL, decision_id=decision_id)
    assert [(r.rule_id, r.citation, r.text) for r in found.reasons] == [
        ("NN-EXEMPT", "KRAGERØ SU 17.3.2026", REFUSAL.reasons)
    ]
    assert any("Grunnlag: helsemessige grunner" in fact for fact in found.facts)
    assert any("Søkt periode: fra 1. desember 2026 til 31. mai 2027" in fact for fact in found.facts)
    assert found.weighing == REFUSAL.weighing and not found.redacted


def test_dec_reasons_a_discretionary_refusal_without_the_weighing_writes_nothing(demo):
    exemption_id = pending(demo, "4014")[EVEN]
    unweighed = REFUSAL.model_copy(update={"weighing": ""})
    with pytest.raises(RuleViolation) as refused:
        exemption_service.decide_exemption(demo, actor=KOL, exemption_id=exemption_id, data=unweighed)
    assert refused.value.rule_id == "DEC-REASONS"
    assert decision_ids(demo, "exemption", exemption_id) == []
    assert pending(demo, "4014")[EVEN] == exemption_id


def test_a_decision_without_a_choice_is_refused_naming_the_field(demo):
    exemption_id = pending(demo, "4014")[EVEN]
    with pytest.raises(ValidationFailed) as refused:
        exemption_service.decide_exemption(
            demo, actor=KOL, exemption_id=exemption_id, data=ExemptionDecide(reasons="Begrunnet.")
        )
    assert [(p.path, p.rule_id) for p in refused.value.problems] == [("decision", "DEC-REASONS")]


def test_only_the_party_and_the_municipalitys_deciders_read_a_letter(demo):
    even, hakon = gp_user(demo, EVEN), gp_user(demo, HAKON)
    decision_id = refuse(demo)
    assert decision_service.get_decision(demo, actor=even, decision_id=decision_id).id == decision_id
    with pytest.raises(NotFound):
        decision_service.get_decision(demo, actor=hakon, decision_id=decision_id)
    with pytest.raises(Forbidden):
        decision_service.get_decision(demo, actor=SU, decision_id=decision_id)
    with pytest.raises(NotFound):
        decision_service.get_decision(demo, actor=VEFSN_KOMMUNEOVERLEGE, decision_id=decision_id)
    assert inbox(demo, hakon) == []


def test_dec_appeal_the_party_appeals_on_the_last_day_and_not_the_day_after(demo, monkeypatch):
    even = gp_user(demo, EVEN)
    decision_id = refuse(demo)
    deadline = rules.appeal_deadline(today_oslo(), weeks=3)
    monkeypatch.setattr(appeal_service, "today_oslo", lambda: deadline + timedelta(days=1))
    with pytest.raises(RuleViolation) as late:
        appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)
    assert late.value.rule_id == "DEC-APPEAL" and day_text(deadline) in late.value.message
    monkeypatch.setattr(appeal_service, "today_oslo", lambda: deadline)
    appealed = appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)
    [made] = appealed.appeals
    assert (made.status, made.received_on, made.text) == ("received", deadline, APPEAL.text)
    with pytest.raises(Conflict):
        appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)


def test_dec_appeal_only_the_party_may_appeal(demo):
    hakon = gp_user(demo, HAKON)
    decision_id = refuse(demo)
    with pytest.raises(NotFound):
        appeal_service.appeal(demo, actor=hakon, decision_id=decision_id, data=APPEAL)
    with pytest.raises(Forbidden):
        appeal_service.appeal(demo, actor=KOL, decision_id=decision_id, data=APPEAL)


def test_dec_appeal_the_deciding_body_reverses_the_refusal_and_the_exemption_is_granted(demo):
    even = gp_user(demo, EVEN)
    decision_id = refuse(demo)
    appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)
    assert decision_service.open_appeals(demo, actor=KOL, municipality_number="4014")["appeals"][0][
        "decision"
    ].id == (decision_id)
    handling = AppealHandle(
        outcome="reversed",
        reasons="Den nye legeerklæringen dokumenterer at akutt utrykning er uforsvarlig.",
        weighing="Legens helse veier tyngre enn den svekkede beredskapen ved GKL i seks måneder.",
    )
    new = appeal_service.handle(demo, actor=KOL, decision_id=decision_id, data=handling)
    assert (new.outcome, new.replaces_id, new.case_id) == ("granted", decision_id, pending_or_granted(demo))
    assert (
        new.case_number != decision_service.get_decision(demo, actor=KOL, decision_id=decision_id).case_number
    )
    old = decision_service.get_decision(demo, actor=KOL, decision_id=decision_id)
    assert (old.replaced_by_id, old.appeals[0].status, old.appeals[0].new_decision_id) == (
        new.id,
        "reversed",
        new.id,
    )
    exemption = exemption_service.get_exemption(demo, actor=KOL, exemption_id=new.case_id)
    assert (exemption.status, exemption.granted_start.isoformat(), exemption.granted_end.isoformat()) == (
        "granted",
        "2026-12-01",
        "2027-05-31",
    )
    assert [link for *_, link, _ in inbox(demo, even)] == [f"/vedtak/{new.id}", f"/vedtak/{decision_id}"]
    assert decision_service.open_appeals(demo, actor=KOL, municipality_number="4014")["appeals"] == []
    with pytest.raises(Conflict):
        appeal_service.handle(demo, actor=KOL, decision_id=decision_id, data=handling)


def pending_or_granted(session) -> int:
    found = exemption_service.list_exemptions(session, actor=KOL, municipality_number="4014")
    return next(e.id for e in found if e.doctor_hpr == EVEN)


def test_dec_appeal_the_deciding_body_sends_the_appeal_on_and_the_party_is_told(demo):
    even = gp_user(demo, EVEN)
    decision_id = refuse(demo)
    appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)
    with pytest.raises(ValidationFailed) as unchosen:
        appeal_service.handle(demo, actor=KOL, decision_id=decision_id, data=AppealHandle(reasons="x"))
    assert [p.path for p in unchosen.value.problems] == ["outcome"]
    sent = appeal_service.handle(
        demo,
        actor=KOL,
        decision_id=decision_id,
        data=AppealHandle(outcome="sent_on", reasons="Klagen gir ikke nye opplysninger."),
    )
    [made] = sent.appeals
    assert (made.status, made.handled_on, made.handled_by) == ("sent_on", today_oslo(), KOL.email)
    assert sent.id == decision_id and sent.outcome == "refused"
    notices = inbox(demo, even)
    assert notices[0][4] == "DEC-APPEAL" and "Statsforvalteren i Vestfold og Telemark" in notices[0][2]
    with pytest.raises(Conflict):
        appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)


def test_an_appeal_is_handled_only_by_the_deciding_body(demo):
    even = gp_user(demo, EVEN)
    decision_id = refuse(demo)
    appeal_service.appeal(demo, actor=even, decision_id=decision_id, data=APPEAL)
    send = AppealHandle(outcome="sent_on", reasons="Videre.")
    for actor in (even, SU):
        with pytest.raises(Forbidden):
            appeal_service.handle(demo, actor=actor, decision_id=decision_id, data=send)
    with pytest.raises(NotFound):
        appeal_service.handle(demo, actor=VEFSN_KOMMUNEOVERLEGE, decision_id=decision_id, data=send)


def test_min_side_lists_the_gps_own_decisions_with_the_deadline_and_whether_to_appeal(demo):
    even, hakon = gp_user(demo, EVEN), gp_user(demo, HAKON)
    decision_id = refuse(demo)
    [row] = decision_service.own_decisions(demo, actor=even, doctor_id=even.doctor_id)
    assert (row["decision"].id, row["can_appeal"], row["appeal_text"]) == (decision_id, True, "")
    assert decision_service.own_decisions(demo, actor=hakon, doctor_id=hakon.doctor_id) == []
    with pytest.raises(Forbidden):
        decision_service.own_decisions(demo, actor=hakon, doctor_id=even.doctor_id)


def test_case_numbers_follow_each_other_in_the_municipalitys_year(demo):
    first = refuse(demo)
    second = refuse(demo, HAKON, REFUSAL)
    numbers = [
        decision_service.get_decision(demo, actor=KOL, decision_id=i).case_number for i in (first, second)
    ]
    year = today_oslo().year
    assert numbers == [f"{year}/0001", f"{year}/0002"]
