"""RULES.md § 1 (AGR-*): every refusal of the life cycle's guards, and the allowed case next to it."""

from datetime import date

import pytest

from legetjeneste.errors import RuleViolation
from legetjeneste.lifecycle import rules

CONTENT = {
    "location": "Mosjøen legesenter",
    "listetak": 1200,
    "operating_model": "selvstendig næringsdrivende",
    "practice_type": "group",
}


def refused(rule_id: str, citation: str, call, *args, **kwargs) -> str:
    with pytest.raises(RuleViolation) as caught:
        call(*args, **kwargs)
    assert (caught.value.rule_id, caught.value.citation) == (rule_id, citation)
    return caught.value.message


# AGR-ANNOUNCE, ASA 4310 § 5.4


def test_agr_announce_an_announcement_with_a_14_day_deadline_is_refused_naming_21_days_and_the_source():
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        rules.check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 15),
        CONTENT,
    )
    assert "bare 14 dager" in message and "minst 21 dager" in message
    assert "tidligst 22. september 2026" in message and "ASA 4310" in message


def test_agr_announce_a_deadline_of_exactly_21_days_is_allowed_and_20_is_not():
    rules.check_announcement(date(2026, 9, 1), date(2026, 9, 22), CONTENT)
    refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        rules.check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 21),
        CONTENT,
    )


def test_agr_announce_an_announcement_without_location_and_practice_type_is_refused_naming_both():
    content = {**CONTENT, "location": " ", "practice_type": None}
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        rules.check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        content,
    )
    assert "lokalisering og type praksis (gruppe- eller solopraksis)" in message


def test_agr_announce_the_practice_type_is_group_or_solo():
    content = {**CONTENT, "practice_type": "kollektiv"}
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        rules.check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        content,
    )
    assert "«kollektiv»" in message
    rules.check_announcement(date(2026, 9, 1), date(2026, 9, 22), {**CONTENT, "practice_type": "solo"})


def test_agr_listetak_an_announced_list_above_2500_is_refused_and_2500_is_allowed():
    message = refused(
        "AGR-LISTETAK",
        "fastlegeforskriften § 10",
        rules.check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        {**CONTENT, "listetak": 2501},
    )
    assert "2501 er over maksimum 2500" in message and "§ 10" in message
    rules.check_announcement(date(2026, 9, 1), date(2026, 9, 22), {**CONTENT, "listetak": 2500})


def test_agr_announce_a_vacant_agreement_needs_the_departing_gps_practice_form():
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        rules.check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        CONTENT,
        vacant=True,
    )
    assert "prisantydning" in message
    rules.check_announcement(
        date(2026, 9, 1), date(2026, 9, 22), {**CONTENT, "practice_form": True}, vacant=True
    )


# AGR-LISTETAK, FLF § 10


def test_agr_listetak_above_2500_is_refused_below_500_is_only_a_warning():
    message = refused(
        "AGR-LISTETAK", "fastlegeforskriften § 10", rules.check_listetak, 2600, on=date(2026, 5, 1)
    )
    assert "2600" in message and "FOR-2025-12-02-2405" in message
    assert rules.check_listetak(2500, on=date(2026, 5, 1)) == []
    (warning,) = rules.check_listetak(400, on=date(2026, 5, 1))
    assert (warning.severity, warning.rule_id) == ("warning", "AGR-LISTETAK")


# AGR-NEW-INFORM, AGR-NEW-SU, ASA 4310 §§ 5.1, 5.3


def test_agr_new_su_a_new_agreement_without_the_sus_statement_is_refused():
    message = refused(
        "AGR-NEW-SU", "ASA 4310 § 5.3", rules.check_new_agreement, None, date(2026, 2, 1), date(2026, 3, 1)
    )
    assert "samarbeidsutvalget" in message and "ikke registrert" in message


def test_agr_new_su_a_statement_dated_after_the_creation_is_refused_and_the_same_day_is_allowed():
    message = refused(
        "AGR-NEW-SU",
        "ASA 4310 § 5.3",
        rules.check_new_agreement,
        date(2026, 3, 2),
        date(2026, 2, 1),
        date(2026, 3, 1),
    )
    assert "2. mars 2026" in message
    rules.check_new_agreement(date(2026, 3, 1), date(2026, 2, 1), date(2026, 3, 1))


def test_agr_new_inform_the_gps_must_be_informed_first():
    message = refused(
        "AGR-NEW-INFORM",
        "ASA 4310 § 5.1",
        rules.check_new_agreement,
        date(2026, 2, 1),
        None,
        date(2026, 3, 1),
    )
    assert "informeres" in message


# AGR-AWARD, ASA 4310 § 5.5


def test_agr_award_in_a_group_practice_without_the_groups_statement_is_refused():
    message = refused("AGR-AWARD", "ASA 4310 § 5.5", rules.check_award, True, None, date(2026, 5, 4))
    assert "gjenværende legenes uttalelse" in message


def test_agr_award_with_the_groups_statement_or_in_a_solo_practice_is_allowed():
    rules.check_award(True, date(2026, 5, 4), date(2026, 5, 4))
    rules.check_award(False, None, date(2026, 5, 4))
    refused("AGR-AWARD", "ASA 4310 § 5.5", rules.check_award, True, date(2026, 5, 5), date(2026, 5, 4))


# AGR-OFFER-5W, ASA 4310 § 5.6


def test_agr_offer_5w_an_offer_cannot_be_withdrawn_on_the_35th_day_but_can_on_the_36th():
    message = refused(
        "AGR-OFFER-5W", "ASA 4310 § 5.6", rules.check_offer_withdrawal, date(2026, 3, 2), date(2026, 4, 6)
    )
    assert "til og med 6. april 2026" in message and "tidligst trekkes tilbake 7. april 2026" in message
    rules.check_offer_withdrawal(date(2026, 3, 2), date(2026, 4, 7))


def test_agr_offer_5w_an_accepted_offer_cannot_be_withdrawn():
    message = refused(
        "AGR-OFFER-5W",
        "ASA 4310 § 5.6",
        rules.check_offer_withdrawal,
        date(2026, 3, 2),
        date(2026, 5, 1),
        accepted_on=date(2026, 4, 1),
    )
    assert "akseptert 1. april 2026" in message


# AGR-HJEMFALL, ASA 4310 § 5.8

THREE = [date(2026, 9, 1), date(2026, 12, 1), date(2027, 3, 1)]


def test_agr_hjemfall_before_6_months_after_the_notice_period_is_refused():
    message = refused(
        "AGR-HJEMFALL", "ASA 4310 § 5.8", rules.check_hjemfall, date(2027, 2, 28), THREE, date(2027, 8, 27)
    )
    assert "tidligst hjemfalle 28. august 2027" in message


def test_agr_hjemfall_after_6_months_and_3_announcements_is_allowed():
    rules.check_hjemfall(date(2027, 2, 28), THREE, date(2027, 8, 28))


def test_agr_hjemfall_with_only_2_correct_announcements_is_refused():
    message = refused(
        "AGR-HJEMFALL", "ASA 4310 § 5.8", rules.check_hjemfall, date(2027, 2, 28), THREE[:2], date(2027, 9, 1)
    )
    assert "bare 2 korrekte utlysninger" in message and "minst 3" in message


def test_agr_hjemfall_an_announcement_published_after_the_day_does_not_count():
    later = [*THREE[:2], date(2027, 9, 15)]
    refused(
        "AGR-HJEMFALL", "ASA 4310 § 5.8", rules.check_hjemfall, date(2027, 2, 28), later, date(2027, 9, 1)
    )


# AGR-LISTREDUCE, ASA 4310 § 10.7

BORN_1965 = date(1965, 4, 10)


def test_agr_listreduce_on_the_age_ground_with_two_months_notice_is_refused():
    message = refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        rules.check_list_reduction,
        "age",
        date(2026, 5, 1),
        date(2026, 7, 1),
        birth_date=BORN_1965,
    )
    assert "minst 6 måneder" in message and "tidligst gjelde fra 1. november 2026" in message


def test_agr_listreduce_on_the_age_ground_with_six_months_notice_is_allowed():
    rules.check_list_reduction("age", date(2026, 5, 1), date(2026, 11, 1), birth_date=BORN_1965)


def test_agr_listreduce_the_age_ground_requires_the_gp_to_have_turned_60():
    message = refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        rules.check_list_reduction,
        "age",
        date(2025, 4, 9),
        date(2025, 12, 1),
        birth_date=BORN_1965,
    )
    assert "over 60 år" in message and "59 år" in message
    rules.check_list_reduction("age", date(2025, 4, 10), date(2025, 12, 1), birth_date=BORN_1965)


def test_agr_listreduce_the_age_ground_without_a_birth_date_is_refused():
    refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        rules.check_list_reduction,
        "age",
        date(2026, 5, 1),
        date(2027, 1, 1),
    )


def test_agr_listreduce_on_health_or_care_3_months_notice_is_enough_and_2_is_not():
    for ground in ("health", "care"):
        rules.check_list_reduction(ground, date(2026, 5, 31), date(2026, 8, 31))
        message = refused(
            "AGR-LISTREDUCE",
            "ASA 4310 § 10.7",
            rules.check_list_reduction,
            ground,
            date(2026, 5, 31),
            date(2026, 8, 30),
        )
        assert "minst 3 måneder" in message


def test_agr_listreduce_an_unknown_ground_is_refused_listing_the_valid_ones():
    message = refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        rules.check_list_reduction,
        "ferie",
        date(2026, 5, 1),
        date(2027, 1, 1),
    )
    assert "«ferie»" in message and "omsorgsansvar" in message


# AGR-DELELISTE, ASA 4310 § 10.8

ON = date(2026, 6, 1)


def deleliste(**changes):
    given = {
        "birth_date": date(1965, 2, 1),
        "disability_percent": None,
        "on": ON,
        "same_office": True,
        "list_length_at_setup": 1600,
        "requested_total": 2000,
        "start": date(2026, 9, 1),
    }
    return rules.check_deleliste(**{**given, **changes})


def refused_deleliste(**changes) -> str:
    return refused("AGR-DELELISTE", "ASA 4310 § 10.8", deleliste, **changes)


def test_agr_deleliste_a_61_year_old_may_share_the_list_with_25_percent_growth():
    deleliste()


def test_agr_deleliste_a_58_year_old_is_refused():
    message = refused_deleliste(birth_date=date(1968, 3, 1))
    assert "over 60 år" in message and "minst 50 % varig uførhet" in message and "58 år" in message


def test_agr_deleliste_a_58_year_old_with_50_percent_permanent_disability_may_share_but_not_with_49():
    deleliste(birth_date=date(1968, 3, 1), disability_percent=50)
    message = refused_deleliste(birth_date=date(1968, 3, 1), disability_percent=49)
    assert "49 % uførhet" in message


def test_agr_deleliste_the_gps_must_work_in_the_same_office():
    assert "samme legesenter" in refused_deleliste(same_office=False)


def test_agr_deleliste_the_list_may_grow_at_most_25_percent_over_its_length_at_setup():
    message = refused_deleliste(requested_total=2001)
    assert "høyst 2000" in message and "25 %" in message


def test_agr_deleliste_the_total_is_at_most_2500_even_within_25_percent():
    deleliste(list_length_at_setup=2100, requested_total=2500)
    message = refused_deleliste(list_length_at_setup=2100, requested_total=2501)
    assert "høyst 2500 pasienter til sammen" in message


def test_agr_deleliste_the_phase_out_may_last_5_years_and_not_a_day_more():
    deleliste(end=date(2031, 8, 31), birth_date=date(1962, 1, 1))
    message = refused_deleliste(end=date(2031, 9, 1))
    assert "høyst 5 år" in message and "31. august 2031" in message


def test_agr_deleliste_the_gp_leaves_by_70_unless_the_municipality_consents_in_writing():
    born = date(1960, 3, 1)
    deleliste(birth_date=born, end=date(2030, 3, 1))
    message = refused_deleliste(birth_date=born, end=date(2030, 3, 2))
    assert "fylte 70 år (1. mars 2030)" in message and "skriftlig samtykke" in message
    deleliste(birth_date=born, end=date(2030, 3, 2), written_consent=True)


# AGR-NOTICE, ASA 4310 § 16


def test_agr_notice_the_municipality_needs_an_objective_reason():
    message = refused("AGR-NOTICE", "ASA 4310 § 16", rules.check_notice, "kommune", "  ", date(2026, 8, 31))
    assert "saklig begrunnet" in message


def test_agr_notice_the_gp_needs_no_reason_and_the_notice_period_ends_after_6_months():
    assert rules.check_notice("lege", None, date(2026, 8, 31)) == date(2027, 2, 28)
    assert rules.check_notice("kommune", "Nedleggelse av praksis", date(2027, 8, 31)) == date(2028, 2, 29)


def test_agr_notice_only_the_municipality_or_the_gp_may_give_notice():
    refused("AGR-NOTICE", "ASA 4310 § 16", rules.check_notice, "su", "x", date(2026, 8, 31))


# AGR-AGE-END, ASA 4310 § 16


def test_agr_age_end_an_extension_to_the_day_before_turning_75_is_allowed_and_the_birthday_is_not():
    born = date(1957, 1, 1)
    rules.check_age_extension(born, date(2031, 12, 31))
    message = refused("AGR-AGE-END", "ASA 4310 § 16", rules.check_age_extension, born, date(2032, 1, 1))
    assert "fylte 75 år" in message and "fylte 80 år" in message
    assert "fastlegeforskriften § 12" in message.lower()


def test_agr_age_end_an_extension_ending_before_the_age_limit_is_refused():
    message = refused(
        "AGR-AGE-END", "ASA 4310 § 16", rules.check_age_extension, date(1957, 1, 1), date(2028, 12, 31)
    )
    assert "1. januar 2029" in message


def test_agr_age_end_a_gp_turning_70_on_31_december_2026_may_be_extended_to_the_end_of_2031():
    rules.check_age_extension(date(1956, 12, 31), date(2031, 12, 30))
    refused("AGR-AGE-END", "ASA 4310 § 16", rules.check_age_extension, date(1956, 12, 31), date(2031, 12, 31))


def test_agr_listetak_a_listetak_below_1_is_refused():
    message = refused(
        "AGR-LISTETAK", "fastlegeforskriften § 10", rules.check_listetak, 0, on=date(2026, 5, 1)
    )
    assert message == "Listetak må være minst 1."


def test_the_board_referral_is_refused_through_the_35th_day_and_allowed_from_the_36th():
    received = date(2026, 9, 9)
    with pytest.raises(RuleViolation) as refused:
        rules.check_board_referral(received, date(2026, 10, 14))
    assert refused.value.rule_id == "AGR-TRANSFER-5W"
    rules.check_board_referral(received, date(2026, 10, 15))
