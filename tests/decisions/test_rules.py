"""DEC-REASONS, DEC-APPEAL as pure rules: what a decision must state, the appeal deadline on both sides of
its last day, and when an appeal may be made and handled."""

from datetime import date

import pytest

from legetjeneste.agreement import parameters
from legetjeneste.decisions import rules
from legetjeneste.decisions.rules import Reason
from legetjeneste.errors import Conflict, RuleViolation, ValidationFailed

RULE = Reason("NN-EXEMPT", "KRAGERØ SU 17.3.2026", "Beredskapen ved GKL går foran.")


def test_dec_reasons_a_decision_without_a_rule_or_facts_is_refused():
    with pytest.raises(RuleViolation) as no_rule:
        rules.reasons_check(reasons=[], facts=["Søkt 3. november"], discretion=False, weighing="")
    assert no_rule.value.rule_id == "DEC-REASONS"
    with pytest.raises(RuleViolation) as no_text:
        rules.reasons_check(
            reasons=[Reason("AGR-AWARD", "ASA 4310 § 5.5", " ")], facts=["x"], discretion=False, weighing=""
        )
    assert no_text.value.rule_id == "DEC-REASONS"
    with pytest.raises(RuleViolation) as no_facts:
        rules.reasons_check(reasons=[RULE], facts=[" "], discretion=False, weighing="")
    assert "faktiske forholdene" in no_facts.value.message


def test_dec_reasons_discretion_needs_the_weighing_written():
    with pytest.raises(RuleViolation) as refused:
        rules.reasons_check(reasons=[RULE], facts=["Søkt"], discretion=True, weighing="  ")
    assert refused.value.rule_id == "DEC-REASONS" and "vektleggingen" in refused.value.message
    rules.reasons_check(reasons=[RULE], facts=["Søkt"], discretion=True, weighing="Beredskap mot omsorg.")
    rules.reasons_check(reasons=[RULE], facts=["Søkt"], discretion=False, weighing="")


def test_dec_appeal_the_deadline_is_three_weeks_from_the_day_the_letter_reached_the_party():
    weeks = parameters.value("decisions/appeal_weeks", on=date(2026, 11, 2))
    assert weeks == 3
    assert rules.appeal_deadline(date(2026, 11, 2), weeks=weeks) == date(2026, 11, 23)  # Monday → Monday


def test_dec_appeal_a_deadline_on_a_weekend_or_holiday_runs_to_the_next_working_day():
    assert rules.appeal_deadline(date(2026, 11, 7), weeks=3) == date(2026, 11, 30)  # Saturday → Monday
    # 4 December + 3 weeks is Christmas Day; 26 December is a holiday and 27 December a Sunday.
    assert rules.appeal_deadline(date(2026, 12, 4), weeks=3) == date(2026, 12, 28)


def test_dec_appeal_an_appeal_on_the_last_day_is_in_time_and_the_day_after_is_refused_with_the_date():
    deadline = date(2026, 11, 23)
    rules.appeal_check(today=deadline, deadline=deadline, statuses=[], replaced=False, text="Jeg klager.")
    with pytest.raises(RuleViolation) as late:
        rules.appeal_check(
            today=date(2026, 11, 24), deadline=deadline, statuses=[], replaced=False, text="Jeg klager."
        )
    assert late.value.rule_id == "DEC-APPEAL" and "23. november 2026" in late.value.message


def test_dec_appeal_an_empty_appeal_names_the_field():
    with pytest.raises(ValidationFailed) as empty:
        rules.appeal_check(
            today=date(2026, 11, 2), deadline=date(2026, 11, 23), statuses=[], replaced=False, text=" "
        )
    assert [(p.path, p.rule_id) for p in empty.value.problems] == [("text", "DEC-APPEAL")]


@pytest.mark.parametrize(
    ("statuses", "replaced", "words"),
    [
        (["received"], False, "allerede en klage"),
        (["sent_on"], False, "klageinstansen"),
        (["reversed"], False, "omgjort"),
        ([], True, "omgjort"),
    ],
)
def test_dec_appeal_one_appeal_at_a_time_and_none_after_reversal_or_sending_on(statuses, replaced, words):
    with pytest.raises(Conflict) as refused:
        rules.appeal_check(
            today=date(2026, 11, 2),
            deadline=date(2026, 11, 23),
            statuses=statuses,
            replaced=replaced,
            text="x",
        )
    assert words in refused.value.message and refused.value.rule_id == "DEC-APPEAL"


def test_dec_appeal_the_body_may_reverse_only_what_its_feature_can_reverse_and_handles_an_appeal_once():
    assert list(rules.handling_options(reversible=True, status="received")) == ["reversed", "sent_on"]
    assert list(rules.handling_options(reversible=False, status="received")) == ["sent_on"]
    assert rules.handling_options(reversible=True, status="sent_on") == {}
    with pytest.raises(ValidationFailed) as missing:
        rules.handling_check(outcome=None, options={"sent_on": "Send"}, reasons="")
    assert [p.path for p in missing.value.problems] == ["outcome", "reasons"]
    with pytest.raises(ValidationFailed):
        rules.handling_check(outcome="reversed", options={"sent_on": "Send"}, reasons="Begrunnet.")


def test_the_case_number_is_readable_per_year_and_the_appeal_body_is_the_countys_statsforvalter():
    assert rules.case_number(2026, 42) == "2026/0042"
    assert rules.appeal_body("4014") == "Statsforvalteren i Vestfold og Telemark"
    assert rules.appeal_body("1824") == "Statsforvalteren i Nordland"
