"""The swap API (LV-SWAP) with bearer tokens: a GP proposes a handover that breaks LV-REST and gets 422 with
the rule id and citation; a handover that keeps every rule is accepted, approved by the kommuneoverlege and
answered with the new version; a GP may not approve (403); another municipality's swap answers 404."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from legetjeneste.auth import service as auth_service
from legetjeneste.main import create_app
from tests.legevakt.swaps.fixtures import A, C, doctor_id, published_roster, shift


def token(open_session, email: str, role: str, municipality: str, doctor: str | None = None) -> dict:
    _, made = auth_service.add_user(
        open_session(),
        email=email,
        role=role,
        municipality_number=municipality,
        with_token=True,
        doctor=doctor,
    )
    return {"Authorization": f"Bearer {made}"}


@pytest.fixture
def api(engine, open_session):
    _, roster_id = published_roster(open_session)
    with TestClient(
        create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False
    ) as client:
        yield client, roster_id


def test_a_handover_is_refused_with_the_rule_or_accepted_and_approved_into_a_new_version(api, open_session):
    client, roster_id = api
    jonas = token(open_session, "jonas@test.example", "doctor", "1824", A)
    other = token(open_session, "other@test.example", "doctor", "1824", C)
    kol = token(open_session, "kol@test.example", "kommuneoverlege", "1824")
    kragero = token(open_session, "kol@kragero.test", "kommuneoverlege", "4014")
    friday, monday = (
        shift(open_session(), roster_id, date(2027, 3, 5)),
        shift(open_session(), roster_id, date(2027, 3, 1)),
    )
    colleague = doctor_id(open_session(), C)

    refused = client.post(
        "/api/v1/swaps",
        headers=jonas,
        json={"kind": "handover", "shift_id": friday, "colleague_id": doctor_id(open_session(), "9182401")},
    )
    assert refused.status_code == 422
    detail = refused.json()["detail"]
    assert (detail["rule_id"], detail["citation"]) == ("LV-REST", "SFS 2305 § 7.4")

    made = client.post(
        "/api/v1/swaps",
        headers=jonas,
        json={"kind": "handover", "shift_id": monday, "colleague_id": colleague},
    )
    assert made.status_code == 201, made.text
    swap_id = made.json()["id"]
    assert client.post(f"/api/v1/swaps/{swap_id}/accept", headers=other).json()["status"] == "accepted"
    assert client.post(f"/api/v1/swaps/{swap_id}/approve", headers=jonas).status_code == 403
    assert client.get(f"/api/v1/swaps/{swap_id}", headers=kragero).status_code == 404
    approved = client.post(f"/api/v1/swaps/{swap_id}/approve", headers=kol)
    assert approved.status_code == 200 and approved.json()["new_roster_id"] is not None
    again = client.post(f"/api/v1/swaps/{swap_id}/approve", headers=kol)
    assert again.status_code == 409
