"""Min side's «Mine saker» and «Mine frister» and the GP's own requests as pages: a form, a confirmation
that states what sending does (a notice: its end date, AGR-NOTICE), a refusal naming its rule, and the case
in the kommuneoverlege's list of cases."""

import re

from legetjeneste.dates import add_months, today_oslo
from legetjeneste.norwegian import day_text
from tests.web.conftest import browser_client, csrf_of, log_in  # noqa: F401  (fixtures)

FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"')


def lege(client):
    log_in(client, "lege@vefsn.example", "lege-demo")
    return client


def post(client, path: str, data: dict):
    csrf = csrf_of(client.get("/min-side").text)
    return client.post(path, data={**data, "csrf_token": csrf}, follow_redirects=False)


def test_min_side_shows_my_cases_and_deadlines_with_labelled_request_forms(browser_client):  # noqa: F811
    html = lege(browser_client).get("/min-side").text
    assert 'id="mine-saker"' in html and 'id="mine-frister"' in html
    assert "Du har ingen saker om fastlegeavtalen." in html
    assert "Si opp avtalen" in html and "Be om listereduksjon" in html and "Be om deleliste" in html
    for field_id in FIELD.findall(html):
        assert f'for="{field_id}"' in html, field_id


def test_a_notice_is_confirmed_with_its_end_date_before_it_is_sent(browser_client):  # noqa: F811
    client = lege(browser_client)
    check = post(client, "/min-side/saker/notice", {"agreement_id": "182402", "text": "Flytter"})
    end = day_text(add_months(today_oslo(), 6))
    assert check.status_code == 200 and f"Avtalen din opphører {end}." in check.text
    assert "Send oppsigelse til kommunen" in check.text
    sent = post(client, "/min-side/saker/notice/send", {"agreement_id": "182402", "text": "Flytter"})
    assert sent.status_code == 303 and sent.headers["location"] == "/min-side#mine-saker"
    page = client.get("/min-side").text
    assert "Jonas Brekkan sier opp fastlegeavtale 182402" in page and "av deg" in page
    assert "AGR-NOTICE" in page and 'href="/saker/' not in page


def test_a_refused_deleliste_names_its_rule_on_the_page(browser_client):  # noqa: F811
    client = lege(browser_client)
    data = {"agreement_id": "182402", "successor": "Ida", "listetak": "900", "start_date": "2027-01-01"}
    refused = post(client, "/min-side/saker/deleliste", data)
    assert refused.status_code == 422
    assert "Saken ble ikke sendt (AGR-DELELISTE)" in refused.text and "legen er 40 år" in refused.text
    assert 'value="Ida"' in refused.text


def test_a_list_reduction_sent_by_the_gp_appears_in_the_kommuneoverleges_cases(browser_client):  # noqa: F811
    client = lege(browser_client)
    effective = add_months(today_oslo(), 3).isoformat()
    data = {"agreement_id": "182402", "ground": "health", "effective_from": effective}
    assert post(client, "/min-side/saker/list_reduction", data).status_code == 200
    assert post(client, "/min-side/saker/list_reduction/send", data).status_code == 303
    client.post("/logg-ut", data={"csrf_token": csrf_of(client.get("/min-side").text)})
    log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    assert (
        "Jonas Brekkan ber om listereduksjon på fastlegeavtale 182402"
        in client.get("/kommuner/1824/saker").text
    )


def test_a_form_without_its_csrf_token_is_refused(browser_client):  # noqa: F811
    client = lege(browser_client)
    response = client.post("/min-side/saker/notice/send", data={"agreement_id": "182402"})
    assert response.status_code == 403


def test_the_kommuneoverlege_may_not_send_a_gps_request(browser_client):  # noqa: F811
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    assert browser_client.get("/min-side/saker/notice").status_code == 403
