"""The pages of the agreement life cycle: cases, a case with its forms, refusals with the rule named,
documents, the deadlines, the start page and the agreement's history."""

import re

import pytest

from tests.web.conftest import browser_client, csrf_of, log_in, vefsn_client  # noqa: F401  (fixtures)

FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"')
ANNOUNCEMENT = {
    "kind": "announcement",
    "date": "2026-09-01",
    "application_deadline": "2026-09-29",
    "medium": "legejobber.no",
    "location": "Vefsn legesenter",
    "listetak": "700",
    "operating_model": "salaried",
    "practice_type": "group",
}


def vacant_case_url(client) -> str:
    html = client.get("/kommuner/1824/saker").text
    return re.search(r'href="(/saker/\d+)">\d+: Ledig fastlegeavtale 182415', html).group(1)


def post_step(client, case_url: str, data: dict):
    csrf = csrf_of(client.get(case_url).text)
    return client.post(f"{case_url}/steg", data={**data, "csrf_token": csrf}, follow_redirects=False)


def test_the_cases_page_lists_the_demo_cases_and_has_a_labelled_form(vefsn_client):  # noqa: F811
    html = vefsn_client.get("/kommuner/1824/saker").text
    assert "Ledig fastlegeavtale 182415" in html and "Thomas Kvalvik sier opp" in html
    assert "Eirik Sandnesmo ber om deleliste" in html
    for field_id in FIELD.findall(html):
        assert f'for="{field_id}"' in html, field_id


def test_a_14_day_announcement_is_refused_on_the_page_with_the_rule_named(vefsn_client):  # noqa: F811
    url = vacant_case_url(vefsn_client)
    response = post_step(vefsn_client, url, {**ANNOUNCEMENT, "application_deadline": "2026-09-15"})
    assert response.status_code == 422
    assert "Steget ble ikke registrert (AGR-ANNOUNCE)" in response.text and "minst 21 dager" in response.text


def test_a_third_announcement_redirects_and_shows_the_hjemfall_count(vefsn_client):  # noqa: F811
    url = vacant_case_url(vefsn_client)
    response = post_step(vefsn_client, url, ANNOUNCEMENT)
    assert response.status_code == 303 and response.headers["location"] == url
    html = vefsn_client.get(url).text
    assert "er registrert i sak" in html and "3 av minst 3 korrekte utlysninger" in html
    assert '<dd id="announcement-count">3</dd>' in html


def test_the_announcement_document_is_printable(vefsn_client):  # noqa: F811
    html = vefsn_client.get(vacant_case_url(vefsn_client)).text
    link = re.search(r'href="(/saker/\d+/dokumenter/\d+)">Kunngjøring', html).group(1)
    page = vefsn_client.get(link).text
    assert "Kunngjøring: ledig fastlegeavtale" in page or "Kunngjøring: ny fastlegeavtale" in page
    assert "AGR-ANNOUNCE, ASA 4310 § 5.4" in page and "Last ned PDF" in page


def test_the_deadlines_page_highlights_overdue_and_due_soon(vefsn_client):  # noqa: F811
    html = vefsn_client.get("/kommuner/1824/frister").text
    assert "Frister – Vefsn kommune" in html and "AGR-HJEMFALL" in html
    assert 'class="clock clock-overdue"' in html and "deadlines.ics?token=" in html


def test_the_start_page_shows_what_is_due_and_the_agreement_page_its_history(vefsn_client):  # noqa: F811
    start = vefsn_client.get("/kommuner/1824").text
    assert "Frister som haster" in start and "AGR-HJEMFALL" in start
    agreement = vefsn_client.get("/avtaler/182406").text
    assert "Avtalens historikk" in agreement and "Oppsigelse (AGR-NOTICE)" in agreement
    assert "kommuneoverlege@vefsn.example" in agreement


@pytest.mark.parametrize("path", ["/kommuner/1824/saker", "/kommuner/1824/frister"])
def test_an_office_administrator_may_not_see_the_cases_or_deadlines(browser_client, path):  # noqa: F811
    log_in(browser_client, "kontor@mosjoen.example", "mosjoen-demo")
    assert browser_client.get(path).status_code == 403


def open_case(client, data: dict) -> str:
    csrf = csrf_of(client.get("/kommuner/1824/saker").text)
    response = client.post("/kommuner/1824/saker", data={**data, "csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return response.headers["location"]


def test_a_deleliste_for_a_58_year_old_is_refused_on_the_page(vefsn_client):  # noqa: F811
    url = open_case(vefsn_client, {"kind": "deleliste", "agreement_id": "182406", "date": "2026-10-01"})
    request = {
        "kind": "deleliste_request",
        "date": "2026-10-01",
        "successor": "Ida Vefsnmo",
        "list_length": "900",
        "listetak": "1000",
        "same_office": "on",
    }
    response = post_step(vefsn_client, url, request)
    assert response.status_code == 422
    assert "(AGR-DELELISTE)" in response.text and "legen er 58 år" in response.text


def test_a_list_reduction_on_the_age_ground_with_two_months_notice_is_refused_on_the_page(vefsn_client):  # noqa: F811
    url = open_case(vefsn_client, {"kind": "list_reduction", "agreement_id": "182404", "date": "2026-09-01"})
    request = {
        "kind": "list_reduction_request",
        "date": "2026-09-01",
        "ground": "age",
        "effective_from": "2026-11-01",
    }
    response = post_step(vefsn_client, url, request)
    assert (
        response.status_code == 422 and "(AGR-LISTREDUCE)" in response.text and "6 måneder" in response.text
    )


def test_a_case_without_a_date_is_refused_naming_the_field(vefsn_client):  # noqa: F811
    csrf = csrf_of(vefsn_client.get("/kommuner/1824/saker").text)
    response = vefsn_client.post(
        "/kommuner/1824/saker", data={"kind": "vacancy", "agreement_id": "182415", "csrf_token": csrf}
    )
    assert response.status_code == 422 and "Dato:" in response.text
