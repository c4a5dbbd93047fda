"""The payments API under /api/v1: runs, approval, the accounting CSV, PDF specifications, hours."""

import io
import json
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from legetjeneste.main import create_app
from tests.api.conftest import bearer, tokens  # noqa: F401 (fixture)
from tests.payments.four_eyes import one_person_may_approve

RUNS = "/api/v1/municipalities/1824/payment-runs"
MARCH = RUNS + "/2026-03"


@pytest.fixture
def client(engine):
    app = create_app(engine=engine, secret_key="test-secret")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def kol(client, tokens, open_session):  # noqa: F811
    """Vefsn's kommuneoverlege on the API; Vefsn lets one person compute and approve (PAY-FOUR-EYES off;
    tests/payments/settings covers four eyes)."""
    client.headers.update(bearer(tokens["vefsn"]))
    one_person_may_approve(open_session())
    return client


def doctor_id(client, hpr: str) -> int:
    return next(d["id"] for d in client.get("/api/v1/doctors").json() if d["hpr_number"] == hpr)


def register_sickness(client) -> None:
    sickness = {
        "doctor_id": doctor_id(client, "9182404"),
        "ground": "own_sickness",
        "start": "2026-03-01",
        "end": "2026-03-20",
        "cover": "none",
    }
    assert client.post("/api/v1/absences", json=sickness).status_code == 201


def test_computing_a_month_gives_a_draft_with_every_line_and_the_payees_totals(kol):
    register_sickness(kol)
    answer = kol.post(MARCH + "/compute")
    assert answer.status_code == 200
    run = answer.json()
    assert (run["status"], run["due_date"], run["month"]) == ("draft", "2026-03-12", "2026-03")
    [deduction] = [line for line in run["lines"] if line["kind"] == "deduction"]
    assert deduction["rule_id"] == "ABS-SICK" and "ASA 4310 § 13.4" in deduction["text"]
    assert kol.get(MARCH).json()["lines"] == run["lines"]
    eirik = next(p for p in run["payees"] if p["payee_hpr"] == "9182404")
    assert eirik["account_number"] == "99991824045"
    assert kol.get(RUNS).json() == [
        {"month": "2026-03", "status": "draft", "due_date": "2026-03-12", "total": run["total"], "lines": 16}
    ]


def test_an_approved_run_is_exported_and_cannot_be_computed_again(kol):
    kol.post(MARCH + "/compute")
    assert kol.get(MARCH + "/accounting.csv").json()["detail"]["rule_id"] == "PAY-MONTHLY"
    approved = kol.post(MARCH + "/approve")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert kol.post(MARCH + "/compute").status_code == 409
    answer = kol.get(MARCH + "/accounting.csv")
    assert answer.status_code == 200 and answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == 'attachment; filename="basistilskudd-1824-2026-03.csv"'
    assert answer.content.startswith("\ufeffMottaker;HPR-nummer;Avtale;Kontonummer;Beløp;".encode())
    assert "X-Missing-Account-Hpr" not in answer.headers


def test_approving_twice_or_a_version_computed_again_since_answers_409_with_the_documented_body(kol, client):
    """PAY-MONTHLY: the refusal is the error body the OpenAPI document shows for 409."""
    seen = kol.post(MARCH + "/compute").json()["version"]
    assert kol.post(MARCH + "/compute").json()["version"] == seen + 1
    stale = kol.post(MARCH + "/approve", json={"version": seen})
    assert stale.status_code == 409 and "beregnet på nytt" in stale.json()["detail"]["message"]
    assert kol.post(MARCH + "/approve", json={"version": seen + 1}).status_code == 200
    again = kol.post(MARCH + "/approve")
    assert again.status_code == 409
    body = again.json()
    assert set(body) == {"detail"} and set(body["detail"]) == {"message", "rule_id", "citation"}
    assert (body["detail"]["rule_id"], body["detail"]["citation"]) == ("PAY-MONTHLY", "ASA 4310 § 8.1")
    assert body["detail"]["message"].startswith("Kjøringen for mars 2026 er allerede godkjent av ")
    document = client.get("/api/v1/openapi.json").json()
    documented = document["paths"]["/api/v1/municipalities/{number}/payment-runs/{month}/approve"]["post"]
    schema = documented["responses"]["409"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ErrorRead"}
    schemas = document["components"]["schemas"]
    assert set(schemas["ErrorRead"]["properties"]) == set(body)
    assert set(body["detail"]) <= set(schemas["ErrorDetail"]["properties"])
    assert kol.post(MARCH + "/approve", json={"version": 0}).status_code == 422
    assert kol.post(MARCH + "/approve", json={"version": 2, "extra": 1}).status_code == 422


def test_a_draft_export_is_refused_with_422_and_the_rule(kol):
    kol.post(MARCH + "/compute")
    answer = kol.get(MARCH + "/accounting.csv")
    assert answer.status_code == 422 and "må godkjennes" in answer.json()["detail"]["message"]


def test_hours_of_municipal_work_are_registered_listed_paid_and_deleted(kol):
    grubben = doctor_id(kol, "9182416")
    hours = {"doctor_id": grubben, "month": "2026-03", "hours": "10", "description": "Sykehjem"}
    saved = kol.put("/api/v1/duty-hours", json=hours)
    assert saved.status_code == 200 and saved.json()["doctor_name"] == "Stian Grubben"
    again = kol.post("/api/v1/duty-hours", json={**hours, "hours": "12.5"})
    assert again.json()["id"] == saved.json()["id"] and Decimal(again.json()["hours"]) == Decimal("12.5")
    listed = kol.get("/api/v1/municipalities/1824/duty-hours", params={"month": "2026-03"}).json()
    assert [(h["doctor_id"], Decimal(h["hours"])) for h in listed] == [(grubben, Decimal("12.5"))]
    kol.post(MARCH + "/compute")
    kol.post(MARCH + "/approve")
    assert kol.get(MARCH + "/accounting.csv").headers["X-Missing-Account-Hpr"] == "9182416"
    assert kol.delete(f"/api/v1/duty-hours/{saved.json()['id']}").status_code == 204
    assert kol.get("/api/v1/municipalities/1824/duty-hours", params={"month": "2026-03"}).json() == []


def test_a_payees_specification_is_a_pdf_with_its_lines(kol):
    register_sickness(kol)
    kol.post(MARCH + "/compute")
    answer = kol.get(MARCH + f"/specifications/{doctor_id(kol, '9182404')}.pdf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(answer.content)).pages[0].extract_text()
    assert "Utkast – ikke godkjent" in text and "ABS-SICK" in text and "Eirik Sandnesmo" in text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", RUNS + "/2026-13/compute"),
        ("post", RUNS + "/26-03/compute"),
        ("post", RUNS + "/2026-3/approve"),
        ("get", RUNS + "/mars"),
        ("get", RUNS + "/2026-03-01/accounting.csv"),
        ("get", "/api/v1/municipalities/18a4/payment-runs"),
        ("get", MARCH + "/specifications/0.pdf"),
        ("get", MARCH + "/specifications/99999999999.pdf"),
        ("get", MARCH + "/specifications/abc.pdf"),
        ("get", "/api/v1/municipalities/1824/duty-hours?month=2026-3"),
        ("get", "/api/v1/municipalities/1824/duty-hours"),
        ("delete", "/api/v1/duty-hours/0"),
        ("delete", "/api/v1/duty-hours/99999999999"),
    ],
)
def test_malformed_months_and_ids_answer_422_never_500(kol, method, path):
    answer = getattr(kol, method)(path)
    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize(
    "hours",
    [
        {"doctor_id": 1, "month": "2026-13", "hours": "1"},
        {"doctor_id": 1, "month": "2026-03", "hours": "0"},
        {"doctor_id": 1, "month": "2026-03", "hours": "1.234"},
        {"doctor_id": 0, "month": "2026-03", "hours": "1"},
        {"doctor_id": 1, "month": "2026-03", "hours": "1", "kind": "legevakt"},
    ],
)
def test_malformed_hours_answer_422(kol, hours):
    assert kol.put("/api/v1/duty-hours", json=hours).status_code == 422


def test_an_unknown_month_answers_404_and_a_month_before_the_rates_answers_422(kol):
    assert kol.get(RUNS + "/2026-05").status_code == 404
    assert kol.post(RUNS + "/1990-01/compute").status_code == 422


def test_another_municipality_answers_404_and_a_doctor_403(client, tokens):  # noqa: F811
    client.post(MARCH + "/compute", headers=bearer(tokens["vefsn"]))
    kragero = bearer(tokens["kragero"])
    assert client.get(MARCH, headers=kragero).status_code == 404
    assert client.post(MARCH + "/approve", headers=kragero).status_code == 404
    assert client.get(MARCH + "/accounting.csv", headers=kragero).status_code == 404
    assert client.get(MARCH, headers=bearer(tokens["vefsn_doctor"])).status_code == 403


FIELDS = ["doctor_id", "month", "kind", "hours", "description"]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["2026-02", "2026-13", "NaN", "Infinity", "1e9", "7,5", "9" * 40, "\u0000"])
)
bodies = st.dictionaries(st.sampled_from(FIELDS), scalars, max_size=5) | st.lists(scalars, max_size=2)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies)
def test_any_json_body_to_the_hours_endpoint_answers_without_a_server_error(kol, body):
    answer = kol.put(
        "/api/v1/duty-hours",
        content=json.dumps(body, allow_nan=True),
        headers={"content-type": "application/json"},
    )
    assert answer.status_code < 500, answer.text


def test_the_openapi_document_describes_the_payments_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/municipalities/{number}/payment-runs/{month}/accounting.csv" in paths
    assert set(paths["/api/v1/duty-hours"]) == {"put", "post"}
