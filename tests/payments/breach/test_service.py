"""AGR-BREACH, ASA 4310 § 15 on the demo data: a breach case from the notice to the pay-out through the
monthly runs, and who may see and do what."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.audit import queries as audit_queries
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from legetjeneste.money import to_ore
from legetjeneste.payments.breach import service as breach_service
from legetjeneste.payments.breach.schemas import (
    BreachCaseCreate,
    CommentCreate,
    DecisionCreate,
    MeetingCreate,
    RectificationCreate,
    WarningCreate,
)
from legetjeneste.payments.runs import service
from tests.support import (
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_APPROVER,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    import_demo,
)

KOL = VEFSN_KOMMUNEOVERLEGE
AGREEMENT = 182404
FEBRUARY, MARCH, APRIL, MAY, JUNE = (date(2026, month, 1) for month in range(2, 7))
NOTICE = BreachCaseCreate(
    subject="Åpningstid under 28 timer i uken",
    notice_date=date(2026, 1, 5),
    deadline=date(2026, 1, 26),
    text="Kontoret har vært stengt onsdager siden november, i strid med ASA 4310 § 13.1.",
)
WARNING = WarningCreate(
    kind="warning", on=date(2026, 2, 2), text="Basistilskuddet holdes tilbake om ikke rettet."
)
DECISION = DecisionCreate(
    kind="decision",
    on=date(2026, 2, 16),
    percentage=Decimal("20"),
    breach_type="Redusert åpningstid",
    extent="En dag i uken over tre måneder",
    severity="Fortsatt etter varsel og advarsel",
)
RECTIFICATION = RectificationCreate(
    kind="rectification", on=date(2026, 4, 27), text="Åpent alle hverdager igjen."
)


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def open_case(session, actor=KOL, agreement=AGREEMENT, data=NOTICE):
    return breach_service.open_case(session, actor=actor, agreement_id=agreement, data=data)


def step(session, case_id, data, actor=KOL):
    return breach_service.record_step(session, actor=actor, case_id=case_id, data=data)


def run(session, month):
    service.compute_run(session, actor=KOL, municipality_number="1824", month=month)
    return service.approve_run(session, actor=VEFSN_APPROVER, municipality_number="1824", month=month)


def lines(run_read, *kinds):
    return [line for line in run_read.lines if line.agreement == AGREEMENT and line.kind in kinds]


def basistilskudd(run_read) -> Decimal:
    [line] = lines(run_read, "basistilskudd")
    return line.amount


def test_the_whole_case_from_notice_to_pay_out_through_the_monthly_runs(demo):
    case = open_case(demo)
    assert (case.status, case.deadline, case.doctor_name) == (
        "notified",
        date(2026, 1, 26),
        "Eirik Sandnesmo",
    )
    step(demo, case.id, CommentCreate(kind="comment", on=date(2026, 1, 15), text="Legen viser til sykdom."))
    step(
        demo,
        case.id,
        MeetingCreate(kind="meeting", on=date(2026, 1, 20), demanded_by="doctor", text="Drøftet"),
    )
    assert step(demo, case.id, WARNING).status == "warned"
    decided = step(demo, case.id, DECISION)
    assert (decided.status, decided.percentage) == ("withholding", Decimal("20.00"))

    february = run(demo, FEBRUARY)
    assert lines(february, "withholding") == []
    withheld = Decimal(0)
    for month in (MARCH, APRIL):
        month_run = run(demo, month)
        [line] = lines(month_run, "withholding")
        assert line.amount == -to_ore(basistilskudd(month_run) * Decimal("0.2"))
        assert (line.rule_id, line.citation) == ("AGR-BREACH", "ASA 4310 § 15")
        withheld -= line.amount
    assert withheld == Decimal("14422.84") + Decimal("14535.08")
    assert breach_service.get_case(demo, actor=KOL, case_id=case.id).withheld_total == withheld

    rectified = step(demo, case.id, RECTIFICATION)
    assert rectified.status == "rectified" and rectified.next_steps == []
    may = run(demo, MAY)
    assert [line.kind for line in lines(may, "basistilskudd", "withholding", "withheld_payout")] == [
        "basistilskudd",
        "withheld_payout",
    ]
    [payout] = lines(may, "withheld_payout")
    assert payout.amount == withheld and payout.payee_hpr == "9182404"
    june = run(demo, JUNE)
    assert lines(june, "withholding", "withheld_payout") == []

    final = breach_service.get_case(demo, actor=KOL, case_id=case.id)
    assert (final.withheld_total, final.paid_out, final.paid_out_amount, final.paid_out_month) == (
        withheld,
        True,
        withheld,
        "2026-05",
    )
    assert [w.month for w in final.withheld] == ["2026-03", "2026-04"]
    assert [s.kind for s in final.steps] == [
        "notice",
        "comment",
        "meeting",
        "warning",
        "decision",
        "rectification",
    ]
    assert "er utbetalt" in final.what_next


def test_every_step_is_dated_with_its_deadline_and_who_recorded_it(demo):
    case = open_case(demo)
    warned = step(demo, case.id, WARNING.model_copy(update={"deadline": date(2026, 2, 9)}))
    notice, warning = warned.steps
    assert (notice.kind, notice.on, notice.deadline, notice.recorded_by) == (
        "notice",
        date(2026, 1, 5),
        date(2026, 1, 26),
        "kol@vefsn.example",
    )
    assert (warning.on, warning.deadline, warned.deadline) == (
        date(2026, 2, 2),
        date(2026, 2, 9),
        date(2026, 2, 9),
    )
    assert [(n.kind, n.earliest) for n in warned.next_steps] == [
        ("comment", date(2026, 2, 2)),
        ("meeting", date(2026, 2, 2)),
        ("decision", date(2026, 2, 10)),
        ("rectification", date(2026, 2, 2)),
    ]
    assert "tidligst 10. februar 2026" in warned.what_next


def test_the_decision_text_gives_the_percentage_and_the_weighed_reasons(demo):
    case = open_case(demo)
    step(demo, case.id, WARNING)
    decided = step(demo, case.id, DECISION)
    assert decided.steps[-1].text.startswith(
        "Vedtak (enkeltvedtak): 20 % av basistilskuddet holdes tilbake hver måned fra 16. februar 2026"
    )
    assert decided.reasons == (
        "Type mangel: Redusert åpningstid\nOmfang: En dag i uken over tre måneder\n"
        "Grovhet: Fortsatt etter varsel og advarsel"
    )


def test_a_warning_before_the_deadline_and_a_decision_above_20_percent_are_refused(demo):
    case = open_case(demo)
    with pytest.raises(RuleViolation) as caught:
        step(demo, case.id, WARNING.model_copy(update={"on": date(2026, 1, 26)}))
    assert caught.value.rule_id == "AGR-BREACH" and "tidligst 27. januar 2026" in caught.value.message
    step(demo, case.id, WARNING)
    with pytest.raises(RuleViolation) as caught:
        step(demo, case.id, DECISION.model_copy(update={"percentage": Decimal("20.01")}))
    assert "inntil 20 %" in caught.value.message
    assert breach_service.get_case(demo, actor=KOL, case_id=case.id).status == "warned"


def test_steps_after_rectification_are_refused(demo):
    case = open_case(demo)
    step(demo, case.id, RECTIFICATION.model_copy(update={"on": date(2026, 1, 20)}))
    with pytest.raises(RuleViolation) as caught:
        step(demo, case.id, WARNING)
    assert "saken er avsluttet" in caught.value.message


def test_a_salaried_agreement_gets_no_breach_case(demo):
    with pytest.raises(RuleViolation) as caught:
        open_case(demo, agreement=182401)
    assert "fastlønnsavtale" in caught.value.message


def test_a_second_case_cannot_withhold_more_than_20_percent_in_all(demo):
    first, second = open_case(demo), open_case(demo)
    for case in (first, second):
        step(demo, case.id, WARNING)
    step(demo, first.id, DECISION.model_copy(update={"percentage": Decimal("15")}))
    with pytest.raises(RuleViolation) as caught:
        step(demo, second.id, DECISION.model_copy(update={"percentage": Decimal("10")}))
    assert "til sammen" in caught.value.message
    assert step(
        demo, second.id, DECISION.model_copy(update={"percentage": Decimal("5")})
    ).percentage == Decimal("5")


def test_cases_are_listed_for_the_municipality_and_for_the_agreement(demo):
    case = open_case(demo)
    [listed] = breach_service.list_cases(demo, actor=KOL, municipality_number="1824")
    assert (listed.id, listed.agreement_id, listed.status_label, listed.withheld_total) == (
        case.id,
        AGREEMENT,
        "varslet",
        Decimal("0.00"),
    )
    assert [c.id for c in breach_service.list_cases(demo, actor=KOL, agreement_id=AGREEMENT)] == [case.id]
    assert breach_service.list_cases(demo, actor=KOL, agreement_id=182405) == []
    options = breach_service.agreement_options(demo, actor=KOL, municipality_number="1824")
    assert AGREEMENT in [o.id for o in options] and 182401 not in [o.id for o in options]


def test_another_municipalitys_case_and_agreement_answer_404(demo):
    case = open_case(demo)
    with pytest.raises(NotFound):
        breach_service.get_case(demo, actor=KRAGERO_KOMMUNEOVERLEGE, case_id=case.id)
    with pytest.raises(NotFound):
        step(demo, case.id, WARNING, actor=KRAGERO_KOMMUNEOVERLEGE)
    with pytest.raises(NotFound):
        open_case(demo, actor=KRAGERO_KOMMUNEOVERLEGE)
    with pytest.raises(NotFound):
        breach_service.list_cases(demo, actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="1824")
    with pytest.raises(NotFound):
        breach_service.get_case(demo, actor=KOL, case_id=case.id + 1000)


def test_a_doctor_may_neither_read_nor_write_breach_cases(demo):
    case = open_case(demo)
    with pytest.raises(Forbidden):
        open_case(demo, actor=VEFSN_DOCTOR)
    with pytest.raises(Forbidden):
        breach_service.get_case(demo, actor=VEFSN_DOCTOR, case_id=case.id)
    with pytest.raises(Forbidden):
        step(demo, case.id, WARNING, actor=VEFSN_DOCTOR)


def test_the_decision_needs_the_permission_to_approve_payments(demo, monkeypatch):
    case = open_case(demo)
    step(demo, case.id, WARNING)
    monkeypatch.setitem(auth_rules.PERMISSIONS, "payments.approve", frozenset({"admin"}))
    with pytest.raises(Forbidden) as caught:
        step(demo, case.id, DECISION)
    assert "godkjenne utbetalinger" in caught.value.message
    assert step(demo, case.id, DECISION, actor=SYSTEM).status == "withholding"


def test_every_write_and_read_is_audited(demo):
    case = open_case(demo)
    step(demo, case.id, WARNING)
    breach_service.get_case(demo, actor=KOL, case_id=case.id)
    with demo.begin():
        found = audit_queries.entries(demo, municipality_number="1824", limit=3)
        seen = [(e.action, e.entity, e.actor) for e in reversed(found)]
    assert seen == [
        ("create", "breach_case", "kol@vefsn.example"),
        ("create", "breach_step", "kol@vefsn.example"),
        ("read", "breach_case", "kol@vefsn.example"),
    ]
