"""The «Ny ordning» page: a scheme is created whole through save_scheme, so a refusal names the field and the
rule and writes nothing."""

import re

from legetjeneste.legevakt.schemes.models import Participant
from tests.legevakt.schemes.conftest import count, post, scheme_id
from tests.web.conftest import csrf_of


def test_a_kommuneoverlege_creates_a_scheme_from_the_overview_and_lands_on_its_page(vefsn_client):
    overview = vefsn_client.get("/kommuner/1824/legevakt").text
    assert 'href="/kommuner/1824/legevakt/ny-ordning">Ny ordning</a>' in overview
    page = vefsn_client.get("/kommuner/1824/legevakt/ny-ordning").text
    answer = post(
        vefsn_client,
        "/kommuner/1824/legevakt/ny-ordning",
        page,
        code="sommer",
        name="Sommerlegevakt Mosjøen",
        kind="legevakt",
        start="2027-06-01",
        end="2027-08-31",
        description="Ekstra kveldsvakt om sommeren.",
    )
    assert answer.status_code == 200 and re.search(r"/ordninger/\d+$", str(answer.url))
    assert "Legevakt «Sommerlegevakt Mosjøen» er opprettet." in answer.text
    assert "fra 1. juni 2027 til 31. august 2027" in answer.text
    assert "Sommerlegevakt Mosjøen</a>" in vefsn_client.get("/kommuner/1824/legevakt").text
    assert f'href="{answer.url.path}/endre">Endre ordningen</a>' in answer.text


def test_a_new_nodnett_scheme_without_office_days_is_refused_with_nn_office_days_and_nothing_written(
    vefsn_client, open_session
):
    page = vefsn_client.get("/kommuner/1824/legevakt/ny-ordning").text
    answer = post(
        vefsn_client,
        "/kommuner/1824/legevakt/ny-ordning",
        page,
        code="nodnett",
        name="Nødnett Vefsn",
        kind="nodnett",
        start="2027-01-01",
    )
    assert answer.status_code == 422
    assert (
        "Kontorenes dager: en nødnettordning må si hvilket kontor som har hvilke dager (NN-OFFICE-DAYS)"
        in (answer.text)
    )
    assert 'value="Nødnett Vefsn"' in answer.text and 'value="2027-01-01"' in answer.text
    assert scheme_id(open_session, "1824", "nodnett") is None


def test_a_new_nodnett_scheme_with_its_first_office_and_weekdays_is_created(vefsn_client, open_session):
    page = vefsn_client.get("/kommuner/1824/legevakt/ny-ordning").text
    office = re.search(r'<option value="(\d{9})"', page).group(1)
    answer = vefsn_client.post(
        "/kommuner/1824/legevakt/ny-ordning",
        data={
            "csrf_token": csrf_of(page),
            "code": "nodnett",
            "name": "Nødnett Vefsn",
            "kind": "nodnett",
            "start": "2027-01-01",
            "office": office,
            "weekdays": ["monday", "tuesday"],
        },
    )
    assert answer.status_code == 200 and "Nødnett (dagtid) «Nødnett Vefsn» er opprettet." in answer.text
    assert "mandag, tirsdag" in answer.text


def test_a_new_scheme_may_not_take_the_code_of_an_existing_one_and_the_existing_one_is_untouched(
    vefsn_client, open_session
):
    before = count(open_session, Participant, scheme_id(open_session, "1824", "legevakt"))
    page = vefsn_client.get("/kommuner/1824/legevakt/ny-ordning").text
    answer = post(
        vefsn_client,
        "/kommuner/1824/legevakt/ny-ordning",
        page,
        code="legevakt",
        name="Overskriver",
        kind="legevakt",
        start="2027-01-01",
    )
    assert answer.status_code == 422
    assert "Kode: kommunen har allerede en ordning med koden «legevakt»" in answer.text
    assert count(open_session, Participant, scheme_id(open_session, "1824", "legevakt")) == before
