"""LV-EXEMPT-RIGHT, LV-EXEMPT-DISCRETION, NN-EXEMPT as pure functions, with the date edges: the 60th
birthday, the due date minus three months, the child's first birthday, and the six-month limit."""

from datetime import date

import pytest

from legetjeneste.agreement import parameters
from legetjeneste.agreement.parameters import ParameterNotInForce
from legetjeneste.dates import Period, add_months
from legetjeneste.errors import RuleViolation
from legetjeneste.legevakt.exemptions import rules
from legetjeneste.legevakt.schemes import rules as scheme_rules

BORN = date(1966, 7, 14)


def facts(**changes) -> rules.RightFacts:
    values = dict(
        birth_date=BORN,
        due_date=None,
        child_birth_date=None,
        exemption_age=60,
        pregnancy_months=3,
        child_age_months=12,
    )
    return rules.RightFacts(**(values | changes))


def grant(ground: str, start: date, end: date | None = None, **changes) -> Period:
    return rules.granted_right(ground=ground, applied=Period(start, end), facts=facts(**changes))


def test_an_over_60_exemption_is_granted_from_the_60th_birthday_not_from_the_day_before():
    assert grant(rules.OVER_60, date(2026, 7, 1)) == Period(date(2026, 7, 14))
    assert grant(rules.OVER_60, date(2026, 7, 13)).start == date(2026, 7, 14)
    assert grant(rules.OVER_60, date(2026, 7, 14)).start == date(2026, 7, 14)
    assert grant(rules.OVER_60, date(2026, 7, 15)).start == date(2026, 7, 15)


def test_an_over_60_application_that_ends_the_day_before_the_birthday_is_outside_the_right():
    with pytest.raises(RuleViolation) as error:
        grant(rules.OVER_60, date(2026, 6, 1), date(2026, 7, 13))
    assert error.value.rule_id == "LV-EXEMPT-RIGHT" and "14. juli 2026" in error.value.message


def test_a_doctor_born_on_29_february_turns_60_on_1_march():
    assert rules.birthday(date(1964, 2, 29), 60) == date(2024, 2, 29)
    assert rules.birthday(date(1968, 2, 29), 60) == date(2028, 2, 29)
    assert rules.birthday(date(1964, 2, 29), 61) == date(2025, 3, 1)


def test_pregnancy_gives_a_right_from_the_due_date_minus_three_months_until_the_due_date():
    due = date(2027, 10, 20)
    assert rules.right_period(rules.PREGNANCY, facts(due_date=due)) == Period(date(2027, 7, 20), due)
    assert grant(rules.PREGNANCY, date(2027, 7, 1), due, due_date=due).start == date(2027, 7, 20)
    assert grant(rules.PREGNANCY, date(2027, 7, 20), due, due_date=due).start == date(2027, 7, 20)
    with pytest.raises(RuleViolation):
        grant(rules.PREGNANCY, date(2027, 6, 1), date(2027, 7, 19), due_date=due)


def test_breastfeeding_gives_a_right_until_the_day_before_the_childs_first_birthday():
    born = date(2026, 3, 10)
    right = rules.right_period(rules.BREASTFEEDING, facts(child_birth_date=born))
    assert right == Period(born, date(2027, 3, 9))
    assert grant(rules.BREASTFEEDING, date(2026, 9, 1), date(2027, 6, 30), child_birth_date=born).end == date(
        2027, 3, 9
    )
    with pytest.raises(RuleViolation):
        grant(rules.BREASTFEEDING, date(2027, 3, 10), date(2027, 6, 30), child_birth_date=born)


def test_a_right_cannot_be_refused_where_it_applies_but_can_where_it_does_not():
    with pytest.raises(RuleViolation) as error:
        rules.refuse_right_check(ground=rules.OVER_60, applied=Period(date(2026, 8, 1)), facts=facts())
    assert error.value.rule_id == "LV-EXEMPT-RIGHT" and "kan ikke avslås" in error.value.message
    rules.refuse_right_check(
        ground=rules.OVER_60, applied=Period(date(2026, 1, 1), date(2026, 7, 13)), facts=facts()
    )


def discretionary(
    kind=scheme_rules.NODNETT, ground=rules.HEALTH, end=date(2026, 11, 30), weighing="Vurdert."
):
    rules.discretionary_check(
        kind=kind, ground=ground, granted=Period(date(2026, 6, 1), end), max_months=6, weighing=weighing
    )


def test_a_discretionary_exemption_may_last_exactly_six_months_but_not_a_day_more():
    discretionary(end=date(2026, 11, 30))
    with pytest.raises(RuleViolation) as error:
        discretionary(end=date(2026, 12, 1))
    assert error.value.rule_id == "NN-EXEMPT" and "30. november 2026" in error.value.message


def test_a_discretionary_legevakt_exemption_names_lv_exempt_discretion():
    with pytest.raises(RuleViolation) as error:
        discretionary(kind=scheme_rules.LEGEVAKT, end=date(2026, 12, 1))
    assert error.value.rule_id == "LV-EXEMPT-DISCRETION"


def test_a_discretionary_exemption_needs_an_end_the_weighing_and_a_health_or_social_ground():
    with pytest.raises(RuleViolation, match="sluttdato"):
        discretionary(end=None)
    with pytest.raises(RuleViolation, match="Vektleggingen"):
        discretionary(weighing="  ")
    with pytest.raises(RuleViolation, match="helsemessige eller tungtveiende sosiale"):
        discretionary(ground=rules.OVER_60)


def test_age_over_55_gets_special_weight_but_is_no_ground_alone():
    assert rules.age_weight_note(age=54, weight_age=55) == ""
    assert "særlig vekt" in rules.age_weight_note(age=55, weight_age=55)
    assert "alder alene er ikke grunnlag" in rules.age_weight_note(age=58, weight_age=55)


def test_six_months_from_31_august_ends_on_the_last_day_of_february():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 6, 1), 6) == date(2026, 12, 1)
    assert add_months(date(2027, 10, 20), -3) == date(2027, 7, 20)


def test_a_doctor_who_turns_60_inside_the_roster_period_is_exempt_from_the_birthday():
    exemption = rules.ExemptionFacts(rules.OVER_60, rules.FULL, date(2026, 7, 1), None)
    found = rules.exempt_periods(
        birth_date=BORN,
        exemption_age=60,
        exemptions=[exemption],
        first=date(2026, 7, 1),
        last=date(2026, 12, 31),
    )
    assert [p.period for p in found] == [Period(date(2026, 7, 14), date(2026, 12, 31))]
    assert found[0].rule_id == "LV-EXEMPT-RIGHT" and not found[0].nights_only


def test_exempt_periods_are_clipped_to_the_roster_period_and_keep_no_nights():
    inside = rules.ExemptionFacts(rules.HEALTH, rules.NO_NIGHTS, date(2027, 1, 1), date(2027, 6, 30))
    before = rules.ExemptionFacts(rules.SOCIAL, rules.FULL, date(2026, 1, 1), date(2026, 6, 30))
    found = rules.exempt_periods(
        birth_date=BORN,
        exemption_age=60,
        exemptions=[inside, before],
        first=date(2027, 3, 1),
        last=date(2027, 12, 31),
    )
    assert len(found) == 1
    assert found[0].period == Period(date(2027, 3, 1), date(2027, 6, 30))
    assert found[0].nights_only and found[0].rule_id == "LV-EXEMPT-DISCRETION"
    assert found[0].reason == "Fritak: helsemessige grunner (ikke natt)"


def test_shifts_per_participant_share_the_month_and_say_none_when_nobody_is_left():
    assert rules.shifts_per_participant(13, 7) == 1.9
    assert rules.shifts_per_participant(13, 3) == 4.3
    assert rules.shifts_per_participant(13, 0) is None


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("legevakt/exemption_age", (date(2025, 12, 31), 60), (date(2026, 1, 1), 60)),
        ("legevakt/pregnancy_months", (date(2025, 12, 31), 3), (date(2026, 1, 1), 3)),
        ("legevakt/child_age_months", (date(2025, 12, 31), 12), (date(2026, 1, 1), 12)),
        ("legevakt/discretion_weight_age", (date(2025, 12, 31), 55), (date(2026, 1, 1), 55)),
    ],
)
def test_the_exemption_parameters_hold_on_both_sides_of_the_new_regulation(name, before, after):
    assert parameters.value(name, on=before[0]) == before[1]
    assert parameters.value(name, on=after[0]) == after[1]
    assert "2405" in parameters.parameter(name).entry_on(after[0]).source
    assert "842" in parameters.parameter(name).entry_on(before[0]).source


def test_the_six_months_of_nn_exempt_are_in_force_nationally_from_the_new_regulation():
    # Kragerø's SU minutes of 17 March 2026 are Kragerø's own value (its municipality file), not the nation's.
    with pytest.raises(ParameterNotInForce):
        parameters.value("legevakt/nodnett_exemption_max_months", on=date(2025, 12, 31))
    assert parameters.value("legevakt/nodnett_exemption_max_months", on=date(2026, 1, 1)) == 6
