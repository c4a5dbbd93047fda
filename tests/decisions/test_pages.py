"""The letter, Min side and the overview in HTML, and the API: the demo's refused Kragerø exemption
(Geir Skåtøy) read by the kommuneoverlege and by Geir himself, appealed from Min side, confirmed and sent on;
the letter as PDF with its case number and deadline (DEC-NOTIFY, DEC-APPEAL)."""

import io
import re

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from legetjeneste.auth import service as auth_service
from legetjeneste.decisions.models import Decision
from legetjeneste.main import create_app
from legetjeneste.norwegian import day_text
from tests.support import load_demo
from tests.web.conftest import csrf_of, log_in

GEIR = "9401402"
PASSWORD = "et langt passord for testen"


@pytest.fixture
def site(engine, open_session):
    """The demo, a user for Geir Skåtøy (the party of the demo's decision) with an API token, and a client."""
    session = open_session()
    load_demo(session)
    _, token = auth_service.add_user(
        session,
        email="geir@kragero.example",
        role="doctor",
        municipality_number="4014",
        password=PASSWORD,
        doctor=GEIR,
        with_token=True,
    )
    with session.begin():
        decision = session.query(Decision).filter_by(municipality_number="4014").one()
        facts = (decision.id, decision.case_number, decision.appeal_deadline)
    with TestClient(create_app(engine=engine, secret_key="test"), raise_server_exceptions=False) as client:
        yield client, token, facts


def test_dec_notify_the_letter_page_has_the_reasons_the_deadline_where_to_appeal_and_the_documents(site):
    client, _, (decision_id, case_number, deadline) = site
    log_in(client, "kommuneoverlege@kragero.example", "kragero-demo")
    page = client.get(f"/vedtak/{decision_id}")
    assert page.status_code == 200
    text = re.sub(r"\s+", " ", page.text)
    assert f"Saksnummer {case_number}" in text and "Kragerø kommune" in text and "Til: Geir Skåtøy" in text
    assert "NN-EXEMPT (KRAGERØ SU 17.3.2026)" in text and "Vektlegging (skjønn)" in text
    assert f"Klagen må komme fram senest {day_text(deadline)}" in text
    assert "Statsforvalteren i Vestfold og Telemark" in text and "rett til å se dokumentene" in text
    assert 'href="/fritak/' in text  # the case, for whom may follow the link
    overview = client.get("/kommuner/4014")
    assert "Klager til behandling (0)" in overview.text and 'href="/kommuner/4014/vedtak"' in overview.text
    listed = re.sub(r"\s+", " ", client.get("/kommuner/4014/vedtak").text)
    assert f'href="/vedtak/{decision_id}.pdf"' in listed and "Geir Skåtøy" in listed
    assert "Fritak fra legevakt eller nødnett: avslått" in listed


def test_the_letter_as_pdf_has_the_case_number_and_the_deadline(site):
    client, _, (decision_id, case_number, deadline) = site
    log_in(client, "kommuneoverlege@kragero.example", "kragero-demo")
    pdf = client.get(f"/vedtak/{decision_id}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    text = re.sub(r"\s+", " ", text)
    assert case_number in text and day_text(deadline) in text and "Kragerø kommune" in text


def test_the_gp_appeals_from_min_side_and_the_kommuneoverlege_confirms_sending_it_on(site):
    client, _, (decision_id, case_number, deadline) = site
    log_in(client, "geir@kragero.example", PASSWORD)
    mine = client.get("/min-side")
    assert "Mine vedtak" in mine.text and f'href="/vedtak/{decision_id}"' in mine.text
    assert day_text(deadline) in mine.text and "Klag på vedtaket" in mine.text
    letter = client.get(f"/vedtak/{decision_id}")
    assert 'href="/fritak/' not in letter.text  # no link the GP could not follow
    empty = client.post(f"/vedtak/{decision_id}/klage", data={"csrf_token": csrf_of(letter.text), "text": ""})
    assert empty.status_code == 422 and "Klage: skriv hva du klager på og hvorfor (DEC-APPEAL)" in empty.text
    sent = client.post(
        f"/vedtak/{decision_id}/klage",
        data={"csrf_token": csrf_of(letter.text), "text": "Fosterbarnet trenger meg på dagtid."},
    )
    assert sent.status_code == 200 and "Klagen er mottatt" in sent.text and "Til behandling" in sent.text
    client.post("/logg-ut", data={"csrf_token": csrf_of(sent.text)})

    log_in(client, "kommuneoverlege@kragero.example", "kragero-demo")
    assert "Klager til behandling (1)" in client.get("/kommuner/4014").text
    page = client.get(f"/vedtak/{decision_id}")
    assert "Omgjør vedtaket" in page.text and "checked" not in page.text.split("Behandle klagen")[1]
    data = {
        "csrf_token": csrf_of(page.text),
        "outcome": "sent_on",
        "reasons": "Klagen gir ikke nye opplysninger.",
    }
    asked = client.post(f"/vedtak/{decision_id}/klagebehandling", data=data)
    assert "Dette kan ikke angres" in asked.text
    assert "Til behandling" in asked.text  # nothing stored before the confirmation
    done = client.post(f"/vedtak/{decision_id}/klagebehandling", data={**data, "confirmed": "ja"})
    assert done.status_code == 200 and "Oversendt klageinstansen" in done.text


def test_another_gp_gets_no_letter_and_the_api_answers_the_party(site):
    client, token, (decision_id, case_number, _) = site
    log_in(client, "lege@vefsn.example", "lege-demo")
    assert client.get(f"/vedtak/{decision_id}").status_code == 404
    assert client.get(f"/vedtak/{decision_id}.pdf").status_code == 404
    assert "Mine vedtak" in client.get("/min-side").text
    assert (
        client.get("/kommuner/1824/vedtak").status_code == 403
    )  # the municipality's decisions: its deciders
    api = TestClient(client.app, raise_server_exceptions=False)
    headers = {"Authorization": f"Bearer {token}"}
    found = api.get(f"/api/v1/decisions/{decision_id}", headers=headers)
    assert found.status_code == 200 and found.json()["case_number"] == case_number
    made = api.post(f"/api/v1/decisions/{decision_id}/appeals", json={"text": "Jeg klager."}, headers=headers)
    assert made.status_code == 201 and made.json()["appeals"][0]["status"] == "received"


def test_the_exemption_form_starts_with_no_choice_and_a_right_offers_only_granting(site):
    client, _, _ = site
    log_in(client, "kommuneoverlege@kragero.example", "kragero-demo")
    legevakt = client.get("/kommuner/4014/legevakt").text
    links = dict(re.findall(r'href="(/fritak/\d+)">([^<]+)<', legevakt))
    knut = next(link for link, name in links.items() if "Knut" in name)  # over 60: a right
    even = next(link for link, name in links.items() if "Even" in name)  # health: discretion
    right, discretion = client.get(knut).text, client.get(even).text
    assert 'value="granted"' in right and 'value="refused"' not in right and "kan ikke avslås" in right
    assert 'value="granted"' in discretion and 'value="refused"' in discretion
    for page in (right, discretion):
        assert not re.search(r'name="decision"[^>]*checked', page)
    unchosen = client.post(
        f"{even}/vedtak",
        data={"csrf_token": csrf_of(discretion), "reasons": "Begrunnet.", "weighing": "Vektet."},
    )
    assert unchosen.status_code == 422 and "Vedtak: velg om søknaden innvilges eller avslås" in unchosen.text
