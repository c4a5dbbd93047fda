"""The JSON API under /api/v1: scoping, rules with their ids, Norwegian 422s, never a 500."""

import json
import warnings
from datetime import date

from tests.api.conftest import bearer
from tests.support import document


def test_a_vefsn_user_gets_404_on_a_kragero_agreement_through_the_api(client, tokens):
    response = client.get("/api/v1/agreements/401401", headers=bearer(tokens["vefsn"]))
    assert response.status_code == 404
    assert response.json()["detail"]["message"] == "Fant ikke ressursen."
    assert client.get("/api/v1/agreements/401401", headers=bearer(tokens["kragero"])).status_code == 200


def test_another_municipalitys_office_doctor_and_overview_answer_404(client, tokens):
    kragero = bearer(tokens["kragero"])
    office_id = client.get("/api/v1/offices", headers=kragero).json()[0]["id"]
    doctor_id = client.get("/api/v1/doctors", headers=kragero).json()[0]["id"]
    vefsn = bearer(tokens["vefsn"])
    for path in (
        f"/api/v1/offices/{office_id}",
        f"/api/v1/doctors/{doctor_id}",
        "/api/v1/municipalities/4014/overview",
        "/api/v1/municipalities/4014/export",
    ):
        assert client.get(path, headers=vefsn).status_code == 404, path


def test_without_a_token_the_api_answers_401_in_norwegian(client, tokens):
    response = client.get("/api/v1/agreements")
    assert response.status_code == 401 and response.json()["detail"]["message"] == "Du må logge inn."
    assert client.get("/api/v1/agreements", headers=bearer("feil")).status_code == 401
    assert client.get("/api/v1/agreements", headers={"Authorization": "Basic abc"}).status_code == 401


def test_the_agreement_list_is_scoped_and_carries_the_derived_fields(client, tokens):
    rows = client.get(
        "/api/v1/agreements", headers=bearer(tokens["vefsn"]), params={"date": "2026-11-22"}
    ).json()
    assert len(rows) == 15 and {row["municipality_number"] for row in rows} == {"1824"}
    vacant = next(row for row in rows if row["id"] == 182414)
    assert (vacant["has_regular_doctor"], vacant["list_length"], vacant["open_places"]) == (False, 752, 0)


def test_the_overview_endpoint_gives_the_totals(client, tokens):
    body = client.get("/api/v1/municipalities/1824/overview", headers=bearer(tokens["vefsn"])).json()
    assert body["totals"]["average_list_length"] == 923 and body["totals"]["without_regular_doctor"] == 2


def test_creating_an_agreement_above_2500_answers_422_with_the_rule(client, tokens):
    office_id = client.get("/api/v1/offices", headers=bearer(tokens["vefsn"])).json()[0]["id"]
    payload = {
        "office_id": office_id,
        "listetak": 3000,
        "list_status": "open",
        "operating_model": "self_employed",
        "start": "2027-01-01",
    }
    response = client.post("/api/v1/agreements", json=payload, headers=bearer(tokens["vefsn"]))
    assert response.status_code == 422
    [problem] = response.json()["detail"]["problems"]
    assert problem == {
        "path": "listetak",
        "message": "3000 er over maksimum 2500",
        "rule_id": "AGR-LISTETAK",
        "severity": "error",
    }
    payload["listetak"] = 2500
    created = client.post("/api/v1/agreements", json=payload, headers=bearer(tokens["vefsn"]))
    assert created.status_code == 201 and created.json()["municipality_number"] == "1824"


def test_a_doctor_may_read_but_gets_403_on_writes(client, tokens):
    headers = bearer(tokens["vefsn_doctor"])
    assert client.get("/api/v1/agreements/182404", headers=headers).status_code == 200
    response = client.patch("/api/v1/agreements/182404", json={"listetak": 1100}, headers=headers)
    assert response.status_code == 403 and "endre registeret" in response.json()["detail"]["message"]


def test_malformed_input_answers_422_in_norwegian_with_the_path_of_each_field(client, tokens):
    headers = bearer(tokens["vefsn"])
    response = client.post(
        "/api/v1/offices",
        json={"organisation_number": "123", "name": "", "is_group_practice": "kanskje"},
        headers=headers,
    )
    assert response.status_code == 422
    problems = {p["path"]: p["message"] for p in response.json()["detail"]["problems"]}
    assert problems["body.name"] == "kan ikke være tom"
    assert problems["body.is_group_practice"] == "«kanskje» må være true eller false"
    assert problems["body.organisation_number"].startswith("«123» er ikke et gyldig organisasjonsnummer")


def test_broken_json_a_huge_id_and_a_wrong_date_all_answer_422(client, tokens):
    headers = bearer(tokens["vefsn"])
    broken = client.post(
        "/api/v1/offices", content=b'{"name": ', headers={**headers, "content-type": "application/json"}
    )
    assert broken.status_code == 422 and "JSON" in broken.json()["detail"]["problems"][0]["message"]
    assert client.get("/api/v1/agreements/99999999999999", headers=headers).status_code == 422
    assert client.get("/api/v1/agreements/abc", headers=headers).status_code == 422
    assert client.get("/api/v1/agreements", params={"date": "2026-02-30"}, headers=headers).status_code == 422


def test_control_characters_in_text_answer_422_not_500(client, tokens):
    office_id = client.get("/api/v1/offices", headers=bearer(tokens["vefsn"])).json()[0]["id"]
    response = client.patch(
        f"/api/v1/offices/{office_id}", json={"city": "Mosjøen\u0000"}, headers=bearer(tokens["vefsn"])
    )
    assert response.status_code == 422
    assert response.json()["detail"]["problems"][0] == {
        "path": "body.city",
        "message": "inneholder kontrolltegn som ikke er tillatt",
        "rule_id": None,
        "severity": "error",
    }


def test_a_doctor_period_and_a_monthly_count_are_added_through_the_api(client, tokens):
    headers = bearer(tokens["vefsn"])
    doctor = next(
        d for d in client.get("/api/v1/doctors", headers=headers).json() if d["hpr_number"] == "9182416"
    )
    period = client.post(
        "/api/v1/agreements/182415/doctor-periods",
        headers=headers,
        json={"doctor_id": doctor["id"], "role": "regular", "start": "2026-12-01"},
    )
    assert period.status_code == 201 and period.json()["doctor_name"] == "Stian Grubben"
    count = client.put(
        "/api/v1/agreements/182415/list-counts",
        headers=headers,
        json={"month": "2026-12", "list_length": 640},
    )
    assert count.json() == {
        "agreement_id": 182415,
        "month": "2026-12",
        "list_length": 640,
        "waiting_list_count": 0,
        "pbt_annual_amount": None,
    }
    assert (
        client.get("/api/v1/agreements/182415", params={"date": "2026-12-01"}, headers=headers).json()[
            "has_regular_doctor"
        ]
        is True
    )


def test_a_municipality_file_imports_through_the_api_and_reports_every_problem(client, tokens):
    doc = document()
    doc["agreements"][3]["listetak"] = 3000
    doc["agreements"][0]["start"] = "2020-13-01"
    response = client.post(
        "/api/v1/municipality-files",
        content=json.dumps(doc, default=str),
        headers={**bearer(tokens["vefsn"]), "content-type": "application/json"},
    )
    assert response.status_code == 422
    paths = [p["path"] for p in response.json()["detail"]["problems"]]
    assert paths == ["agreements[0].start", "agreements[3].listetak"]


def test_the_export_endpoint_gives_the_municipality_file(client, tokens):
    exported = client.get("/api/v1/municipalities/1824/export", headers=bearer(tokens["vefsn"])).json()
    assert exported["municipality"] == {
        "number": "1824",
        "name": "Vefsn",
        "inhabitants": {"2020": 13400, "2025": 13364},
    }
    assert len(exported["agreements"]) == 15


def test_helfo_csv_posted_as_the_body_updates_the_months_counts(client, tokens):
    body = "Avtale-ID;Antall på liste\n182401;720\n".encode()
    response = client.post(
        "/api/v1/municipalities/1824/helfo-monthly-lists/2026-12",
        content=body,
        headers={**bearer(tokens["vefsn"]), "content-type": "text/csv"},
    )
    assert response.status_code == 200 and response.json()["created"] == {"list_count": 1}


def test_parameters_in_force_are_listed_with_their_sources(client, tokens):
    listed = client.get(
        "/api/v1/parameters", params={"date": str(date(2027, 1, 1))}, headers=bearer(tokens["vefsn"])
    ).json()
    age = next(item for item in listed if item["name"] == "agreements/age_limit")
    assert age["value"] == 72 and "FOR-2026-09-23-1891" in age["source"]


def test_the_audit_log_is_for_administrators_and_scoped(client, tokens):
    client.get("/api/v1/doctors", headers=bearer(tokens["kragero"]))
    assert client.get("/api/v1/audit", headers=bearer(tokens["vefsn"])).status_code == 403
    entries = client.get("/api/v1/audit", headers=bearer(tokens["vefsn_admin"])).json()
    assert entries and {e["municipality"] for e in entries} == {"1824"}
    everything = client.get("/api/v1/audit", headers=bearer(tokens["admin"])).json()
    assert any(e["actor"] == "kragero@test.example" and e["entity"] == "doctor" for e in everything)


def test_openapi_and_healthz_answer_and_every_operation_has_its_own_id(client):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/agreements/{agreement_id}" in spec["paths"]
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


def test_only_the_admin_adds_a_municipality_and_its_staff_update_it(client, tokens):
    payload = {"number": "1825", "name": "Grane", "inhabitants": {"2025": 1500}}
    assert (
        client.post("/api/v1/municipalities", json=payload, headers=bearer(tokens["vefsn"])).status_code
        == 403
    )
    created = client.post("/api/v1/municipalities", json=payload, headers=bearer(tokens["admin"]))
    assert created.status_code == 201 and created.json()["inhabitants"] == {"2025": 1500}
    again = client.post("/api/v1/municipalities", json=payload, headers=bearer(tokens["admin"]))
    assert again.status_code == 409
    updated = client.patch(
        "/api/v1/municipalities/1824", json={"inhabitants": {"2026": 13300}}, headers=bearer(tokens["vefsn"])
    )
    assert updated.json()["inhabitants"] == {"2020": 13400, "2025": 13364, "2026": 13300}
    assert (
        client.patch(
            "/api/v1/municipalities/4014", json={"name": "X"}, headers=bearer(tokens["vefsn"])
        ).status_code
        == 404
    )


def test_a_doctor_period_is_read_by_id_within_the_municipality_only(client, tokens):
    period_id = client.get(
        "/api/v1/agreements/182414/doctor-periods", headers=bearer(tokens["vefsn"])
    ).json()[0]["id"]
    assert (
        client.get(f"/api/v1/doctor-periods/{period_id}", headers=bearer(tokens["vefsn"])).json()["role"]
        == "regular"
    )
    assert (
        client.get(f"/api/v1/doctor-periods/{period_id}", headers=bearer(tokens["kragero"])).status_code
        == 404
    )


def test_a_birth_date_before_1900_or_in_the_future_is_refused_and_1900_is_accepted(client, tokens):
    headers = bearer(tokens["vefsn"])
    doctor = {
        "hpr_number": "9182499",
        "first_name": "Ny",
        "last_name": "Lege",
        "specialist_status": "allmennmedisin",
        "municipality_number": "1824",
    }
    for day, text in (("1899-12-31", "31. desember 1899"), ("2999-01-01", "1. januar 2999")):
        refused = client.post("/api/v1/doctors", json={**doctor, "birth_date": day}, headers=headers)
        assert refused.status_code == 422
        [problem] = refused.json()["detail"]["problems"]
        assert problem["path"] == "body.birth_date"
        assert problem["message"] == f"{text} kan ikke være en fødselsdato (fra 1900 til i dag)"
    accepted = client.post("/api/v1/doctors", json={**doctor, "birth_date": "1900-01-01"}, headers=headers)
    assert accepted.status_code == 201, accepted.text
