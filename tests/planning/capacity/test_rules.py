"""Capacity and forecast, pure (PLAN-CAPACITY, PLAN-LIST-NEED, PLAN-AGE-HORIZON, STAT-POPULATION)."""

import json
from datetime import date

import pytest

from legetjeneste.planning.capacity import rules


def test_stat_population_age_bands_are_0_14_15_66_67_79_and_80_plus():
    assert [rules.band_of(a) for a in (0, 14, 15, 66, 67, 79, 80, 105)] == [
        "0-14",
        "0-14",
        "15-66",
        "15-66",
        "67-79",
        "67-79",
        "80+",
        "80+",
    ]


def test_stat_population_reads_a_statbank_csv_into_bands_and_a_total_per_municipality_and_year():
    text = (
        '"region";"alder";"år";"statistikkvariabel";"07459: Befolkning"\n'
        '"1824 Vefsn";"014 år";"2025";"Personer";"150"\n'
        '"1824 Vefsn";"015 år";"2025";"Personer";"160"\n'
        '"1824 Vefsn";"105 år eller eldre";"2025";"Personer";"1"\n'
        '"1824 Vefsn";"080 år";"2025";"Personer";".."\n'
    )
    counts = {(c.municipality_number, c.year, c.age_band): c.count for c in rules.parse_statbank_csv(text)}
    assert counts == {
        ("1824", 2025, "0-14"): 150,
        ("1824", 2025, "15-66"): 160,
        ("1824", 2025, "80+"): 1,
        ("1824", 2025, "total"): 311,
    }
    with pytest.raises(ValueError):
        rules.parse_statbank_csv("a;b\n1;2\n")


def test_stat_population_reads_a_jsonstat_dataset_from_statbank():
    dataset = {
        "version": "2.0",
        "class": "dataset",
        "id": ["Region", "Alder", "Tid"],
        "size": [1, 2, 2],
        "dimension": {
            "Region": {"category": {"index": {"1824": 0}}},
            "Alder": {"category": {"index": {"010": 0, "085": 1}}},
            "Tid": {"category": {"index": {"2030": 0, "2035": 1}}},
        },
        "value": [100, 110, 40, None],
    }
    counts = {(c.year, c.age_band): c.count for c in rules.parse_jsonstat(json.dumps(dataset))}
    assert counts == {
        (2030, "0-14"): 100,
        (2035, "0-14"): 110,
        (2030, "80+"): 40,
        (2030, "total"): 140,
        (2035, "total"): 110,
    }


def test_plan_capacity_counts_the_population_beyond_the_sum_of_listetak():
    cap = rules.capacity(
        listetak_sum=11770, listed=13364, listed_without_gp=1368, open_places=0, population=13400
    )
    assert (cap.places_short, cap.listed_without_gp) == (1630, 1368)
    assert (
        rules.capacity(
            listetak_sum=1, listed=0, listed_without_gp=0, open_places=0, population=None
        ).places_short
        is None
    )


def test_plan_list_need_counts_new_places_patients_to_move_and_new_agreements_at_the_alis_listetak():
    need = rules.list_need(
        future_population=13900,
        listetak_sum=13400,
        listed=13364,
        agreements=15,
        target_average=750,
        new_listetak=800,
    )
    assert (need.new_places, need.patients_to_move, need.new_agreements) == (500, 2114, 4)
    with pytest.raises(ValueError):
        rules.list_need(
            future_population=1, listetak_sum=1, listed=1, agreements=1, target_average=0, new_listetak=800
        )


def test_plan_age_horizon_counts_55_60_and_the_age_limit_and_the_load_on_those_who_remain():
    births = [date(1972, 1, 1), date(1967, 6, 1), date(1958, 1, 1), date(1990, 1, 1)]
    five = rules.age_horizon(births, today=date(2026, 12, 4), years=5, age_limit=72)
    assert (five.at_least_55, five.at_least_60, five.at_age_limit, five.remaining) == (3, 2, 1, 2)
    assert five.load_factor == 1.5  # three under 60 today, two in five years
    none_left = rules.age_horizon([date(1950, 1, 1)], today=date(2026, 1, 1), years=5, age_limit=70)
    assert none_left.remaining == 0 and none_left.load_factor is None
