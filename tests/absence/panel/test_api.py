"""The GP panel through the JSON API and the `legetjeneste panel` command."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.schemas import DigitalServicesUpdate
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from tests.api.conftest import app, bearer, client, tokens  # noqa: F401  (fixtures)
from tests.support import VEFSN_FILE
from tests.test_cli import cli  # noqa: F401  (fixture)

MOSJOEN_ORGNR = "991001018"
GP_AGREEMENT = 182404
VACATION = {"start": "2026-07-06", "end": "2026-07-26"}


@pytest.fixture
def mosjoen(open_session, tokens):  # noqa: F811
    """A bearer token of Mosjøen legesenter's office administrator."""
    _, token = auth_service.add_user(
        open_session(),
        email="kontor@mosjoen.example",
        role="office_admin",
        municipality_number="1824",
        office=MOSJOEN_ORGNR,
        with_token=True,
    )
    return token


def doctor_id(client, token: str, hpr: str) -> int:  # noqa: F811
    doctors = client.get("/api/v1/doctors", headers=bearer(token)).json()
    return next(d["id"] for d in doctors if d["hpr_number"] == hpr)


def office_id(client, token: str, orgnr: str = MOSJOEN_ORGNR) -> int:  # noqa: F811
    offices = client.get("/api/v1/offices", headers=bearer(token)).json()
    return next(o["id"] for o in offices if o["organisation_number"] == orgnr)


def test_the_issues_scenario_through_the_api(client, tokens, mosjoen):  # noqa: F811
    auth = bearer(mosjoen)
    absence = {"doctor_id": doctor_id(client, mosjoen, "9182404"), "ground": "ordinary", "cover": "collegial"}
    assert client.post("/api/v1/absences", json={**absence, **VACATION}, headers=auth).status_code == 201
    helper = {
        "colleague_doctor_id": doctor_id(client, mosjoen, "9182407"),
        "services": ["booking", "prescription_renewal", "e_contact"],
        **VACATION,
    }
    added = client.post(f"/api/v1/agreements/{GP_AGREEMENT}/absence-assistant", json=helper, headers=auth)
    assert added.status_code == 201 and added.json()["services_label"] == (
        "timebestilling, reseptfornyelse og e-kontakt"
    )
    switched = client.put(
        f"/api/v1/agreements/{GP_AGREEMENT}/digital-services", json={"e_consultation": False}, headers=auth
    )
    assert switched.json()["warnings"][0]["rule_id"] == "HN-KEEP-ON"
    notice = {"text": "Redusert bemanning i juli.", "start": "2026-07-01", "end": "2026-07-31"}
    office = office_id(client, mosjoen)
    assert client.post(f"/api/v1/offices/{office}/notices", json=notice, headers=auth).status_code == 201

    panel = client.get(
        f"/api/v1/agreements/{GP_AGREEMENT}/panel", params={"date": "2026-07-15"}, headers=auth
    )
    body = panel.json()
    assert "Redusert bemanning i juli." in body["notices"]
    lines = {line["service"]: line for line in body["services"]}
    assert lines["booking"]["answered_by_name"] == "Anders Øyfjell" and "e_consultation" not in lines
    back = client.get(f"/api/v1/agreements/{GP_AGREEMENT}/panel", params={"date": "2026-07-27"}, headers=auth)
    assert {line["answered_by"] for line in back.json()["services"]} == {"gp"}
    warnings = client.get(
        f"/api/v1/offices/{office}/panel-warnings",
        params={"from": "2026-06-01", "to": "2027-05-31"},
        headers=auth,
    ).json()
    assert [w["rule_id"] for w in warnings if w["agreement_id"] == GP_AGREEMENT] == ["HN-KEEP-ON"]


def test_another_municipality_gets_404_and_another_office_403(client, tokens, mosjoen):  # noqa: F811
    kragero = bearer(tokens["kragero"])
    assert client.get(f"/api/v1/agreements/{GP_AGREEMENT}/panel", headers=kragero).status_code == 404
    put = client.put(
        f"/api/v1/agreements/{GP_AGREEMENT}/digital-services", json={"booking": False}, headers=kragero
    )
    assert put.status_code == 404
    vefsn_legesenter_agreement = 182401
    refused = client.put(
        f"/api/v1/agreements/{vefsn_legesenter_agreement}/digital-services",
        json={"booking": False},
        headers=bearer(mosjoen),
    )
    assert refused.status_code == 403
    assert (
        refused.json()["detail"]["message"] == "Du kan bare endre fastlegepanelet for ditt eget legekontor."
    )


def test_invalid_settings_answer_422_with_norwegian_problems_per_field(client, tokens):  # noqa: F811
    auth = bearer(tokens["vefsn"])
    url = f"/api/v1/agreements/{GP_AGREEMENT}/absence-assistant"
    colleague = doctor_id(client, tokens["vefsn"], "9182407")
    empty = client.post(
        url, json={"colleague_doctor_id": colleague, "services": [], **VACATION}, headers=auth
    )
    assert empty.status_code == 422
    assert empty.json()["detail"]["problems"][0] == {
        "path": "body.services",
        "message": "velg minst én tjeneste",
        "rule_id": None,
        "severity": "error",
    }
    backwards = {
        "colleague_doctor_id": colleague,
        "services": ["booking"],
        "start": "2026-07-26",
        "end": "2026-07-06",
    }
    assert client.post(url, json=backwards, headers=auth).json()["detail"]["problems"][0]["path"] == "end"
    unknown = client.put(
        f"/api/v1/agreements/{GP_AGREEMENT}/digital-services", json={"video": True}, headers=auth
    )
    assert unknown.status_code == 422


def test_assistants_and_notices_are_listed_changed_and_deleted(client, tokens):  # noqa: F811
    auth = bearer(tokens["vefsn"])
    helper = {"colleague_doctor_id": doctor_id(client, tokens["vefsn"], "9182407"), "services": ["e_contact"]}
    added = client.post(
        f"/api/v1/agreements/{GP_AGREEMENT}/absence-assistant", json={**helper, **VACATION}, headers=auth
    ).json()
    assert client.delete(f"/api/v1/absence-assistant/{added['id']}", headers=auth).status_code == 204
    assert client.get(f"/api/v1/agreements/{GP_AGREEMENT}/absence-assistant", headers=auth).json() == []
    office = office_id(client, tokens["vefsn"])
    notice = client.post(f"/api/v1/offices/{office}/notices", json={"text": "Hei"}, headers=auth).json()
    changed = client.patch(f"/api/v1/office-notices/{notice['id']}", json={"text": "Hei igjen"}, headers=auth)
    assert changed.json()["text"] == "Hei igjen"
    assert client.delete(f"/api/v1/office-notices/{notice['id']}", headers=auth).status_code == 204
    assert client.delete(f"/api/v1/office-notices/{notice['id']}", headers=auth).status_code == 404


def test_the_api_documents_the_panel_endpoints(client):  # noqa: F811
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/agreements/{agreement_id}/panel",
        "/api/v1/agreements/{agreement_id}/digital-services",
        "/api/v1/agreements/{agreement_id}/absence-assistant",
        "/api/v1/offices/{office_id}/notices",
        "/api/v1/offices/{office_id}/panel-warnings",
    } <= set(paths)


WRITES = [
    ("put", f"/api/v1/agreements/{GP_AGREEMENT}/digital-services"),
    ("post", f"/api/v1/agreements/{GP_AGREEMENT}/absence-assistant"),
    ("post", "/api/v1/offices/2/notices"),
    ("patch", "/api/v1/office-notices/1"),
]
FIELDS = ["booking", "e_contact", "colleague_doctor_id", "services", "start", "end", "text"]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.text(max_size=30)
    | st.sampled_from(["2026-02-30", "0001-01-01", "9999-12-31", "\u0000", "booking", "x" * 1001])
)
values = scalars | st.lists(scalars, max_size=3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(WRITES), body=st.dictionaries(st.sampled_from(FIELDS), values, max_size=5))
def test_any_body_to_a_panel_write_answers_without_a_server_error(client, tokens, endpoint, body):  # noqa: F811
    method, path = endpoint
    response = client.request(method, path, json=body, headers=bearer(tokens["admin"]))
    assert response.status_code < 500, response.text


def test_the_panel_command_prints_one_json_document_and_readable_text(cli, open_session):  # noqa: F811
    cli("import", str(VEFSN_FILE))
    code, out, _ = cli("panel", str(GP_AGREEMENT), "--date", "2026-07-15", "--json")
    assert code == 0 and json.loads(out)["heading"] == "Fastlegen din er Eirik Sandnesmo"
    off = DigitalServicesUpdate(e_consultation=False, e_contact=False)
    panel_service.update_digital_services(open_session(), actor=SYSTEM, agreement_id=GP_AGREEMENT, data=off)
    code, out, _ = cli("panel", str(GP_AGREEMENT), "--date", "2026-07-15")
    assert "  [Bestill time]" in out and "  Timebestilling: Bestill time hos fastlegen din. (HN-PANEL)" in out
    assert "  Slått av: e-konsultasjon og e-kontakt (HN-KEEP-ON" in out
    code, out, _ = cli("panel", "182413", "--date", "2026-07-15")
    assert code == 0 and "Din fastlege tilbyr ikke timebestilling og dialog på Helsenorge" in out
    assert "Se alle helsekontaktene dine >" in out


def test_the_panel_command_refuses_a_bad_date_and_an_unknown_agreement_in_norwegian(cli):  # noqa: F811
    code, out, err = cli("panel", str(GP_AGREEMENT), "--date", "15.07.2026")
    assert (code, out) == (1, "") and "ikke en dato på formen ÅÅÅÅ-MM-DD" in err
    code, _, err = cli("panel", "999999", "--json")
    assert code == 1 and "Fastlegeavtale 999999 finnes ikke." in err
