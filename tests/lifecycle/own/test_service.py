"""A GP's own life-cycle requests on SQLite and PostgreSQL: a notice, a list reduction (AGR-LISTREDUCE) or a
deleliste (AGR-DELELISTE) on the GP's own agreement opens the case the kommuneoverlege sees, recorded as
started by the GP; the life cycle's rules refuse with their rule id; another doctor's agreement is refused."""

from datetime import date

import pytest
from sqlalchemy import func, select

from legetjeneste.auth.rules import Actor
from legetjeneste.dates import add_months
from legetjeneste.errors import Conflict, Forbidden, RuleViolation, ValidationFailed
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle.models import LifecycleCase
from legetjeneste.lifecycle.own import service
from legetjeneste.lifecycle.own.schemas import OwnDeleliste, OwnListReduction, OwnNotice
from legetjeneste.lifecycle.schemas import StepCreate
from tests.lifecycle.own.conftest import EIRIK, MAGNUS, gp
from tests.support import VEFSN_KOMMUNEOVERLEGE

ON = date(2026, 12, 4)


def case_count(session) -> int:
    with session.begin():
        return session.scalar(select(func.count()).select_from(LifecycleCase))


def reduction(**extra) -> OwnListReduction:
    fields = {"agreement_id": 182402, "ground": "health", "effective_from": date(2027, 3, 4), **extra}
    return OwnListReduction(**fields)


def test_a_gp_asks_for_a_list_reduction_and_the_kommuneoverlege_sees_the_case_started_by_the_gp(demo):
    jonas = gp(demo())
    sent = service.send_request(
        demo(), actor=jonas, kind="list_reduction", request=reduction(listetak=700, text="Helse"), on=ON
    )
    assert (sent.kind, sent.status, sent.agreement_id, sent.opened_by) == (
        "list_reduction",
        "open",
        182402,
        "lege@vefsn.example",
    )
    assert (
        sent.steps[0].kind == "list_reduction_request" and sent.steps[0].recorded_by == "lege@vefsn.example"
    )
    clock = sent.clocks[0]
    assert (clock.rule_id, clock.due_date) == ("AGR-LISTREDUCE", date(2027, 3, 4))
    seen = lifecycle_service.list_cases(demo(), actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    mine = next(c for c in seen if c.id == sent.id)
    assert mine.title == "Jonas Brekkan ber om listereduksjon på fastlegeavtale 182402"
    assert mine.doctor_name == "Jonas Brekkan"


def test_a_gps_notice_ends_the_agreement_six_months_later_as_the_municipalitys_notice_would(demo):
    sent = service.send_request(
        demo(), actor=gp(demo()), kind="notice", request=OwnNotice(agreement_id=182402), on=ON
    )
    assert sent.notice_period_end == date(2027, 6, 4)
    assert sent.steps[0].facts["party"] == "doctor"
    assert sorted(c.rule_id for c in sent.clocks) == ["AGR-HJEMFALL", "AGR-NOTICE"]


def test_the_check_before_a_notice_states_its_consequence_and_end_date_in_norwegian_and_saves_nothing(demo):
    before = case_count(demo())
    preview = service.check_request(
        demo(), actor=gp(demo()), kind="notice", request=OwnNotice(agreement_id=182402), on=ON
    )
    assert preview.notice_period_end == date(2027, 6, 4)
    assert "Fristen løper ut 4. juni 2027, og da opphører avtalen din" in preview.consequences[0]
    assert "AGR-NOTICE" in preview.consequences[0]
    assert case_count(demo()) == before


def test_another_doctors_agreement_is_refused_and_nothing_is_written(demo):
    before = case_count(demo())
    with pytest.raises(Forbidden, match="Du er ikke fastlege på avtale 182401"):
        service.send_request(
            demo(), actor=gp(demo()), kind="notice", request=OwnNotice(agreement_id=182401), on=ON
        )
    assert case_count(demo()) == before


def test_a_deleliste_for_a_gp_of_40_is_refused_by_the_age_rule_agr_deleliste(demo):
    request = OwnDeleliste(agreement_id=182402, successor="Ida", listetak=900, start_date=date(2027, 1, 1))
    with pytest.raises(RuleViolation) as refused:
        service.check_request(demo(), actor=gp(demo()), kind="deleliste", request=request, on=ON)
    assert (refused.value.rule_id, refused.value.citation) == ("AGR-DELELISTE", "ASA 4310 § 10.8")
    assert "over 60 år" in refused.value.message and "legen er 40 år" in refused.value.message


def test_a_list_reduction_on_the_age_ground_under_60_is_refused_by_agr_listreduce(demo):
    request = reduction(ground="age", effective_from=date(2027, 6, 4))
    with pytest.raises(RuleViolation) as refused:
        service.send_request(demo(), actor=gp(demo()), kind="list_reduction", request=request, on=ON)
    assert refused.value.rule_id == "AGR-LISTREDUCE" and "over 60 år" in refused.value.message


def test_a_list_reduction_asked_too_late_is_refused_with_the_earliest_date_agr_listreduce(demo):
    request = reduction(ground="demanding_list", effective_from=date(2027, 3, 4))
    with pytest.raises(RuleViolation) as refused:
        service.send_request(demo(), actor=gp(demo()), kind="list_reduction", request=request, on=ON)
    assert refused.value.rule_id == "AGR-LISTREDUCE"
    assert "tidligst gjelde fra 4. juni 2027" in refused.value.message


def test_a_list_reduction_to_a_listetak_above_2500_is_refused_by_agr_listetak(demo):
    with pytest.raises(RuleViolation) as refused:
        service.send_request(
            demo(), actor=gp(demo()), kind="list_reduction", request=reduction(listetak=2600), on=ON
        )
    assert refused.value.rule_id == "AGR-LISTETAK"


def test_a_gp_over_60_may_ask_for_a_deleliste_within_the_growth_limit_only(demo):
    eirik = gp(demo(), EIRIK, "eirik@vefsn.example")
    open_case = next(
        c
        for c in lifecycle_service.list_cases(demo(), actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
        if c.agreement_id == 182404 and c.kind == "deleliste"
    )
    request = OwnDeleliste(agreement_id=182404, successor="Ida", listetak=1100, start_date=date(2027, 1, 1))
    with pytest.raises(Conflict, match=f"sak {open_case.id}"):
        service.send_request(demo(), actor=eirik, kind="deleliste", request=request, on=ON)

    lifecycle_service.record_step(
        demo(), actor=VEFSN_KOMMUNEOVERLEGE, case_id=open_case.id, data=StepCreate(kind="closed", on=ON)
    )
    too_many = request.model_copy(update={"listetak": 2000})
    with pytest.raises(RuleViolation) as refused:
        service.check_request(demo(), actor=eirik, kind="deleliste", request=too_many, on=ON)
    assert refused.value.rule_id == "AGR-DELELISTE" and "25 %" in refused.value.message
    sent = service.send_request(demo(), actor=eirik, kind="deleliste", request=request, on=ON)
    assert sent.steps[0].facts["list_length"] > 0 and sent.clocks[0].rule_id == "AGR-DELELISTE"


def test_min_side_lists_my_cases_with_who_started_them_and_the_next_step(demo):
    jonas = gp(demo())
    sent = service.send_request(demo(), actor=jonas, kind="list_reduction", request=reduction(), on=ON)
    mine = service.my_cases(demo(), actor=jonas, doctor_id=jonas.doctor_id)
    assert [c.id for c in mine.cases] == [sent.id]
    assert mine.cases[0].started_by_me and mine.cases[0].status_label == "åpen"
    assert mine.cases[0].next_step.startswith("Kommunen: Listereduksjon (legens helsetilstand)")
    assert "(frist 4. mars 2027)" in mine.cases[0].next_step
    assert mine.agreements == [(182402, "182402 – Vefsn legesenter")]


def test_my_deadlines_mark_an_overdue_clock(demo):
    jonas = gp(demo())
    past = date(2026, 1, 5)
    request = reduction(effective_from=add_months(past, 3))
    service.send_request(demo(), actor=jonas, kind="list_reduction", request=request, on=past)
    deadlines = service.my_deadlines(demo(), actor=jonas, doctor_id=jonas.doctor_id).deadlines
    assert [(d.due_date, d.status, d.rule_id) for d in deadlines] == [
        (date(2026, 4, 5), "overdue", "AGR-LISTREDUCE")
    ]


def test_a_gp_sees_only_their_own_cases_and_deadlines(demo):
    magnus = gp(demo(), MAGNUS, "magnus@vefsn.example")
    with pytest.raises(Forbidden):
        service.my_cases(demo(), actor=magnus, doctor_id=magnus.doctor_id + 1)
    with pytest.raises(Forbidden):
        service.my_deadlines(demo(), actor=magnus, doctor_id=magnus.doctor_id + 1)


def test_the_kommuneoverlege_and_a_gp_without_a_doctor_cannot_send_own_requests(demo):
    with pytest.raises(Forbidden):
        service.send_request(
            demo(), actor=VEFSN_KOMMUNEOVERLEGE, kind="notice", request=OwnNotice(agreement_id=182402)
        )
    unlinked = Actor("x@vefsn.example", "doctor", "1824")
    with pytest.raises(Forbidden, match="ikke knyttet til en lege"):
        service.send_request(demo(), actor=unlinked, kind="notice", request=OwnNotice(agreement_id=182402))


def test_an_unknown_kind_of_request_names_the_field(demo):
    with pytest.raises(ValidationFailed) as refused:
        service.check_request(
            demo(), actor=gp(demo()), kind="hjemfall", request=OwnNotice(agreement_id=182402)
        )
    assert refused.value.problems[0].path == "kind"


def test_a_second_open_notice_on_the_same_agreement_is_refused(demo):
    jonas = gp(demo())
    service.send_request(demo(), actor=jonas, kind="notice", request=OwnNotice(agreement_id=182402), on=ON)
    with pytest.raises(Conflict, match="allerede en åpen sak om oppsigelse"):
        service.send_request(
            demo(), actor=jonas, kind="notice", request=OwnNotice(agreement_id=182402), on=ON
        )
