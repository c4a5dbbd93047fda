"""The pages of breach cases (AGR-BREACH, ASA 4310 § 15): the list with the notice form, the case with its
steps, what happens next and the form for it; redirects on success, 422 with the problems on refusal."""

import re

import pytest
from fastapi.testclient import TestClient

from legetjeneste import demo as demo_data
from legetjeneste.main import create_app
from tests.web.conftest import csrf_of, log_in

NOTICE = {
    "agreement_id": "182404",
    "subject": "Åpningstid under 28 timer i uken",
    "notice_date": "2026-01-05",
    "deadline": "2026-01-26",
    "text": "Kontoret har vært stengt onsdager.\r\nDet strider mot ASA 4310 § 13.1.",
}
FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"')


@pytest.fixture
def client(engine, open_session):
    demo_data.load_demo(open_session())
    app = create_app(engine=engine, secret_key="test-secret")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def vefsn(client):
    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    return client


def post(client, url: str, data: dict, page: str):
    return client.post(
        url, data={**data, "csrf_token": csrf_of(client.get(page).text)}, follow_redirects=False
    )


def opened(client) -> str:
    response = post(client, "/kommuner/1824/mislighold", NOTICE, "/kommuner/1824/mislighold")
    assert response.status_code == 303, response.text
    return response.headers["location"]


def assert_every_field_is_labelled(html: str) -> None:
    for field_id in FIELD.findall(html):
        assert f'<label class="ds-label" for="{field_id}">' in html, field_id


def test_the_list_page_has_the_notice_form_with_labels_and_the_csrf_token(vefsn):
    html = vefsn.get("/kommuner/1824/mislighold").text
    assert "Mislighold og tilbakeholdt basistilskudd" in html and "AGR-BREACH, ASA 4310 § 15" in html
    assert "Kommunen har ingen misligholdssaker." in html
    assert '<option value="182404" >182404 – Eirik Sandnesmo' in html and 'value="182401"' not in html
    assert 'name="csrf_token"' in html
    assert_every_field_is_labelled(html)


def test_opening_a_case_redirects_to_it_with_the_message_and_what_happens_next(vefsn):
    url = opened(vefsn)
    assert re.fullmatch(r"/mislighold/\d+", url)
    html = vefsn.get(url).text
    assert "Misligholdssak" in html and "er opprettet med skriftlig varsel om retting" in html
    assert "Legen har frist til og med 26. januar 2026" in html
    assert "Skriftlig varsel om retting" in html and "Kontoret har vært stengt onsdager.\nDet strider" in html
    for heading in ("Legens uttalelse", "Møte om saken", "Skriftlig advarsel", "Forholdet er rettet"):
        assert f">{heading}</h3>" in html
    assert 'min="2026-01-27"' in html
    assert html.count('<form method="post" action="/mislighold/') == 4
    assert_every_field_is_labelled(html)
    listed = vefsn.get("/kommuner/1824/mislighold").text
    assert f'<a class="ds-link" href="{url}">' in listed and "varslet" in listed


def test_a_notice_with_its_deadline_before_the_notice_date_is_shown_again_with_422(vefsn):
    data = {**NOTICE, "deadline": "2026-01-01"}
    response = post(vefsn, "/kommuner/1824/mislighold", data, "/kommuner/1824/mislighold")
    assert response.status_code == 422
    assert "Saken ble ikke opprettet" in response.text and "(AGR-BREACH, ASA 4310 § 15)" in response.text
    assert "må være etter varseldatoen" in response.text
    assert 'value="Åpningstid under 28 timer i uken"' in response.text


def test_a_notice_without_an_agreement_names_the_field(vefsn):
    data = {**NOTICE, "agreement_id": ""}
    response = post(vefsn, "/kommuner/1824/mislighold", data, "/kommuner/1824/mislighold")
    assert (
        response.status_code == 422 and "Fastlegeavtale: velg fastlegeavtalen saken gjelder" in response.text
    )


def test_the_warning_and_the_decision_are_recorded_and_a_refused_one_is_shown_again(vefsn):
    url = opened(vefsn)
    warning = {
        "kind": "warning",
        "date": "2026-02-02",
        "text": "Basistilskuddet holdes tilbake.",
        "deadline": "",
    }
    assert post(vefsn, f"{url}/steg", warning, url).status_code == 303
    decision = {
        "kind": "decision",
        "date": "2026-02-16",
        "percentage": "20,5",
        "breach_type": "Redusert åpningstid",
        "extent": "En dag i uken",
        "severity": "Fortsatt etter advarsel",
    }
    refused = post(vefsn, f"{url}/steg", decision, url)
    assert refused.status_code == 422
    assert "Steget ble ikke registrert" in refused.text and "20,5 % er mer enn det" in refused.text
    assert 'value="20.5"' in refused.text and "aria-invalid" not in refused.text
    assert post(vefsn, f"{url}/steg", {**decision, "percentage": "20"}, url).status_code == 303
    html = vefsn.get(url).text
    assert "Skriftlig advarsel er registrert" not in html
    assert "Vedtak om å holde tilbake basistilskudd er registrert" in html
    assert "20 % av basistilskuddet hver måned" in html
    assert "20 % av basistilskuddet holdes tilbake i hver månedskjøring" in html


def test_a_step_form_with_a_missing_date_names_the_field(vefsn):
    url = opened(vefsn)
    response = post(vefsn, f"{url}/steg", {"kind": "comment", "date": "", "text": "Uenig"}, url)
    assert response.status_code == 422
    assert "Dato: mangler (påkrevd felt)" in response.text and 'aria-invalid="true"' in response.text


def test_another_municipality_cannot_see_the_case(vefsn):
    url = opened(vefsn)
    vefsn.post("/logg-ut", data={"csrf_token": csrf_of(vefsn.get(url).text)})
    log_in(vefsn, "kommuneoverlege@kragero.example", "kragero-demo")
    assert vefsn.get(url).status_code == 404
    assert vefsn.get("/kommuner/1824/mislighold").status_code == 404
