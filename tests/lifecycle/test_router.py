"""The JSON API of the agreement life cycle: cases, steps, refusals as 422 with the rule, documents as PDF,
the deadlines and their iCalendar feed with the token in the URL, and scoping to the own municipality."""

import io

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from legetjeneste.main import create_app
from tests.api.conftest import bearer, tokens  # noqa: F401  (fixture)

ANNOUNCEMENT = {
    "kind": "announcement",
    "date": "2026-09-01",
    "application_deadline": "2026-09-29",
    "medium": "legejobber.no",
    "location": "Vefsn legesenter",
    "listetak": 700,
    "operating_model": "salaried",
    "practice_type": "group",
}


@pytest.fixture
def client(engine):
    app = create_app(engine=engine, secret_key="test-secret")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def vefsn(tokens):  # noqa: F811
    return bearer(tokens["vefsn"])


def vacant_case(client, headers) -> dict:
    """The demo file's vacancy of list 182415, with two announcements already made."""
    cases = client.get("/api/v1/municipalities/1824/lifecycle-cases", headers=headers).json()
    return next(c for c in cases if c["agreement_id"] == 182415)


def test_the_demo_vacancy_has_two_announcements_and_an_overdue_hjemfall_clock(client, vefsn):
    case = client.get(f"/api/v1/lifecycle-cases/{vacant_case(client, vefsn)['id']}", headers=vefsn).json()
    assert case["correct_announcements"] == 2
    hjemfall = next(c for c in case["clocks"] if c["code"] == "hjemfall")
    assert (hjemfall["due_date"], hjemfall["rule_id"]) == ("2026-06-30", "AGR-HJEMFALL")
    assert [s["kind"] for s in case["steps"]] == ["announcement", "no_taker", "announcement", "no_taker"]
    assert case["steps"][0]["date"] == "2026-01-20"


def test_a_third_announcement_then_hjemfall_closes_the_case(client, vefsn):
    url = f"/api/v1/lifecycle-cases/{vacant_case(client, vefsn)['id']}/steps"
    third = client.post(url, json=ANNOUNCEMENT, headers=vefsn)
    assert third.status_code == 201, third.text
    assert third.json()["correct_announcements"] == 3
    done = client.post(url, json={"kind": "hjemfall", "date": "2026-10-15"}, headers=vefsn)
    assert done.status_code == 201, done.text
    assert done.json()["status"] == "closed"


def test_a_14_day_announcement_answers_422_with_the_rule(client, vefsn):
    url = f"/api/v1/lifecycle-cases/{vacant_case(client, vefsn)['id']}/steps"
    response = client.post(url, json={**ANNOUNCEMENT, "application_deadline": "2026-09-15"}, headers=vefsn)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["rule_id"] == "AGR-ANNOUNCE" and "minst 21 dager" in detail["message"]


def test_an_unknown_step_kind_answers_422_naming_the_field(client, vefsn):
    url = f"/api/v1/lifecycle-cases/{vacant_case(client, vefsn)['id']}/steps"
    response = client.post(url, json={"kind": "appeal", "date": "2026-09-01"}, headers=vefsn)
    assert response.status_code == 422
    assert any(p["path"].endswith("kind") for p in response.json()["detail"]["problems"])


def test_a_case_is_opened_for_an_agreement_and_the_listetak_above_2500_is_refused(client, vefsn):
    opened = client.post(
        "/api/v1/agreements/182404/lifecycle-cases",
        json={"kind": "list_reduction", "date": "2026-09-01"},
        headers=vefsn,
    )
    assert opened.status_code == 201, opened.text
    step = {
        "kind": "list_reduction_request",
        "date": "2026-09-01",
        "ground": "age",
        "effective_from": "2027-03-01",
        "listetak": 2600,
    }
    response = client.post(f"/api/v1/lifecycle-cases/{opened.json()['id']}/steps", json=step, headers=vefsn)
    assert response.status_code == 422 and response.json()["detail"]["rule_id"] == "AGR-LISTETAK"


def test_the_deadlines_list_each_with_due_date_rule_case_agreement_and_status(client, vefsn):
    response = client.get("/api/v1/municipalities/1824/deadlines?date=2026-11-20", headers=vefsn)
    assert response.status_code == 200
    overview = response.json()
    # The life cycle's own clocks (other features' clocks — the plan's, committees' — have no case number).
    first = next(d for d in overview["deadlines"] if d["case"])
    assert {"due_date", "rule_id", "case", "agreement", "status", "responsible"} <= set(first)
    assert (first["rule_id"], first["status"], first["agreement"]) == ("AGR-HJEMFALL", "overdue", 182415)
    statuses = {(d["rule_id"], d["status"]) for d in overview["deadlines"]}
    assert ("AGR-ANNOUNCE", "due_soon") in statuses and ("AGR-DELELISTE", "running") in statuses


def test_the_deadline_feed_takes_the_token_in_the_url(client, tokens):  # noqa: F811
    response = client.get(f"/api/v1/municipalities/1824/deadlines.ics?token={tokens['vefsn']}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    assert "X-WR-CALNAME:Frister – Vefsn kommune" in response.text and "AGR-HJEMFALL" in response.text
    assert client.get("/api/v1/municipalities/1824/deadlines.ics?token=wrong").status_code == 401


def test_the_announcement_is_a_pdf_with_its_rule(client, vefsn):
    case = client.get(f"/api/v1/lifecycle-cases/{vacant_case(client, vefsn)['id']}", headers=vefsn).json()
    step_id = case["steps"][0]["id"]
    response = client.get(f"/api/v1/lifecycle-cases/{case['id']}/steps/{step_id}/document.pdf", headers=vefsn)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Kunngjøring" in text and "AGR-ANNOUNCE" in text and "Vefsn legesenter" in text


def test_another_municipalitys_case_and_deadlines_answer_404_or_403(client, vefsn, tokens):  # noqa: F811
    case_id = vacant_case(client, vefsn)["id"]
    kragero = bearer(tokens["kragero"])
    assert client.get(f"/api/v1/lifecycle-cases/{case_id}", headers=kragero).status_code in (403, 404)
    assert client.get("/api/v1/municipalities/1824/deadlines", headers=kragero).status_code in (403, 404)


def test_a_doctor_may_not_record_steps(client, vefsn, tokens):  # noqa: F811
    url = f"/api/v1/lifecycle-cases/{vacant_case(client, vefsn)['id']}/steps"
    response = client.post(url, json=ANNOUNCEMENT, headers=bearer(tokens["vefsn_doctor"]))
    assert response.status_code == 403
