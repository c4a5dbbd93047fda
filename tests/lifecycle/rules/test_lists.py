"""RULES.md § 1: AGR-LISTREDUCE (ASA 4310 § 10.7) and AGR-DELELISTE (§ 10.8), refused and allowed, with the
numbers in force as the service resolves them (`lifecycle.terms`)."""

from datetime import date

from legetjeneste.lifecycle import terms
from legetjeneste.lifecycle.rules import lists
from tests.lifecycle.rules.resolved import check_list_reduction, refused

# AGR-LISTREDUCE, ASA 4310 § 10.7

BORN_1965 = date(1965, 4, 10)


def test_agr_listreduce_on_the_age_ground_with_two_months_notice_is_refused():
    message = refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        check_list_reduction,
        "age",
        date(2026, 5, 1),
        date(2026, 7, 1),
        birth_date=BORN_1965,
    )
    assert "minst 6 måneder" in message and "tidligst gjelde fra 1. november 2026" in message


def test_agr_listreduce_on_the_age_ground_with_six_months_notice_is_allowed():
    check_list_reduction("age", date(2026, 5, 1), date(2026, 11, 1), birth_date=BORN_1965)


def test_agr_listreduce_the_age_ground_requires_the_gp_to_have_turned_60():
    message = refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        check_list_reduction,
        "age",
        date(2025, 4, 9),
        date(2025, 12, 1),
        birth_date=BORN_1965,
    )
    assert "over 60 år" in message and "59 år" in message
    check_list_reduction("age", date(2025, 4, 10), date(2025, 12, 1), birth_date=BORN_1965)


def test_agr_listreduce_the_age_ground_without_a_birth_date_is_refused():
    refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        check_list_reduction,
        "age",
        date(2026, 5, 1),
        date(2027, 1, 1),
    )


def test_agr_listreduce_on_health_or_care_3_months_notice_is_enough_and_2_is_not():
    for ground in ("health", "care"):
        check_list_reduction(ground, date(2026, 5, 31), date(2026, 8, 31))
        message = refused(
            "AGR-LISTREDUCE",
            "ASA 4310 § 10.7",
            check_list_reduction,
            ground,
            date(2026, 5, 31),
            date(2026, 8, 30),
        )
        assert "minst 3 måneder" in message


def test_agr_listreduce_an_unknown_ground_is_refused_listing_the_valid_ones():
    message = refused(
        "AGR-LISTREDUCE",
        "ASA 4310 § 10.7",
        check_list_reduction,
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
    given = {**given, **changes}
    limits = terms.deleliste_limits(given["on"], start=given["start"], end=given.get("end"))
    return lists.check_deleliste(**given, limits=limits)


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


# AGR-LISTREDUCE, CIT-REDUCTION-DRAW: when a list reduction's case offers the citizens' draw

REQUEST = ("list_reduction_request", {"listetak": 1200, "effective_from": "2027-01-01", "ground": "age"})


def _draw(kind="list_reduction", status="open", agreement_id: int | None = 7, steps=(REQUEST,)):
    return lists.reduction_to_draw(kind=kind, status=status, agreement_id=agreement_id, steps=list(steps))


def test_cit_reduction_draw_is_offered_for_an_open_list_reduction_with_the_latest_requests_listetak():
    later = ("list_reduction_request", {"listetak": "1100", "effective_from": "2027-03-01"})
    assert _draw(steps=(REQUEST, ("decision", {}), later)) == lists.ReductionDraw(
        agreement_id=7, listetak=1100, effective_from=date(2027, 3, 1)
    )


def test_cit_reduction_draw_is_not_offered_for_a_closed_or_refused_case_or_one_without_agreement():
    assert _draw() is not None
    assert _draw(status="closed") is None
    assert _draw(steps=(REQUEST, ("refusal", {}))) is None
    assert _draw(agreement_id=None) is None
    assert _draw(kind="deleliste") is None


def test_cit_reduction_draw_is_not_offered_before_a_request_gives_the_new_listetak():
    assert _draw(steps=()) is None
    without = ("list_reduction_request", {"listetak": None, "effective_from": "2027-01-01"})
    assert _draw(steps=(without,)) is None
