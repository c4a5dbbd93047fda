"""SSB table 12005: parsing, the national totals and similar municipalities (Kilde: SSB, tabell 12005)."""

from decimal import Decimal

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.planning import service, ssb
from tests.support import VEFSN_KOMMUNEOVERLEGE, import_demo


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
