"""Exemptions on the demo data, on SQLite and PostgreSQL: what is stored, what the rules refuse (with their
ids), who may do what, and the exempt periods the roster builds on."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, Forbidden, RuleViolation, ValidationFailed
from legetjeneste.legevakt.exemptions import queries as exemption_queries
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from tests.legevakt.demo import doctor_actor, pending, scheme_id
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_KOMMUNEOVERLEGE,
)

KOL = VEFSN_KOMMUNEOVERLEGE


def test_a_kragero_pending_right_over_60_cannot_be_refused_and_is_granted_from_the_application(demo):
    knut = pending(demo, "4014")["9401405"]
    refusal = ExemptionDecide(decision="refused", reasons="Beredskapen ved GKL blir for svak.")
    with pytest.raises(RuleViolation) as error:
        exemption_service.decide_exemption(
            demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=knut, data=refusal
        )
    assert error.value.rule_id == "LV-EXEMPT-RIGHT"
    grant = ExemptionDecide(decision="granted", reasons="Legen er over 60 år (FLF § 33).")
    decided = exemption_service.decide_exemption(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=knut, data=grant
    )
    assert (decided.status, decided.granted_start, decided.granted_end) == (
        "granted",
        date(2026, 12, 1),
        None,
    )
    assert decided.rule_id == "LV-EXEMPT-RIGHT" and decided.decided_by == "kol@kragero.example"
    with pytest.raises(Conflict):
        exemption_service.decide_exemption(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=knut, data=grant)


def test_a_nodnett_exemption_longer_than_six_months_is_refused_by_nn_exempt(demo):
    even = pending(demo, "4014")["9401408"]
    too_long = ExemptionDecide(
        decision="granted",
        reasons="Helsemessige grunner er dokumentert.",
        weighing="Beredskapen ved GKL er vurdert.",
        granted_start=date(2026, 12, 1),
        granted_end=date(2027, 6, 1),
    )
    with pytest.raises(RuleViolation) as error:
        exemption_service.decide_exemption(
            demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=even, data=too_long
        )
    assert error.value.rule_id == "NN-EXEMPT" and "31. mai 2027" in error.value.message
    exact = too_long.model_copy(update={"granted_end": date(2027, 5, 31)})
    decided = exemption_service.decide_exemption(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=even, data=exact
    )
    assert decided.granted_end == date(2027, 5, 31) and decided.weighing == "Beredskapen ved GKL er vurdert."


def test_a_discretionary_grant_without_the_weighing_is_refused_and_nothing_is_written(demo):
    tone = pending(demo, "4014")["9401406"]
    data = ExemptionDecide(decision="granted", reasons="Sosiale grunner.")
    with pytest.raises(RuleViolation, match="Vektleggingen"):
        exemption_service.decide_exemption(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=tone, data=data)
    assert exemption_service.get_exemption(demo, actor=SYSTEM, exemption_id=tone).status == "pending"


def test_a_doctor_may_apply_but_not_decide_and_must_take_part_in_the_scheme(demo):
    vefsn = scheme_id(demo, "1824", "legevakt")
    application = ExemptionApply(
        doctor="9182407", ground="breastfeeding", start=date(2027, 1, 1), child_birth_date=date(2026, 9, 1)
    )
    herself = doctor_actor(demo, "9182407")
    saved = exemption_service.apply_for_exemption(demo, actor=herself, scheme_id=vefsn, data=application)
    assert saved.status == "pending" and saved.is_right
    with pytest.raises(Forbidden):
        exemption_service.decide_exemption(
            demo,
            actor=herself,
            exemption_id=saved.id,
            data=ExemptionDecide(decision="granted", reasons="x"),
        )
    decided = exemption_service.decide_exemption(
        demo, actor=KOL, exemption_id=saved.id, data=ExemptionDecide(decision="granted", reasons="Ammer.")
    )
    assert (decided.granted_start, decided.granted_end) == (date(2027, 1, 1), date(2027, 8, 31))
    outsider = application.model_copy(update={"doctor": "9182413"})
    with pytest.raises(ValidationFailed) as error:
        exemption_service.apply_for_exemption(demo, actor=KOL, scheme_id=vefsn, data=outsider)
    assert error.value.problems[0].path == "doctor"


def test_an_application_without_the_facts_its_ground_needs_names_the_field(demo):
    vefsn = scheme_id(demo, "1824", "legevakt")
    for ground, field in (
        ("pregnancy", "due_date"),
        ("breastfeeding", "child_birth_date"),
        ("health", "end"),
    ):
        data = ExemptionApply(doctor="9182407", ground=ground, start=date(2027, 1, 1))
        with pytest.raises(ValidationFailed) as error:
            exemption_service.apply_for_exemption(demo, actor=KOL, scheme_id=vefsn, data=data)
        assert [p.path for p in error.value.problems] == [field]


def test_the_exempt_periods_of_a_scheme_start_on_the_60th_birthday_inside_the_roster_period(demo):
    kragero = scheme_id(demo, "4014", "nodnett")
    vefsn = scheme_id(demo, "1824", "legevakt")
    geir = ExemptionApply(doctor="9401402", ground="over_60", start=date(2026, 7, 1))
    saved = exemption_service.apply_for_exemption(
        demo, actor=KRAGERO_KOMMUNEOVERLEGE, scheme_id=kragero, data=geir
    )
    exemption_service.decide_exemption(
        demo,
        actor=KRAGERO_KOMMUNEOVERLEGE,
        exemption_id=saved.id,
        data=ExemptionDecide(decision="granted", reasons="60 år."),
    )
    with demo.begin():
        found = exemption_queries.exempt_periods_of_scheme(
            demo, scheme_id=kragero, first=date(2026, 7, 1), last=date(2026, 12, 31)
        )
        vefsn_found = exemption_queries.exempt_periods_of_scheme(
            demo, scheme_id=vefsn, first=date(2027, 1, 1), last=date(2027, 6, 30)
        )
    assert [(p.period.start, p.period.end) for p in found["9401402"]] == [
        (date(2026, 7, 14), date(2026, 12, 31))
    ]
    assert found["9401405"] == []
    assert [p.nights_only for p in vefsn_found["9182406"]] == [True]
    assert vefsn_found["9182404"][0].period.start == date(2027, 1, 1)


def test_the_decision_help_tells_the_rule_and_the_longest_period_before_deciding(demo):
    found = pending(demo, "4014")
    even = exemption_service.decision_help(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=found["9401408"])
    assert (even["rule_id"], even["max_months"]) == ("NN-EXEMPT", 6) and "særlig vekt" in even["age_note"]
    knut = exemption_service.decision_help(demo, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=found["9401405"])
    assert knut["rule_id"] == "LV-EXEMPT-RIGHT" and knut["right_start"] == date(2024, 5, 5)
