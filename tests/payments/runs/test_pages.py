"""The payment pages: the runs, a run with its explained lines and office filter, approval, the specification,
and the month's hours of municipal work; a refused write shows its Norwegian message on the page."""

import re
from datetime import date
from html import unescape

import pytest
from fastapi.testclient import TestClient

from legetjeneste import demo as demo_data
from legetjeneste.absence import service as absence_service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.main import create_app
from legetjeneste.registry import service as registry_service
from tests.payments.four_eyes import one_person_may_approve
from tests.web.conftest import csrf_of, log_in

RUNS = "/kommuner/1824/utbetalinger"
CONFIRMED = {"confirm": "yes"}
MARCH = RUNS + "/2026-03"


@pytest.fixture
def client(engine, open_session):
    """Vefsn's kommuneoverlege, logged in on the demo data; Vefsn lets one person compute and approve
    (PAY-FOUR-EYES off; tests/payments/settings covers four eyes)."""
    demo_data.load_demo(open_session())
    one_person_may_approve(open_session())
    app = create_app(engine=engine, secret_key="test-secret")
    with TestClient(app, raise_server_exceptions=False) as client:
        log_in(client, "kommuneoverlege@vefsn.example", "vefsn-demo")
        yield client


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


def sick(session, hpr="9182404", start=date(2026, 3, 1), end=date(2026, 3, 20)):
    data = AbsenceCreate(
        doctor_id=doctor_id(session, hpr), ground="own_sickness", start=start, end=end, cover="none"
    )
    absence_service.register_absence(session, actor=SYSTEM, data=data)


def post(client, page: str, action: str, data: dict | None = None, **kwargs):
    token = csrf_of(client.get(page).text)
    return client.post(action, data={"csrf_token": token, **(data or {})}, **kwargs)


def compute(client, month="2026-03"):
    return post(client, RUNS, RUNS, {"month": month}, follow_redirects=False)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_computing_a_month_from_the_list_goes_to_its_draft_with_a_message(client):
    assert "Ingen kjøringer er beregnet ennå." in client.get(RUNS).text
    answer = compute(client)
    assert answer.status_code == 303 and answer.headers["location"] == MARCH
    html = client.get(MARCH).text
    assert "Utkastet for mars 2026 er beregnet." in html and "Utkast – ikke godkjent" in html
    listed = client.get(RUNS).text
    assert 'href="/kommuner/1824/utbetalinger/2026-03">mars 2026</a>' in listed


def test_a_malformed_month_is_answered_on_the_list_page(client):
    answer = compute(client, "2026-13")
    assert answer.status_code == 422 and "må være en måned på formen ÅÅÅÅ-MM" in answer.text


def test_a_month_before_the_rates_shows_the_rule_on_the_list_page(client):
    answer = compute(client, "2015-01")
    assert answer.status_code == 422 and "Kjøringen ble ikke beregnet" in answer.text


def test_each_line_opens_to_its_full_text_rule_and_paragraph(client, open_session):
    sick(open_session())
    compute(client)
    html = client.get(MARCH).text
    [deduction] = re.findall(r"<details>\s*<summary>Trekk 17\.–20\. mars</summary>.*?</details>", html, re.S)
    assert "sammenhengende sykdom, over 16" in deduction
    assert "ABS-SICK" in deduction and "ASA 4310 § 13.4" in deduction
    assert "Mosjøen legesenter" in deduction
    assert "−9\u202f305,06&nbsp;kr" in html
    assert "Beregn på nytt" in html and "Godkjenn</button>" in html
    assert "En godkjent kjøring kan ikke endres." in html
    assert "accounting.csv" not in html


def test_the_office_filter_shows_only_that_offices_lines(client):
    compute(client)
    html = client.get(MARCH).text
    mosjoen = re.search(r'<option value="(\d+)">Mosjøen legesenter</option>', html).group(1)
    filtered = client.get(MARCH, params={"kontor": mosjoen}).text
    assert f'<option value="{mosjoen}" selected>Mosjøen legesenter</option>' in filtered
    assert (
        "Eirik Sandnesmo" in filtered
        and "Ole Fustvatn" not in filtered
        and "Sum for legekontoret" in filtered
    )
    assert client.get(MARCH, params={"kontor": ""}).status_code == 200
    assert client.get(MARCH, params={"kontor": "abc"}).status_code == 422


def test_approving_shows_the_approved_run_with_the_csv_and_without_buttons(client):
    compute(client)
    answer = post(client, MARCH, MARCH + "/godkjenn", CONFIRMED, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == MARCH
    html = client.get(MARCH).text
    assert "Kjøringen for mars 2026 er godkjent." in html and ">Godkjent</span>" in html
    assert 'href="/api/v1/municipalities/1824/payment-runs/2026-03/accounting.csv"' in html
    assert "Godkjenn</button>" not in html and "Beregn på nytt" not in html


def test_approving_a_draft_whose_grounds_changed_shows_the_message_on_the_page(client, open_session):
    compute(client)
    sick(open_session())
    answer = post(client, MARCH, MARCH + "/godkjenn", CONFIRMED)
    assert answer.status_code == 409
    assert "Kjøringen ble ikke godkjent" in answer.text and "Grunnlaget er endret" in answer.text
    assert "(PAY-MONTHLY)" in answer.text


def test_approving_from_a_page_shown_before_the_run_was_computed_again_asks_to_look_again(client):
    """PAY-MONTHLY: the approve form carries the version the page showed."""
    compute(client)
    page = client.get(MARCH).text
    assert '<input type="hidden" name="version" value="1">' in page
    post(client, MARCH, MARCH + "/beregn")
    token = csrf_of(page)
    answer = client.post(MARCH + "/godkjenn", data={"csrf_token": token, "version": "1", **CONFIRMED})
    assert answer.status_code == 409
    text = text_of(answer.text)
    assert "Kjøringen ble ikke godkjent" in text and "er beregnet på nytt av" in text
    assert "Se gjennom den nye beregningen før du godkjenner (PAY-MONTHLY)" in text
    assert '<input type="hidden" name="version" value="2">' in answer.text
    assert post(client, MARCH, MARCH + "/godkjenn", {"version": "2", **CONFIRMED}).status_code == 200
    assert client.post(MARCH + "/godkjenn", data={"csrf_token": token, "version": "x"}).status_code == 422


def test_a_form_without_the_csrf_token_is_refused(client):
    assert client.post(RUNS, data={"month": "2026-03"}).status_code == 403


def test_the_specification_page_is_printable_with_the_draft_marked(client, open_session):
    sick(open_session())
    compute(client)
    eirik = doctor_id(open_session(), "9182404")
    html = client.get(MARCH + f"/spesifikasjon/{eirik}").text
    text = text_of(html)
    assert "Utkast – ikke godkjent." in text and "Skriv ut" in text
    for expected in ("Vefsn (1824)", "12.03.2026", "Eirik Sandnesmo", "9182404", "9999.18.24045"):
        assert expected in text
    assert "Trekk 17.–20. mars : Dag 17 i sammenhengende sykdom" in text
    assert "ABS-SICK ASA 4310 § 13.4" in text
    assert f"/payment-runs/2026-03/specifications/{eirik}.pdf" in html
    assert "Sum til utbetaling 62 809,14 kr" in text


def test_hours_are_registered_with_a_decimal_comma_listed_and_deleted_only_once_confirmed(
    client, open_session
):
    page = MARCH + "/timer"
    siri = doctor_id(open_session(), "9182405")
    answer = post(
        client,
        page,
        page,
        {"doctor_id": siri, "kind": "municipal_duty", "hours": "7,5"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    html = client.get(page).text
    assert "7,50 timer for Siri Halsøy i mars 2026 er registrert." in html
    row = re.search(r'action="(/kommuner/1824/utbetalinger/2026-03/timer/\d+/slett)"', html).group(1)
    assert "Ja, slett timene" in html  # asked in the row first

    asked = post(client, page, row, follow_redirects=False)
    assert asked.status_code == 200  # a request without the answer is asked, not obeyed
    text = text_of(asked.text)
    assert "Slette timene? Vil du slette 7,50 timer (kommunale oppgaver) for Siri Halsøy i mars 2026?" in text
    assert (
        "Timene blir ikke betalt. Kjøringen for mars 2026 er ikke beregnet ennå. Sletting kan ikke angres"
        in text
    )
    assert f'href="{page}">Avbryt</a>' in asked.text
    assert "7,50" in client.get(page).text  # still there

    assert post(client, page, row, {"confirmed": "ja"}, follow_redirects=False).status_code == 303
    assert "Ingen timer er registrert for mars 2026." in client.get(page).text


def test_hours_that_would_replace_a_registration_ask_first_and_replace_it_once_confirmed(
    client, open_session
):
    page = MARCH + "/timer"
    siri = doctor_id(open_session(), "9182405")
    typed = {"doctor_id": siri, "kind": "municipal_duty", "hours": "7,5", "description": "Sykehjem"}
    assert post(client, page, page, typed, follow_redirects=False).status_code == 303
    same = typed | {"hours": "7,50"}  # the same again replaces nothing, so nothing is asked
    assert post(client, page, page, same, follow_redirects=False).status_code == 303

    again = typed | {"hours": "10", "description": "Sykehjem og helsestasjon"}
    asked = post(client, page, page, again, follow_redirects=False)
    assert asked.status_code == 200  # nothing replaced yet
    text = text_of(asked.text)
    assert (
        "Vil du erstatte 7,50 timer (kommunale oppgaver) for Siri Halsøy i mars 2026 med 10,00 timer?" in text
    )
    assert "den forrige registreringen («Sykehjem») erstattes og kan ikke hentes tilbake" in text
    assert 'name="description" value="Sykehjem og helsestasjon"' in asked.text
    assert "7,50" in client.get(page).text

    confirmed = post(client, page, page, again | {"confirmed": "ja"}, follow_redirects=False)
    assert confirmed.status_code == 303
    html = client.get(page).text
    assert (
        "10,00 timer for Siri Halsøy i mars 2026 er registrert." in html
        and "Sykehjem og helsestasjon" in html
    )


def test_too_many_hours_of_lis1_supervision_are_refused_on_the_page(client, open_session):
    page = MARCH + "/timer"
    siri = doctor_id(open_session(), "9182405")
    answer = post(client, page, page, {"doctor_id": siri, "kind": "lis1_supervision", "hours": "20"})
    assert answer.status_code == 422
    assert "Timene ble ikke lagret" in answer.text and "PAY-LIS1" in answer.text
    assert 'value="20"' in answer.text


def test_missing_hours_are_named_in_norwegian(client):
    page = MARCH + "/timer"
    answer = post(client, page, page, {"doctor_id": "", "hours": ""})
    assert answer.status_code == 422 and "Lege: mangler (påkrevd felt)" in answer.text
