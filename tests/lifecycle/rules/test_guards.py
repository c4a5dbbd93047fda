"""RULES.md § 1 (AGR-*): every refusal of the life cycle's guards, and the allowed case next to it, with the
numbers in force as the service resolves them (`lifecycle.terms`)."""

from datetime import date

import pytest

from legetjeneste.errors import RuleViolation
from tests.lifecycle.rules.resolved import (
    check_age_extension,
    check_announcement,
    check_award,
    check_board_referral,
    check_hjemfall,
    check_listetak,
    check_new_agreement,
    check_notice,
    check_offer_withdrawal,
    refused,
)

CONTENT = {
    "location": "Mosjøen legesenter",
    "listetak": 1200,
    "operating_model": "selvstendig næringsdrivende",
    "practice_type": "group",
}


# AGR-ANNOUNCE, ASA 4310 § 5.4


def test_agr_announce_an_announcement_with_a_14_day_deadline_is_refused_naming_21_days_and_the_source():
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 15),
        CONTENT,
    )
    assert "bare 14 dager" in message and "minst 21 dager" in message
    assert "tidligst 22. september 2026" in message and "ASA 4310" in message


def test_agr_announce_a_deadline_of_exactly_21_days_is_allowed_and_20_is_not():
    check_announcement(date(2026, 9, 1), date(2026, 9, 22), CONTENT)
    refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 21),
        CONTENT,
    )


def test_agr_announce_an_announcement_without_location_and_practice_type_is_refused_naming_both():
    content = {**CONTENT, "location": " ", "practice_type": None}
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        check_announcement,
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
        check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        content,
    )
    assert "«kollektiv»" in message
    check_announcement(date(2026, 9, 1), date(2026, 9, 22), {**CONTENT, "practice_type": "solo"})


def test_agr_listetak_an_announced_list_above_2500_is_refused_and_2500_is_allowed():
    message = refused(
        "AGR-LISTETAK",
        "fastlegeforskriften § 10",
        check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        {**CONTENT, "listetak": 2501},
    )
    assert "2501 er over maksimum 2500" in message and "§ 10" in message
    check_announcement(date(2026, 9, 1), date(2026, 9, 22), {**CONTENT, "listetak": 2500})


def test_agr_announce_a_vacant_agreement_needs_the_departing_gps_practice_form():
    message = refused(
        "AGR-ANNOUNCE",
        "ASA 4310 § 5.4",
        check_announcement,
        date(2026, 9, 1),
        date(2026, 9, 22),
        CONTENT,
        vacant=True,
    )
    assert "prisantydning" in message
    check_announcement(date(2026, 9, 1), date(2026, 9, 22), {**CONTENT, "practice_form": True}, vacant=True)


# AGR-LISTETAK, FLF § 10


def test_agr_listetak_above_2500_is_refused_below_500_is_only_a_warning():
    message = refused("AGR-LISTETAK", "fastlegeforskriften § 10", check_listetak, 2600, on=date(2026, 5, 1))
    assert "2600" in message and "FOR-2025-12-02-2405" in message
    assert check_listetak(2500, on=date(2026, 5, 1)) == []
    (warning,) = check_listetak(400, on=date(2026, 5, 1))
    assert (warning.severity, warning.rule_id) == ("warning", "AGR-LISTETAK")


# AGR-NEW-INFORM, AGR-NEW-SU, ASA 4310 §§ 5.1, 5.3


def test_agr_new_su_a_new_agreement_without_the_sus_statement_is_refused():
    message = refused(
        "AGR-NEW-SU", "ASA 4310 § 5.3", check_new_agreement, None, date(2026, 2, 1), date(2026, 3, 1)
    )
    assert "samarbeidsutvalget" in message and "ikke registrert" in message


def test_agr_new_su_a_statement_dated_after_the_creation_is_refused_and_the_same_day_is_allowed():
    message = refused(
        "AGR-NEW-SU",
        "ASA 4310 § 5.3",
        check_new_agreement,
        date(2026, 3, 2),
        date(2026, 2, 1),
        date(2026, 3, 1),
    )
    assert "2. mars 2026" in message
    check_new_agreement(date(2026, 3, 1), date(2026, 2, 1), date(2026, 3, 1))


def test_agr_new_inform_the_gps_must_be_informed_first():
    message = refused(
        "AGR-NEW-INFORM",
        "ASA 4310 § 5.1",
        check_new_agreement,
        date(2026, 2, 1),
        None,
        date(2026, 3, 1),
    )
    assert "informeres" in message


# AGR-AWARD, ASA 4310 § 5.5


def test_agr_award_in_a_group_practice_without_the_groups_statement_is_refused():
    message = refused("AGR-AWARD", "ASA 4310 § 5.5", check_award, True, None, date(2026, 5, 4))
    assert "gjenværende legenes uttalelse" in message


def test_agr_award_with_the_groups_statement_or_in_a_solo_practice_is_allowed():
    check_award(True, date(2026, 5, 4), date(2026, 5, 4))
    check_award(False, None, date(2026, 5, 4))
    refused("AGR-AWARD", "ASA 4310 § 5.5", check_award, True, date(2026, 5, 5), date(2026, 5, 4))


# AGR-OFFER-5W, ASA 4310 § 5.6


def test_agr_offer_5w_an_offer_cannot_be_withdrawn_on_the_35th_day_but_can_on_the_36th():
    message = refused(
        "AGR-OFFER-5W", "ASA 4310 § 5.6", check_offer_withdrawal, date(2026, 3, 2), date(2026, 4, 6)
    )
    assert "til og med 6. april 2026" in message and "tidligst trekkes tilbake 7. april 2026" in message
    check_offer_withdrawal(date(2026, 3, 2), date(2026, 4, 7))


def test_agr_offer_5w_an_accepted_offer_cannot_be_withdrawn():
    message = refused(
        "AGR-OFFER-5W",
        "ASA 4310 § 5.6",
        check_offer_withdrawal,
        date(2026, 3, 2),
        date(2026, 5, 1),
        accepted_on=date(2026, 4, 1),
    )
    assert "akseptert 1. april 2026" in message


# AGR-HJEMFALL, ASA 4310 § 5.8

THREE = [date(2026, 9, 1), date(2026, 12, 1), date(2027, 3, 1)]


def test_agr_hjemfall_before_6_months_after_the_notice_period_is_refused():
    message = refused(
        "AGR-HJEMFALL", "ASA 4310 § 5.8", check_hjemfall, date(2027, 2, 28), THREE, date(2027, 8, 27)
    )
    assert "tidligst hjemfalle 28. august 2027" in message


def test_agr_hjemfall_after_6_months_and_3_announcements_is_allowed():
    check_hjemfall(date(2027, 2, 28), THREE, date(2027, 8, 28))


def test_agr_hjemfall_with_only_2_correct_announcements_is_refused():
    message = refused(
        "AGR-HJEMFALL", "ASA 4310 § 5.8", check_hjemfall, date(2027, 2, 28), THREE[:2], date(2027, 9, 1)
    )
    assert "bare 2 korrekte utlysninger" in message and "minst 3" in message


def test_agr_hjemfall_an_announcement_published_after_the_day_does_not_count():
    later = [*THREE[:2], date(2027, 9, 15)]
    refused("AGR-HJEMFALL", "ASA 4310 § 5.8", check_hjemfall, date(2027, 2, 28), later, date(2027, 9, 1))


# AGR-NOTICE, ASA 4310 § 16


def test_agr_notice_the_municipality_needs_an_objective_reason():
    message = refused("AGR-NOTICE", "ASA 4310 § 16", check_notice, "kommune", "  ", date(2026, 8, 31))
    assert "saklig begrunnet" in message


def test_agr_notice_the_gp_needs_no_reason_and_the_notice_period_ends_after_6_months():
    assert check_notice("lege", None, date(2026, 8, 31)) == date(2027, 2, 28)
    assert check_notice("kommune", "Nedleggelse av praksis", date(2027, 8, 31)) == date(2028, 2, 29)


def test_agr_notice_only_the_municipality_or_the_gp_may_give_notice():
    refused("AGR-NOTICE", "ASA 4310 § 16", check_notice, "su", "x", date(2026, 8, 31))


# AGR-AGE-END, ASA 4310 § 16


def test_agr_age_end_an_extension_to_the_day_before_turning_75_is_allowed_and_the_birthday_is_not():
    born = date(1957, 1, 1)
    check_age_extension(born, date(2031, 12, 31))
    message = refused("AGR-AGE-END", "ASA 4310 § 16", check_age_extension, born, date(2032, 1, 1))
    assert "fylte 75 år" in message and "fylte 80 år" in message
    assert "fastlegeforskriften § 12" in message.lower()


def test_agr_age_end_an_extension_ending_before_the_age_limit_is_refused():
    message = refused(
        "AGR-AGE-END", "ASA 4310 § 16", check_age_extension, date(1957, 1, 1), date(2028, 12, 31)
    )
    assert "1. januar 2029" in message


def test_agr_age_end_a_gp_turning_70_on_31_december_2026_may_be_extended_to_the_end_of_2031():
    check_age_extension(date(1956, 12, 31), date(2031, 12, 30))
    refused("AGR-AGE-END", "ASA 4310 § 16", check_age_extension, date(1956, 12, 31), date(2031, 12, 31))


def test_agr_listetak_a_listetak_below_1_is_refused():
    message = refused("AGR-LISTETAK", "fastlegeforskriften § 10", check_listetak, 0, on=date(2026, 5, 1))
    assert message == "Listetak må være minst 1."


def test_the_board_referral_is_refused_through_the_35th_day_and_allowed_from_the_36th():
    received = date(2026, 9, 9)
    with pytest.raises(RuleViolation) as refused:
        check_board_referral(received, date(2026, 10, 14))
    assert refused.value.rule_id == "AGR-TRANSFER-5W"
    check_board_referral(received, date(2026, 10, 15))
