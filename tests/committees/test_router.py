"""The committees' JSON API: an SU composed against the rules answers 422 with the rule id, a statement goes
back to its origin, another municipality's committee answers 404, a GP may not raise cases."""

import pytest
from fastapi.testclient import TestClient

from legetjeneste.main import create_app
from tests.api.conftest import bearer, tokens  # noqa: F401  (fixture)

# The edges run on SQLite only; tests/committees/test_service.py covers both databases.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)

MEMBERS = [
    {"name": "A", "side": "gps", "start": "2026-01-01"},
    {"name": "B", "side": "gps", "start": "2026-01-01"},
    {"name": "C", "side": "municipality", "start": "2026-01-01"},
    {"name": "D", "side": "gps", "role": "deputy", "start": "2026-01-01"},
    {"name": "E", "side": "gps", "role": "deputy", "start": "2026-01-01"},
    {"name": "F", "side": "municipality", "role": "deputy", "start": "2026-01-01"},
]


@pytest.fixture
def client(engine):
    app = create_app(engine=engine, secret_key="test-secret")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_the_api_refuses_an_su_with_one_municipality_member_and_scopes_committees(client, tokens):  # noqa: F811
    vefsn, kragero = bearer(tokens["vefsn"]), bearer(tokens["kragero"])
    su = {"kind": "su", "name": "SU 2026", "constituted_on": "2026-01-01", "members": MEMBERS}
    refused = client.post("/api/v1/municipalities/1824/committees", json=su, headers=vefsn)
    assert refused.status_code == 422 and refused.json()["detail"]["rule_id"] == "SU-COMPOSITION"
    committees = client.get("/api/v1/municipalities/1824/committees", headers=vefsn).json()
    assert [c["name"] for c in committees] == ["Samarbeidsutvalget i Vefsn", "Allmennlegeutvalget i Vefsn"]
    assert client.get(f"/api/v1/committees/{committees[0]['id']}", headers=kragero).status_code == 404
    case = {"committee": committees[0]["id"], "title": "Legevakt i påsken", "link": "/legevakt"}
    assert (
        client.post("/api/v1/committee-cases", json=case, headers=bearer(tokens["vefsn_doctor"])).status_code
        == 403
    )
    raised = client.post("/api/v1/committee-cases", json=case, headers=vefsn)
    assert raised.status_code == 201 and raised.json()["origin_label"] == "Sak fra kommuneoverlegen"
    statement = {"given_on": "2026-12-10", "votes_for": 3, "votes_against": 1, "majority_text": "Støttes."}
    refused = client.put(
        f"/api/v1/committee-cases/{raised.json()['id']}/statement", json=statement, headers=vefsn
    )
    assert refused.status_code == 422 and refused.json()["detail"]["rule_id"] == "SU-CASES"
