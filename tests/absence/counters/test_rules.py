"""ABS-DEDUCT: every rule on both sides of its boundary, and the properties that must always hold."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legetjeneste.absence import rules as absence_rules
from legetjeneste.absence.counters import rules
from legetjeneste.absence.counters.rules import KEPT, LOST, VIKAR, AbsenceFacts, classify
from legetjeneste.absence.quotas import quotas_on
from legetjeneste.agreement.parameters import ParameterNotInForce

YEAR = 2026


def absence(ground: str, start: date, days: int, cover: str = "none", id: int = 1, **details) -> AbsenceFacts:
    return AbsenceFacts(id, ground, start, start + timedelta(days - 1), cover, **details)


def statuses(*absences: AbsenceFacts, year: int = YEAR) -> dict[date, tuple[str, str]]:
    result = classify(absences, year=year, quotas_for=quotas_on)
    return {d.day: (d.status, d.rule_id) for d in result.days}


def counter(*absences: AbsenceFacts, key: str, year: int = YEAR) -> rules.YearCounter:
    found = classify(absences, year=year, quotas_for=quotas_on).counters
    return next(c for c in found if c.key == key)


MARCH_1 = date(2026, 3, 1)


def test_abs_sick_the_16th_day_of_continuous_sickness_is_kept_and_the_17th_is_lost():
    days = statuses(absence("own_sickness", MARCH_1, 20))
    assert days[date(2026, 3, 16)] == (KEPT, "ABS-SICK")
    assert days[date(2026, 3, 17)] == (LOST, "ABS-SICK")
    assert [d for d, (status, _) in days.items() if status == LOST] == [
        date(2026, 3, n) for n in range(17, 21)
    ]


def test_abs_sick_two_adjacent_sick_leaves_are_one_continuous_period():
    days = statuses(
        absence("own_sickness", MARCH_1, 10, id=1), absence("own_sickness", date(2026, 3, 11), 10, id=2)
    )
    assert days[date(2026, 3, 16)][0] == KEPT and days[date(2026, 3, 17)][0] == LOST


def test_abs_sick_a_day_at_work_starts_a_new_period_of_16():
    days = statuses(
        absence("own_sickness", MARCH_1, 10, id=1), absence("own_sickness", date(2026, 3, 12), 16, id=2)
    )
    assert all(status == KEPT for status, _ in days.values())


def test_abs_sick_a_period_that_began_in_december_continues_into_january():
    days = statuses(absence("own_sickness", date(2025, 12, 20), 20), year=2026)
    assert days[date(2026, 1, 4)][0] == KEPT
    assert days[date(2026, 1, 5)] == (LOST, "ABS-SICK")


def test_abs_sick_the_gps_own_vikar_keeps_every_day_of_a_long_sickness():
    days = statuses(absence("own_sickness", MARCH_1, 40, cover="own_vikar"))
    assert {status for status, _ in days.values()} == {KEPT}


@pytest.mark.parametrize(
    ("details", "quota"),
    [
        ({}, 10),
        ({"children": 3}, 15),
        ({"chronically_ill": True}, 20),
        ({"sole_carer": True}, 20),
        ({"children": 3, "sole_carer": True}, 30),
        ({"chronically_ill": True, "sole_carer": True}, 40),
    ],
)
def test_abs_child_the_last_working_day_of_the_quota_is_kept_and_the_next_is_lost(details, quota):
    start = date(2026, 1, 5)
    days = statuses(absence("child_sickness", start, 80, **details))
    working = [d for d in sorted(days) if rules.is_working_day(d)]
    assert days[working[quota - 1]] == (KEPT, "ABS-CHILD")
    assert days[working[quota]] == (LOST, "ABS-CHILD")


def test_abs_child_the_quota_counts_working_days_so_a_weekend_and_easter_use_none_of_it():
    easter = absence("child_sickness", date(2026, 3, 30), 14)
    days = statuses(easter)
    assert counter(easter, key="child_sickness").used == 7
    assert all(status == KEPT for status, _ in days.values())


def test_abs_child_a_weekend_after_the_quota_is_used_up_is_lost():
    days = statuses(absence("child_sickness", date(2026, 1, 5), 14))
    assert days[date(2026, 1, 16)] == (KEPT, "ABS-CHILD")
    assert days[date(2026, 1, 17)] == (LOST, "ABS-CHILD")


def test_abs_child_the_quota_starts_again_on_1_january():
    days = statuses(
        absence("child_sickness", date(2025, 12, 1), 10, id=1),
        absence("child_sickness", date(2026, 1, 5), 5, id=2),
    )
    assert {status for status, _ in days.values()} == {KEPT}


def test_abs_care_pay_a_day_with_pleiepenger_is_lost_unless_the_gps_own_vikar_keeps_the_list():
    assert statuses(absence("care_benefits", MARCH_1, 1))[MARCH_1] == (LOST, "ABS-CARE-PAY")
    assert statuses(absence("care_benefits", MARCH_1, 1, cover="own_vikar"))[MARCH_1] == (
        KEPT,
        "ABS-CARE-PAY",
    )


def test_abs_cap_3m_the_90th_day_of_section_13_4_absence_is_kept_and_the_91st_lost():
    start = date(2026, 1, 1)
    days = statuses(absence("child_serious_illness", start, 95))
    assert days[start + timedelta(89)] == (KEPT, "ABS-CAP-3M")
    assert days[start + timedelta(90)] == (LOST, "ABS-CAP-3M")


def test_abs_cap_3m_sickness_and_child_sickness_count_together_towards_the_three_months():
    spells = [absence("own_sickness", date(2026, 1, 1) + timedelta(20 * n), 16, id=n) for n in range(6)]
    child = absence("child_sickness", date(2026, 5, 4), 5, id=99)
    assert counter(*spells, child, key="section_13_4").used == 96 + 5
    days = statuses(*spells, child)
    assert days[date(2026, 4, 20)] == (KEPT, "ABS-SICK")
    assert days[date(2026, 4, 21)] == (LOST, "ABS-CAP-3M") and days[date(2026, 5, 4)] == (LOST, "ABS-CAP-3M")


def test_abs_parental_16_days_are_kept_in_a_year_and_the_17th_is_lost():
    days = statuses(absence("parental", date(2026, 8, 1), 30))
    assert days[date(2026, 8, 16)] == (KEPT, "ABS-PARENTAL")
    assert days[date(2026, 8, 17)] == (LOST, "ABS-PARENTAL")


def test_abs_parental_with_the_gps_own_vikar_52_weeks_lose_nothing():
    days = statuses(absence("parental", date(2026, 1, 1), 365, cover="own_vikar"))
    assert {status for status, _ in days.values()} == {KEPT}


@pytest.mark.parametrize("ground", ["union", "public_duty"])
def test_abs_union_ten_days_a_year_are_kept_and_the_eleventh_is_lost(ground):
    spells = [absence(ground, date(2026, 2, 2) + timedelta(7 * n), 1, id=n) for n in range(11)]
    days = statuses(*spells)
    assert days[date(2026, 2, 2) + timedelta(63)] == (KEPT, "ABS-UNION")
    assert days[date(2026, 2, 2) + timedelta(70)] == (LOST, "ABS-UNION")


def test_abs_union_union_days_and_public_duty_days_have_a_quota_each():
    union = [absence("union", date(2026, 2, 2) + timedelta(n), 1, id=n) for n in range(10)]
    duty = [absence("public_duty", date(2026, 3, 2) + timedelta(n), 1, id=100 + n) for n in range(10)]
    assert {status for status, _ in statuses(*union, *duty).values()} == {KEPT}


@pytest.mark.parametrize(
    ("ground", "rule"), [("course", "ABS-COURSE"), ("research", "ABS-COURSE"), ("military", "ABS-MILITARY")]
)
def test_course_research_and_military_days_are_lost_only_when_the_municipality_provides_the_vikar(
    ground, rule
):
    assert statuses(absence(ground, MARCH_1, 1, cover="municipal_vikar"))[MARCH_1] == (LOST, rule)
    assert statuses(absence(ground, MARCH_1, 1, cover="own_vikar"))[MARCH_1] == (KEPT, rule)
    assert statuses(absence(ground, MARCH_1, 1, cover="collegial"))[MARCH_1] == (KEPT, rule)


def test_abs_collegial_the_56th_day_of_ordinary_absence_is_kept_and_the_57th_lost_without_own_vikar():
    start = date(2026, 1, 1)
    days = statuses(absence("ordinary", start, 60, cover="collegial"))
    assert days[start + timedelta(55)] == (KEPT, "ABS-COLLEGIAL")
    assert days[start + timedelta(56)] == (LOST, "ABS-COLLEGIAL")


def test_abs_collegial_beyond_8_weeks_the_municipalitys_vikar_is_paid_the_day_instead():
    start = date(2026, 1, 1)
    days = statuses(
        absence("ordinary", start, 56, cover="collegial", id=1),
        absence("ordinary", start + timedelta(56), 10, cover="municipal_vikar", id=2),
    )
    assert days[start + timedelta(55)] == (KEPT, "ABS-COLLEGIAL")
    assert days[start + timedelta(56)] == (VIKAR, "ABS-COLLEGIAL")


def test_abs_collegial_a_municipal_vikar_within_the_8_weeks_leaves_the_day_with_the_gp():
    assert statuses(absence("ordinary", MARCH_1, 5, cover="municipal_vikar"))[MARCH_1] == (
        KEPT,
        "ABS-COLLEGIAL",
    )


def test_abs_collegial_days_covered_by_the_gps_own_vikar_do_not_use_the_8_weeks():
    vikar = absence("ordinary", date(2026, 1, 1), 50, cover="own_vikar", id=1)
    later = absence("ordinary", date(2026, 6, 1), 56, cover="collegial", id=2)
    assert counter(vikar, later, key="collegial").used == 56
    assert {status for status, _ in statuses(vikar, later).values()} == {KEPT}


def test_the_counters_name_their_rules_and_limits():
    counters = classify([absence("union", MARCH_1, 3)], year=YEAR, quotas_for=quotas_on).counters
    assert [(c.key, c.limit, c.rule_id) for c in counters] == [
        ("collegial", 56, "ABS-COLLEGIAL"),
        ("sickness_period", 16, "ABS-SICK"),
        ("child_sickness", 10, "ABS-CHILD"),
        ("section_13_4", 90, "ABS-CAP-3M"),
        ("parental", 16, "ABS-PARENTAL"),
        ("union", 10, "ABS-UNION"),
        ("public_duty", 10, "ABS-UNION"),
    ]
    assert next(c for c in counters if c.key == "union").used == 3


def test_the_absence_quotas_are_not_in_force_before_asa_4310_2024():
    with pytest.raises(ParameterNotInForce):
        quotas_on(date(2024, 3, 31))
    assert quotas_on(date(2024, 4, 1)).sick_days_paid == 16


grounds = st.sampled_from(sorted(absence_rules.GROUNDS))
covers = st.sampled_from(absence_rules.COVERS)


@st.composite
def absence_lists(draw):
    """Non-overlapping absences in 2025–2026 with random grounds, covers and details."""
    day, result = date(2025, 11, 1), []
    for n in range(draw(st.integers(1, 8))):
        day += timedelta(draw(st.integers(0, 40)))
        length = draw(st.integers(1, 70))
        result.append(
            AbsenceFacts(
                n,
                draw(grounds),
                day,
                day + timedelta(length - 1),
                draw(covers),
                draw(st.integers(1, 4)),
                draw(st.booleans()),
                draw(st.booleans()),
            )
        )
        day += timedelta(length)
    return result


@settings(max_examples=200, deadline=None)
@given(absence_lists())
def test_a_day_covered_by_the_gps_own_vikar_is_never_lost(absences):
    own = {a.id for a in absences if a.cover == "own_vikar"}
    for day in classify(absences, year=YEAR, quotas_for=quotas_on).days:
        if day.absence_id in own:
            assert day.status == KEPT


@settings(max_examples=200, deadline=None)
@given(absence_lists(), st.data())
def test_splitting_an_absence_into_two_adjacent_absences_never_changes_the_classification(absences, data):
    longer = [a for a in absences if a.end > a.start]
    if not longer:
        return
    chosen = data.draw(st.sampled_from(longer))
    cut = chosen.start + timedelta(data.draw(st.integers(0, (chosen.end - chosen.start).days - 1)))
    first = AbsenceFacts(
        "a",
        chosen.ground,
        chosen.start,
        cut,
        chosen.cover,
        chosen.children,
        chosen.chronically_ill,
        chosen.sole_carer,
    )
    second = AbsenceFacts(
        "b",
        chosen.ground,
        cut + timedelta(1),
        chosen.end,
        chosen.cover,
        chosen.children,
        chosen.chronically_ill,
        chosen.sole_carer,
    )
    split = [a for a in absences if a is not chosen] + [first, second]

    def outcome(items):
        return [(d.day, d.status, d.rule_id) for d in classify(items, year=YEAR, quotas_for=quotas_on).days]

    assert outcome(split) == outcome(absences)
