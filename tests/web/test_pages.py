"""The Norwegian pages through HTTP: login, overview, detail pages, import, key figures."""

import yaml

from tests.support import document
from tests.web.conftest import csrf_of, log_in


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page_and_back_after(browser_client):
    response = browser_client.get("/kommuner/1824", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/logg-inn?neste=/kommuner/1824"
    landed = log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo", target="/kommuner/1824")
    assert landed.url.path == "/kommuner/1824"


def test_the_login_page_is_norwegian_with_labelled_fields(browser_client):
    html = browser_client.get("/logg-inn").text
    assert '<html lang="nb"' in html and "Logg inn" in html
    assert '<label class="ds-label" for="email">E-postadresse</label>' in html
    assert '<label class="ds-label" for="password">Passord</label>' in html


def test_a_wrong_password_shows_the_norwegian_error_and_logs_nobody_in(browser_client):
    response = log_in(browser_client, "kommuneoverlege@vefsn.example", "feil")
    assert response.status_code == 401 and "Feil e-postadresse eller passord." in response.text
    assert browser_client.get("/kommuner/1824", follow_redirects=False).status_code == 303


def test_a_login_without_the_csrf_token_is_refused(browser_client):
    browser_client.get("/logg-inn")
    response = browser_client.post(
        "/logg-inn", data={"email": "kommuneoverlege@vefsn.example", "password": "vefsn-demo"}
    )
    assert response.status_code == 403 and "CSRF" in response.text


def test_after_login_only_a_local_page_is_a_target(browser_client):
    landed = log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo", target="//evil.example/x")
    assert landed.url.host == "testserver" and landed.url.path == "/kommuner/1824"


def test_the_vefsn_overview_shows_15_lists_and_the_two_without_a_gp_stand_out(vefsn_client):
    html = vefsn_client.get("/kommuner/1824?dato=2026-11-22").text
    assert "Fastlegeordningen i Vefsn kommune" in html
    assert html.count('<td><a class="ds-link" href="/avtaler/') == 15
    assert html.count('class="without-gp"') == 2
    assert "2 lister uten fastlege" in html and "1\u202f368 pasienter står på lister uten fastlege" in html


def test_a_session_writes_with_the_csrf_header_and_without_it_is_refused(vefsn_client):
    page = vefsn_client.get("/kommuner/1824").text
    payload = {"listetak": 1010}
    refused = vefsn_client.patch("/api/v1/agreements/182404", json=payload)
    assert refused.status_code == 403
    accepted = vefsn_client.patch(
        "/api/v1/agreements/182404", json=payload, headers={"X-CSRF-Token": csrf_of(page)}
    )
    assert accepted.status_code == 200 and accepted.json()["listetak"] == 1010


def test_office_doctor_and_agreement_pages_show_the_register(vefsn_client):
    agreement = vefsn_client.get("/avtaler/182414?dato=2026-11-22").text
    assert "Uten fastlege" in agreement and "Bjørn Hattfjell" in agreement and "Stian Grubben" in agreement
    assert "mandag" in agreement and "08:00-15:30" in agreement
    office_link = "/kontorer/1"
    assert "Vefsn legesenter" in vefsn_client.get(office_link).text
    doctor = vefsn_client.get("/leger/1").text
    assert "HPR-nummer" in doctor and "9182401" in doctor


def test_a_kragero_page_answers_the_norwegian_not_found_page_for_a_vefsn_user(vefsn_client):
    response = vefsn_client.get("/avtaler/401401")
    assert response.status_code == 404 and "Finnes ikke" in response.text


def test_the_export_link_downloads_the_municipality_file(vefsn_client):
    response = vefsn_client.get("/kommuner/1824/eksport.yaml")
    assert response.headers["content-disposition"] == 'attachment; filename="kommune-1824.yaml"'
    assert len(yaml.safe_load(response.text)["agreements"]) == 15


def upload(client, content: str, name: str = "vefsn.yaml"):
    csrf = csrf_of(client.get("/import").text)
    return client.post(
        "/import", data={"csrf_token": csrf}, files={"file": (name, content.encode(), "application/yaml")}
    )


def test_the_import_page_lists_every_problem_of_a_broken_file_and_stores_nothing(vefsn_client):
    doc = document()
    doc["agreements"][3]["listetak"] = 3000
    doc["agreements"][2]["list_status"] = "halvåpen"
    response = upload(vefsn_client, yaml.safe_dump(doc, allow_unicode=True))
    assert response.status_code == 422
    assert "agreements[3].listetak: 3000 er over maksimum 2500 (AGR-LISTETAK)" in response.text
    assert "agreements[2].list_status: «halvåpen» må være en av: open, closed" in response.text
    assert "2 feil – ingenting ble lagret" in response.text


def test_the_import_page_reports_what_a_good_file_changed(vefsn_client):
    doc = document()
    doc["agreements"][3]["listetak"] = 1010
    response = upload(vefsn_client, yaml.safe_dump(doc, allow_unicode=True))
    assert response.status_code == 200 and "er importert" in response.text


def test_the_key_figures_page_shows_vefsn_beside_the_country_with_the_ssb_attribution(vefsn_client):
    html = vefsn_client.get("/kommuner/1824/nokkeltall").text
    assert "Kilde: SSB, tabell 12005" in html
    assert "Nøkkeltall for Vefsn 2025" in html and "5\u202f504\u202f387" in html


def test_the_admin_lands_on_the_list_of_municipalities(browser_client):
    page = log_in(browser_client, "admin@legetjeneste.example", "admin-demo")
    assert page.url.path == "/kommuner" and "Kragerø" in page.text and "Vefsn" in page.text


def test_logging_out_ends_the_session(vefsn_client):
    csrf = csrf_of(vefsn_client.get("/kommuner/1824").text)
    vefsn_client.post("/logg-ut", data={"csrf_token": csrf})
    assert vefsn_client.get("/kommuner/1824", follow_redirects=False).status_code == 303
