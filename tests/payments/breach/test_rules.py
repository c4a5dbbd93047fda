"""AGR-BREACH, ASA 4310 § 15: the order of a breach case's steps and their guards, on both sides of each."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.errors import RuleViolation
from legetjeneste.payments.breach import rules as br

NOTICE, DEADLINE = date(2026, 1, 5), date(2026, 1, 26)
TODAY = date(2026, 11, 1)
NOTIFIED = br.CaseState(notice_date=NOTICE, deadline=DEADLINE, last_step=NOTICE)
WARNED = br.CaseState(
    notice_date=NOTICE, deadline=DEADLINE, last_step=date(2026, 2, 2), warning_date=date(2026, 2, 2)
)
WITHHOLDING = br.CaseState(
    notice_date=NOTICE,
    deadline=DEADLINE,
    last_step=date(2026, 2, 16),
    warning_date=date(2026, 2, 2),
    decision_date=date(2026, 2, 16),
)
RECTIFIED = br.CaseState(
    notice_date=NOTICE, deadline=DEADLINE, last_step=date(2026, 4, 27), rectified_date=date(2026, 4, 27)
)
REASONS = {"type mangel": "Åpningstid", "omfang": "To dager i uken", "grovhet": "Gjentatt etter varsel"}


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(RuleViolation) as caught:
        call(*args, **kwargs)
    assert (caught.value.rule_id, caught.value.citation) == ("AGR-BREACH", "ASA 4310 § 15")
    return caught.value.message


def notice(**changes):
    given = {
        "notice_date": NOTICE,
        "deadline": DEADLINE,
        "subject": "Åpningstid under 28 timer i uken",
        "text": "Kontoret har vært stengt onsdag og fredag siden november.",
        "self_employed": True,
        "has_gp": True,
        "today": TODAY,
    }
    return br.check_notice(**{**given, **changes})


def decide(state=WARNED, *, on=date(2026, 2, 16), percentage="20", other="0", reasons=None):
    return br.check_decision(
        state,
        on=on,
        percentage=Decimal(percentage),
        max_percentage=Decimal(20),
        other_percentage=Decimal(other),
        reasons=REASONS if reasons is None else reasons,
        today=TODAY,
    )


def test_a_written_reasoned_notice_with_a_deadline_after_its_date_opens_a_case():
    assert notice() is None
    assert notice(deadline=NOTICE.replace(day=6)) is None


def test_a_notice_whose_deadline_is_on_or_before_the_notice_date_is_refused():
    assert "må være etter varseldatoen" in refused(notice, deadline=NOTICE)
    assert "rimelig tid" in refused(notice, deadline=date(2026, 1, 4))


def test_a_notice_without_reasons_or_without_saying_what_to_rectify_is_refused():
    assert "skriftlig og begrunnes" in refused(notice, text="  ")
    assert "hvilket forhold" in refused(notice, subject="")


def test_a_salaried_gp_has_no_basistilskudd_to_withhold_so_no_case_is_opened():
    assert "fastlønnsavtale" in refused(notice, self_employed=False)


def test_an_agreement_without_a_gp_on_the_notice_date_gets_no_notice():
    assert "ingen fastlege" in refused(notice, has_gp=False)


def test_a_notice_dated_in_the_future_is_refused_and_one_dated_today_is_not():
    assert notice(notice_date=TODAY, deadline=date(2026, 12, 1)) is None
    assert "fram i tid" in refused(notice, notice_date=date(2026, 11, 2), deadline=date(2026, 12, 1))


def test_the_gps_comment_and_a_meeting_are_recorded_up_to_the_deadline_and_not_after():
    assert br.check_comment(NOTIFIED, on=DEADLINE, text="Legen er uenig", today=TODAY) is None
    assert br.check_meeting(NOTIFIED, on=DEADLINE, text="Møte på rådhuset", today=TODAY) is None
    late = date(2026, 1, 27)
    assert "til og med fristen 26. januar 2026" in refused(
        br.check_comment, NOTIFIED, on=late, text="x", today=TODAY
    )
    assert "til og med fristen" in refused(br.check_meeting, NOTIFIED, on=late, text="x", today=TODAY)
    assert "Skriv legens uttalelse" in refused(br.check_comment, NOTIFIED, on=DEADLINE, text="", today=TODAY)


def test_a_step_cannot_be_dated_before_the_previous_step():
    message = refused(br.check_comment, NOTIFIED, on=date(2026, 1, 4), text="x", today=TODAY)
    assert "før forrige steg" in message


def test_the_written_warning_comes_only_after_the_deadline_has_passed():
    assert (
        br.check_warning(NOTIFIED, on=date(2026, 1, 27), text="Advarsel", deadline=None, today=TODAY) is None
    )
    message = refused(br.check_warning, NOTIFIED, on=DEADLINE, text="Advarsel", deadline=None, today=TODAY)
    assert "tidligst 27. januar 2026" in message


def test_there_is_one_warning_and_none_after_a_decision():
    on = date(2026, 3, 1)
    assert "én advarsel" in refused(br.check_warning, WARNED, on=on, text="x", deadline=None, today=TODAY)
    assert "fattet vedtak" in refused(
        br.check_warning, WITHHOLDING, on=on, text="x", deadline=None, today=TODAY
    )


def test_a_warning_must_be_written_and_a_deadline_it_sets_must_be_after_it():
    on = date(2026, 2, 2)
    assert "skriftlig" in refused(br.check_warning, NOTIFIED, on=on, text=" ", deadline=None, today=TODAY)
    assert "etter advarselsdatoen" in refused(
        br.check_warning, NOTIFIED, on=on, text="x", deadline=on, today=TODAY
    )
    assert br.check_warning(NOTIFIED, on=on, text="x", deadline=date(2026, 2, 3), today=TODAY) is None


def test_a_decision_needs_the_warning_first():
    assert "skriftlig advarsel" in refused(decide, NOTIFIED, on=date(2026, 2, 16))


def test_a_decision_comes_the_day_after_the_warning_at_the_earliest():
    assert decide(on=date(2026, 2, 3)) is None
    assert "tidligst fattes 3. februar 2026" in refused(decide, on=date(2026, 2, 2))


def test_a_decision_comes_after_a_deadline_the_warning_set():
    state = br.CaseState(
        notice_date=NOTICE,
        deadline=date(2026, 2, 9),
        last_step=date(2026, 2, 2),
        warning_date=date(2026, 2, 2),
    )
    assert decide(state, on=date(2026, 2, 10)) is None
    assert "tidligst fattes 10. februar 2026" in refused(decide, state, on=date(2026, 2, 9))


def test_withholding_20_percent_is_allowed_and_20_01_is_not():
    assert decide(percentage="20") is None
    assert decide(percentage="20.00") is None
    assert "inntil 20 %" in refused(decide, percentage="20.01")


def test_withholding_0_percent_or_less_is_refused_and_0_01_is_allowed():
    assert "større enn 0 %" in refused(decide, percentage="0")
    assert "større enn 0 %" in refused(decide, percentage="-5")
    assert decide(percentage="0.01") is None


def test_two_cases_on_one_agreement_withhold_at_most_20_percent_together():
    assert decide(percentage="5", other="15") is None
    assert "til sammen" in refused(decide, percentage="5.01", other="15")


def test_a_decision_is_reasoned_on_type_extent_and_severity_of_the_breach():
    message = refused(decide, reasons={**REASONS, "omfang": "", "grovhet": " "})
    assert "enkeltvedtak" in message and "mangler omfang og grovhet" in message


def test_there_is_one_decision_in_a_case():
    assert "allerede fattet vedtak" in refused(decide, WITHHOLDING, on=date(2026, 3, 1))


def test_rectification_may_come_at_any_stage_and_ends_the_case():
    for state in (NOTIFIED, WARNED, WITHHOLDING):
        assert br.check_rectification(state, on=date(2026, 4, 27), text="Åpent igjen", today=TODAY) is None
    assert "Skriv hvordan" in refused(
        br.check_rectification, WITHHOLDING, on=date(2026, 4, 27), text="", today=TODAY
    )


def test_every_step_after_rectification_is_refused():
    on = date(2026, 5, 1)
    for check, kwargs in (
        (br.check_comment, {"text": "x"}),
        (br.check_meeting, {"text": "x"}),
        (br.check_warning, {"text": "x", "deadline": None}),
        (br.check_rectification, {"text": "x"}),
    ):
        assert "saken er avsluttet" in refused(check, RECTIFIED, on=on, today=TODAY, **kwargs)
    assert "saken er avsluttet" in refused(decide, RECTIFIED, on=on)


def test_a_step_dated_after_today_is_refused():
    message = refused(br.check_rectification, WITHHOLDING, on=date(2026, 11, 2), text="x", today=TODAY)
    assert "fram i tid" in message


def test_the_status_follows_the_steps():
    assert [br.status_of(s) for s in (NOTIFIED, WARNED, WITHHOLDING, RECTIFIED)] == [
        "notified",
        "warned",
        "withholding",
        "rectified",
    ]


def test_next_steps_name_each_allowed_step_with_its_dates():
    assert br.next_steps(NOTIFIED) == [
        br.NextStep("comment", NOTICE, DEADLINE),
        br.NextStep("meeting", NOTICE, DEADLINE),
        br.NextStep("warning", date(2026, 1, 27)),
        br.NextStep("rectification", NOTICE),
    ]
    assert br.next_steps(WARNED) == [
        br.NextStep("decision", date(2026, 2, 3)),
        br.NextStep("rectification", date(2026, 2, 2)),
    ]
    assert br.next_steps(WITHHOLDING) == [br.NextStep("rectification", date(2026, 2, 16))]
    assert br.next_steps(RECTIFIED) == []


def test_percentages_are_written_the_norwegian_way():
    assert br.percent_text(Decimal("20.00")) == "20 %"
    assert br.percent_text(Decimal("12.50")) == "12,5 %"
    assert br.percent_text(Decimal("20")) == "20 %"
