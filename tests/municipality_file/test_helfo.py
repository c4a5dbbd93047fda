"""Helfo's monthly list overview: the columns of docs/helfo-monthly-list.md, all or nothing."""

from decimal import Decimal

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import ValidationFailed
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry.agreements import service as agreement_service
from tests.support import EXAMPLES, VEFSN_FILE, import_demo

HEADER = "Avtale-ID;HPR-nummer;Listetak;Antall på liste;Antall på venteliste;PBT årsbeløp\n"


@pytest.fixture
def vefsn(session):
    import_demo(session, VEFSN_FILE)
    return session


def helfo(session, text: str, month: str = "2026-12") -> dict:
    return file_service.import_helfo_monthly_list(
        session, actor=SYSTEM, municipality_number="1824", month=month, text=text
    )


def test_the_documented_example_file_sets_the_months_counts_with_spaces_and_decimal_commas(vefsn):
    report = helfo(vefsn, (EXAMPLES / "helfo-1824-2026-12.csv").read_text(encoding="utf-8"))
    assert report["rows"] == 2 and report["created"] == {"list_count": 2}
    [december] = [
        c
        for c in agreement_service.list_list_counts(vefsn, actor=SYSTEM, agreement_id=182404)
        if c.month == "2026-12"
    ]
    assert (december.list_length, december.waiting_list_count) == (1029, 11)
    assert december.pbt_annual_amount == Decimal("868123.40")


def test_importing_the_same_month_again_replaces_that_months_counts(vefsn):
    helfo(vefsn, HEADER + "182401;;;715;;\n")
    report = helfo(vefsn, HEADER + "182401;;;716;;\n")
    assert report["updated"] == {"list_count": 1}


def test_every_bad_row_is_listed_with_its_row_and_column_and_nothing_is_stored(vefsn):
    text = HEADER + "182401;;;abc;;\n999999;;;10;;\n182402;;;-1;;\n182403;;;800;;\n182403;;;801;;\n"
    with pytest.raises(ValidationFailed) as caught:
        helfo(vefsn, text)
    lines = [str(p) for p in caught.value.problems]
    assert "rad 2, Antall på liste: «abc» må være et heltall" in lines
    assert "rad 3, Avtale-ID: fastlegeavtale 999999 finnes ikke i kommune 1824" in lines
    assert "rad 4, Antall på liste: «-1» må være minst 0" in lines
    assert "rad 6, Avtale-ID: avtale 182403 står også på rad 5" in lines
    counts = agreement_service.list_list_counts(vefsn, actor=SYSTEM, agreement_id=182403)
    assert counts[-1].month == "2026-11"


def test_an_hpr_number_or_listetak_that_differs_from_the_register_is_a_warning(vefsn):
    report = helfo(vefsn, HEADER + "182401;9182402;650;715;;\n")
    assert [w["path"] for w in report["warnings"]] == ["rad 2, HPR-nummer", "rad 2, Listetak"]


def test_a_file_without_the_required_columns_names_them(vefsn):
    with pytest.raises(ValidationFailed) as caught:
        helfo(vefsn, "Avtale;Pasienter\n182401;700\n")
    assert [str(p) for p in caught.value.problems] == [
        "header: mangler kolonnen «Avtale-ID»",
        "header: mangler kolonnen «Antall på liste»",
    ]


def test_a_month_that_is_not_year_dash_month_is_refused(vefsn):
    with pytest.raises(ValidationFailed) as caught:
        helfo(vefsn, HEADER + "182401;;;715;;\n", month="2026-13")
    assert caught.value.problems[0].path == "month"
