"""RULES.md § 1, AGR-AGE-END (ASA 4310 § 16, FLF § 12): the age limit around 2027 and the extension limits,
with the dated limits as the service resolves them (`lifecycle.terms`)."""

from datetime import date

from legetjeneste.lifecycle import terms


def test_agr_age_end_a_gp_turning_70_on_31_december_2026_stops_that_day():
    assert terms.age_end(date(1956, 12, 31)) == date(2026, 12, 31)
    c = terms.age_clock(date(1956, 12, 31))
    assert (c.rule_id, c.due) == ("AGR-AGE-END", date(2026, 12, 31))
    assert "fyller 70 år" in c.text


def test_agr_age_end_a_gp_turning_70_on_1_january_2027_meets_the_new_limit_of_72():
    assert terms.age_end(date(1957, 1, 1)) == date(2029, 1, 1)
    assert "fyller 72 år" in terms.age_clock(date(1957, 1, 1)).text


def test_agr_age_end_a_gp_turning_70_in_2026_stops_then_and_the_later_limit_does_not_revive_it():
    assert terms.age_end(date(1956, 6, 1)) == date(2026, 6, 1)


def test_agr_age_end_a_gp_turning_70_later_in_2027_works_until_72():
    assert terms.age_end(date(1957, 5, 20)) == date(2029, 5, 20)


def test_agr_age_end_a_gp_born_on_a_leap_day_reaches_the_limit_on_1_march_in_a_common_year():
    assert terms.age_end(date(1960, 2, 29)) == date(2032, 2, 29)
    assert terms.age_end(date(1956, 2, 29)) == date(2026, 3, 1)


def test_agr_age_end_an_extension_is_limited_to_75_by_the_agreement_and_80_by_the_regulation():
    limit = terms.extension_limit(date(1957, 1, 1))
    assert (limit.asa_age, limit.asa_until) == (75, date(2031, 12, 31))
    assert (limit.flf_age, limit.flf_until) == (80, date(2036, 12, 31))
    assert "ASA 4310 § 16" in limit.text() and "fastlegeforskriften § 12" in limit.text().lower()
    assert "75" in limit.asa_source and "§ 12" in limit.flf_source


def test_agr_age_end_before_the_regulations_extension_limit_is_in_force_only_the_agreements_is_shown():
    limit = terms.extension_limit(date(1955, 6, 1))
    assert (limit.asa_age, limit.asa_until, limit.flf_age) == (75, date(2030, 5, 31), None)
    assert "fastlegeforskriften" not in limit.text().lower()
