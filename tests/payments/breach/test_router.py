"""The JSON API of breach cases (AGR-BREACH, ASA 4310 § 15): open, record steps, read, list, scoping."""

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legetjeneste.main import create_app
from tests.api.conftest import bearer, tokens  # noqa: F401  (fixture)

NOTICE = {
    "subject": "Åpningstid under 28 timer i uken",
    "notice_date": "2026-01-05",
    "deadline": "2026-01-26",
    "text": "Kontoret har vært stengt onsdager.\nDet strider mot ASA 4310 § 13.1.",
}
DECISION = {
    "kind": "decision",
    "date": "2026-02-16",
    "percentage": "20",
    "breach_type": "Redusert åpningstid",
    "extent": "En dag i uken",
    "severity": "Fortsatt etter advarsel",
}


@pytest.fixture
def client(engine):
    app = create_app(engine=engine, secret_key="test-secret")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def vefsn(tokens):  # noqa: F811
    return bearer(tokens["vefsn"])


def opened(client, headers) -> dict:
    response = client.post("/api/v1/agreements/182404/breach-cases", json=NOTICE, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_case_is_opened_warned_and_decided_through_the_api(client, vefsn):
    case = opened(client, vefsn)
    assert (case["status"], case["rule_id"], case["citation"]) == ("notified", "AGR-BREACH", "ASA 4310 § 15")
    assert case["steps"][0]["date"] == "2026-01-05" and case["steps"][0]["deadline"] == "2026-01-26"
    url = f"/api/v1/breach-cases/{case['id']}/steps"
    warning = {"kind": "warning", "date": "2026-02-02", "text": "Basistilskuddet holdes tilbake."}
    assert client.post(url, json=warning, headers=vefsn).status_code == 201
    decided = client.post(url, json=DECISION, headers=vefsn).json()
    assert (decided["status"], decided["percentage"]) == ("withholding", "20.00")
    assert [n["kind"] for n in decided["next_steps"]] == ["rectification"]
    read = client.get(f"/api/v1/breach-cases/{case['id']}", headers=vefsn).json()
    assert [s["kind"] for s in read["steps"]] == ["notice", "warning", "decision"]
    listed = client.get("/api/v1/municipalities/1824/breach-cases", headers=vefsn).json()
    assert [(c["id"], c["status_label"]) for c in listed] == [(case["id"], "basistilskudd holdes tilbake")]
    assert len(client.get("/api/v1/agreements/182404/breach-cases", headers=vefsn).json()) == 1


def test_a_refused_step_answers_422_with_the_rule_and_a_norwegian_message(client, vefsn):
    case = opened(client, vefsn)
    url = f"/api/v1/breach-cases/{case['id']}/steps"
    response = client.post(url, json={**DECISION, "percentage": "25"}, headers=vefsn)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["rule_id"] == "AGR-BREACH" and "skriftlig advarsel" in detail["message"]


def test_an_unknown_step_or_a_missing_date_answers_422_per_field(client, vefsn):
    case = opened(client, vefsn)
    url = f"/api/v1/breach-cases/{case['id']}/steps"
    assert client.post(url, json={"kind": "appeal", "date": "2026-02-02"}, headers=vefsn).status_code == 422
    response = client.post(url, json={"kind": "comment", "text": "x"}, headers=vefsn)
    assert response.status_code == 422
    assert any(p["path"].endswith("date") for p in response.json()["detail"]["problems"])


def test_another_municipality_gets_404_and_a_doctor_403(client, vefsn, tokens):  # noqa: F811
    case = opened(client, vefsn)
    kragero, doctor = bearer(tokens["kragero"]), bearer(tokens["vefsn_doctor"])
    assert client.get(f"/api/v1/breach-cases/{case['id']}", headers=kragero).status_code == 404
    assert client.get("/api/v1/municipalities/1824/breach-cases", headers=kragero).status_code == 404
    assert (
        client.post("/api/v1/agreements/182404/breach-cases", json=NOTICE, headers=kragero).status_code == 404
    )
    assert client.get(f"/api/v1/breach-cases/{case['id']}", headers=doctor).status_code == 403
    assert (
        client.post("/api/v1/agreements/182404/breach-cases", json=NOTICE, headers=doctor).status_code == 403
    )


def test_the_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/agreements/{agreement_id}/breach-cases",
        "/api/v1/municipalities/{number}/breach-cases",
        "/api/v1/breach-cases/{case_id}",
        "/api/v1/breach-cases/{case_id}/steps",
    ):
        assert path in paths


STEP_FIELDS = [
    "kind",
    "date",
    "text",
    "deadline",
    "demanded_by",
    "percentage",
    "breach_type",
    "extent",
    "severity",
]
scalars = (
    st.none()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(
        ["decision", "warning", "rectification", "comment", "meeting", "doctor", "2026-02-30", "9999-12-31"]
    )
    | st.sampled_from(["2026-01-27", "2026-02-16", "0001-01-01", "20", "20.01", "NaN", "-1", "\u0000"])
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(st.sampled_from(STEP_FIELDS + list(NOTICE)), scalars, max_size=9))
def test_any_body_to_the_breach_endpoints_answers_without_a_server_error(client, tokens, body):  # noqa: F811
    headers = bearer(tokens["admin"])
    client.post("/api/v1/agreements/182404/breach-cases", json=NOTICE, headers=headers)
    for path in ("/api/v1/agreements/182404/breach-cases", "/api/v1/breach-cases/1/steps"):
        response = client.post(path, content=json.dumps(body, allow_nan=True), headers=headers)
        assert response.status_code < 500, response.text
        if response.status_code >= 400:
            assert response.json()["detail"]["message"]
