"""The SU's vacation overview page: the period form, the gaps first, the week tables, CSV and feeds."""

import re
from datetime import date

import pytest

from legetjeneste.absence import service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import today_oslo
from legetjeneste.registry import service as registry_service
from tests.absence.vacation_support import without_absences

PAGE = "/kommuner/1824/ferieoversikt"


@pytest.fixture
def summer(vefsn_client, open_session):
    """Petter Mjåvatn away without cover, Eirik Sandnesmo sick with a colleague covering."""
    session = open_session()
    without_absences(session)
    doctors = {d.hpr_number: d.id for d in registry_service.list_doctors(session, actor=SYSTEM)}
    for hpr, ground, start, end, cover in (
        ("9182410", "ordinary", date(2026, 7, 13), date(2026, 7, 24), "none"),
        ("9182404", "own_sickness", date(2026, 7, 6), date(2026, 7, 10), "collegial"),
    ):
        data = AbsenceCreate(doctor_id=doctors[hpr], ground=ground, start=start, end=end, cover=cover)
        service.register_absence(session, actor=SYSTEM, data=data)
    return vefsn_client


def test_the_page_shows_the_gaps_first_with_their_rule_and_a_table_per_office(summer):
    html = summer.get(PAGE, params={"fra": "2026-07-01", "til": "2026-07-31"}).text
    assert "Ferieoversikt for Vefsn kommune" in html
    assert (
        "Hull i dekningen (1)" in html
        and '<span class="ds-tag" data-color="danger">SU-VACATION</span>' in html
    )
    assert html.index("Hull i dekningen") < html.index("Sjøgata legekontor</a></h2>")
    assert "Fravær og dekning per uke ved Mosjøen legesenter</caption>" in html
    assert '<th scope="rowgroup" rowspan="1">uke 28 (6.–12. juli)' in html
    assert re.search(r'<td><a class="ds-link" href="/leger/\d+">Petter Mjåvatn</a></td>', html)
    assert "<strong>ingen dekning</strong>" in html
    assert "<td>egen sykdom</td>" in html


def test_the_page_links_the_csv_and_explains_the_calendar_feeds(summer):
    html = summer.get(PAGE, params={"fra": "2026-07-01", "til": "2026-07-31"}).text
    assert (
        'href="/api/v1/municipalities/1824/vacation-overview.csv?from=2026-07-01&amp;to=2026-07-31"' in html
    )
    assert "http://testserver/api/v1/municipalities/1824/absences.ics?token=API-NØKKELEN-DIN" in html
    assert "/absences.ics?token=API-NØKKELEN-DIN</code></li>" in html and "Abonner på fraværet" in html


def test_the_period_defaults_to_this_summer(vefsn_client):
    html = vefsn_client.get(PAGE).text
    year = today_oslo().year
    assert f'name="fra" value="{year}-06-01"' in html and f'name="til" value="{year}-08-31"' in html


def test_a_period_that_ends_before_it_starts_is_shown_at_the_field(vefsn_client):
    response = vefsn_client.get(PAGE, params={"fra": "2026-08-01", "til": "2026-07-01"})
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.text and "Til-datoen er før fra-datoen." in response.text


def test_another_municipalitys_overview_is_not_found(vefsn_client):
    assert vefsn_client.get("/kommuner/4014/ferieoversikt").status_code == 404
    assert vefsn_client.get("/kommuner/4014/ferieoversikt?fra=2026-08-01&til=2026-07-01").status_code == 404
