"""The exemption API under /api/v1: applications, decisions with rule ids, impact; another municipality's
resources answer 404 and bad input 422 with the field."""

from tests.api.conftest import bearer


def scheme_id(client, token: str, number: str) -> int:
    return client.get(f"/api/v1/municipalities/{number}/schemes", headers=bearer(token)).json()[0]["id"]


def test_an_application_and_its_decision_through_the_api(client, tokens):
    scheme = scheme_id(client, tokens["vefsn"], "1824")
    applied = client.post(
        f"/api/v1/schemes/{scheme}/exemptions",
        # on the GP's behalf: a GP's own token may apply only for the GP's own doctor row
        headers=bearer(tokens["vefsn"]),
        json={
            "doctor": "9182402",
            "ground": "health",
            "extent": "no_nights",
            "start": "2027-01-01",
            "end": "2027-07-01",
        },
    )
    assert applied.status_code == 201 and applied.json()["status"] == "pending"
    exemption = applied.json()["id"]
    decision = {
        "decision": "granted",
        "reasons": "Dokumentert.",
        "weighing": "Beredskapen er god nok.",
    }
    refused = client.post(
        f"/api/v1/exemptions/{exemption}/decision", headers=bearer(tokens["vefsn"]), json=decision
    )
    detail = refused.json()["detail"]
    assert refused.status_code == 422
    assert detail["rule_id"] == "LV-EXEMPT-DISCRETION" and "30. juni 2027" in detail["message"]
    decision["granted_end"] = "2027-06-30"
    granted = client.post(
        f"/api/v1/exemptions/{exemption}/decision", headers=bearer(tokens["vefsn"]), json=decision
    )
    assert granted.status_code == 200 and granted.json()["granted_end"] == "2027-06-30"
    forbidden = client.post(
        f"/api/v1/exemptions/{exemption}/decision", headers=bearer(tokens["vefsn_doctor"]), json=decision
    )
    assert forbidden.status_code == 403


def test_bad_input_answers_422_naming_the_field(client, tokens):
    scheme = scheme_id(client, tokens["vefsn"], "1824")
    answer = client.post(
        f"/api/v1/schemes/{scheme}/exemptions",
        headers=bearer(tokens["vefsn"]),
        json={"doctor": "9182402", "ground": "age", "start": "2027-02-30"},
    )
    assert answer.status_code == 422
    assert "ground" in answer.text and "start" in answer.text


def test_the_impact_endpoint_gives_seven_to_three_at_gkl(client, tokens):
    found = client.get(
        "/api/v1/municipalities/4014/exemption-impact", headers=bearer(tokens["kragero"])
    ).json()
    gkl = next(g for g in found["schemes"][0]["groups"] if g["office_name"] == "GKL legekontor")
    assert (gkl["months"][0]["before"]["participants"], gkl["months"][0]["after"]["participants"]) == (7, 3)
    other = client.get("/api/v1/municipalities/4014/exemption-impact", headers=bearer(tokens["vefsn"]))
    assert other.status_code == 404
