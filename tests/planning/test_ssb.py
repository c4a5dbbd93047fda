"""SSB table 12005: parsing, the national totals and similar municipalities (Kilde: SSB, tabell 12005), and
every municipality's name from SSB's classification of 2024 (KLASS 131)."""

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.planning import service, ssb
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def by_municipality() -> dict[str, dict[str, Decimal]]:
    result: dict[str, dict[str, Decimal]] = {}
    for figure in ssb.bundled_figures():
        result.setdefault(figure.municipality_number, {})[figure.code] = figure.value
    return result


def test_the_bundled_file_has_351_municipalities_once_each_despite_duplicate_rows():
    figures = by_municipality()
    assert len(figures) == 351
    assert figures["0301"][ssb.AGREEMENTS_WITH_GP] == 611


def test_vefsn_2025_has_13_agreements_2_lists_without_a_gp_and_average_list_923():
    vefsn = by_municipality()["1824"]
    assert (vefsn[ssb.AGREEMENTS_WITH_GP], vefsn[ssb.LISTS_WITHOUT_GP], vefsn[ssb.AVERAGE_LIST_LENGTH]) == (
        13,
        2,
        923,
    )
    assert vefsn[ssb.PATIENTS_WITHOUT_GP] == 1368


def test_the_national_totals_are_sums_and_the_averages_are_computed_from_the_sums():
    national = ssb.national_totals(by_municipality())
    assert national[ssb.AGREEMENTS_WITH_GP] == 5747 and national[ssb.LISTS_WITHOUT_GP] == 197
    assert national[ssb.PATIENTS_WITH_GP] == 5504387
    assert national[ssb.AVERAGE_LIST_LENGTH] == round(Decimal(5504387) / 5747)


def test_the_reserve_capacity_index_reproduces_ssbs_own_figure_for_a_municipality():
    vefsn = by_municipality()["1824"]
    assert ssb.national_totals({"1824": vefsn})[ssb.RESERVE_CAPACITY] == vefsn[ssb.RESERVE_CAPACITY] == 98


def test_similar_municipalities_are_the_five_nearest_in_size_and_never_itself():
    similar = ssb.similar_municipalities("1824", by_municipality())
    sizes = by_municipality()
    own = ssb.size_of(sizes["1824"])
    assert len(similar) == 5 and "1824" not in similar
    assert all(abs(ssb.size_of(sizes[n]) / own - 1) < Decimal("0.1") for n in similar)


def test_a_figure_that_is_not_a_number_is_refused_naming_the_municipality():
    with pytest.raises(ValueError, match="1824"):
        ssb.parse_csv("kommunenummer,KOSantallavtaler0001 (Antall)\n1824,tretten\n", year=2025)


def test_key_figures_need_the_statistics_to_be_loaded_and_only_the_admin_loads_them(session):
    import_demo(session)
    with pytest.raises(NotFound):
        service.key_figures(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    with pytest.raises(Forbidden):
        service.load_national_statistics(session, actor=VEFSN_KOMMUNEOVERLEGE, figures=ssb.bundled_figures())
    service.load_national_statistics(session, actor=SYSTEM, figures=ssb.bundled_figures())
    figures = service.key_figures(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    assert (
        figures["municipality"]["name"] == "Vefsn"
        and figures["source"] == "Kilde: SSB, tabell 12005 (KOSTRA)"
    )
    assert figures["municipality"]["figures"][ssb.CAPACITY] == 11770
    assert len(figures["similar"]) == 5


def test_loading_the_statistics_again_replaces_the_year(session):
    service.load_national_statistics(session, actor=SYSTEM, figures=ssb.bundled_figures())
    count = service.load_national_statistics(session, actor=SYSTEM, figures=ssb.bundled_figures())
    import_demo(session)
    national = service.key_figures(session, actor=SYSTEM, municipality_number="1824")["national"]
    assert count == len(ssb.bundled_figures()) and national[ssb.AGREEMENTS_WITH_GP] == 5747


def test_the_names_are_the_357_municipalities_of_2024_in_their_15_counties():
    names = ssb.municipality_names()
    counties = Counter(number[:2] for number in names)
    assert len(names) == 357 and len(counties) == 15
    assert [counties[c] for c in ("03", "34", "46", "50", "55")] == [1, 46, 43, 38, 21]
    assert [names[n] for n in ("1824", "4014", "3238", "1580")] == ["Vefsn", "Kragerø", "Nannestad", "Haram"]


def test_a_municipality_with_an_official_sami_or_kven_name_carries_it_in_the_official_order():
    names = ssb.municipality_names()
    assert names["5612"] == "Guovdageaidnu – Kautokeino"
    assert names["5622"] == "Porsanger – Porsáŋgu – Porsanki"
    assert names["5001"] == "Trondheim – Tråante" and names["0301"] == "Oslo"


def test_every_municipality_in_the_bundled_ssb_figures_has_a_name():
    assert set(by_municipality()) <= set(ssb.municipality_names())


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not beside the repository")
def test_every_municipality_in_the_shared_ssb_files_has_a_name():
    names = ssb.municipality_names()
    with (SHARED_DATA / "ssb12005_fastlege_per_kommune_latest.csv").open(encoding="utf-8") as handle:
        in_csv = {row["kommunenummer"].strip().zfill(4) for row in csv.DictReader(handle)}
    femtigram = json.loads((SHARED_DATA / "ssb12005_fastlege_per_kommune_FemtiGram.json").read_text("utf-8"))
    assert len(in_csv) == len(femtigram["kommuner"]) == 351
    assert in_csv - set(names) == set() and set(femtigram["kommuner"]) - set(names) == set()


def test_the_registers_name_wins_and_an_unknown_number_still_reads_as_a_municipality():
    named = ssb.named(["1824", "3238", "9998"], {"1824": "Vefsn kommune"})
    assert named == {"1824": "Vefsn kommune", "3238": "Nannestad", "9998": "Kommune 9998"}


def test_the_key_figures_name_the_similar_municipalities_that_are_not_registered(session):
    import_demo(session)
    service.load_national_statistics(session, actor=SYSTEM, figures=ssb.bundled_figures())
    figures = service.key_figures(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    assert [(s["number"], s["name"]) for s in figures["similar"]] == [
        ("3238", "Nannestad"),
        ("4012", "Bamble"),
        ("4617", "Kvinnherad"),
        ("3446", "Gran"),
        ("5031", "Malvik"),
    ]
    assert figures["municipality"]["name"] == "Vefsn" and "KLASS 131" in figures["names_source"]
