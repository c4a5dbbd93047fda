"""The OpenAPI document names every status an operation answers, with the error body actually sent."""

import jsonschema
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from legetjeneste.main import create_app
from legetjeneste.web.limits import MAX_BODY_BYTES
from tests.api.conftest import bearer, tokens  # noqa: F401  (fixture)

WRITES = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def spec() -> dict:
    return create_app(engine=create_engine("sqlite://"), secret_key="test-secret").openapi()


def operations(spec: dict):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if path.startswith("/api/v1/"):
                yield path, method, operation


def valid(spec: dict, body: dict, status: int) -> bool:
    name = "InvalidRead" if status == 422 else "ErrorRead"
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    jsonschema.validate(body, schema)
    return True


# Public operations: «Finn fastlege» and the alerts anyone may ask for (issue 17), no login.
PUBLIC = {"/api/v1/finn-fastlege", "/api/v1/alerts", "/api/v1/alerts/confirm", "/api/v1/alerts/unsubscribe"}


def test_every_api_operation_documents_401_and_403_with_the_error_body_and_the_bearer_challenge(spec):
    for path, method, operation in operations(spec):
        if path in PUBLIC:
            assert "401" not in operation["responses"], (method, path)
            continue
        responses = operation["responses"]
        assert {"401", "403"} <= responses.keys(), (method, path)
        assert responses["401"]["headers"]["WWW-Authenticate"]["required"] is True
        assert responses["403"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorRead"
        }


def test_statuses_follow_from_what_an_operation_takes_and_whether_it_writes(spec):
    for path, method, operation in operations(spec):
        responses = operation["responses"].keys()
        parameters = operation.get("parameters", [])
        body = "requestBody" in operation
        assert ("409" in responses) == (method in WRITES), (method, path)
        assert ("413" in responses) == body, (method, path)
        assert ("422" in responses) == bool(parameters or body), (method, path)
        if "{" in path:
            assert "404" in responses, (method, path)
    assert "404" in spec["paths"]["/api/v1/offices"]["get"]["responses"]  # ?municipality=
    assert "404" in spec["paths"]["/api/v1/absences"]["post"]["responses"]  # "doctor_id" in the body
    assert "404" not in spec["paths"]["/api/v1/municipalities"]["post"]["responses"]
    assert spec["paths"]["/api/v1/municipalities"]["get"]["responses"].keys() == {"200", "401", "403"}


def test_the_422_is_documented_as_our_problems_not_fastapis_list(spec):
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for _path, _method, operation in operations(spec):
        if "422" in operation["responses"]:
            schema = operation["responses"]["422"]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/InvalidRead"}


def test_the_error_bodies_sent_are_the_documented_ones(spec, engine, tokens):  # noqa: F811
    with TestClient(create_app(engine=engine, secret_key="test-secret")) as client:
        headers = bearer(tokens["vefsn"])
        missing = client.get("/api/v1/offices")
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        forbidden = client.get("/api/v1/audit", headers=headers)
        unknown = client.get("/api/v1/offices/999999", headers=headers)
        invalid = client.get("/api/v1/agreements", params={"date": "2026-02-30"}, headers=headers)
        not_utf8 = b'{"name": "\xff"}'
        refused = client.post(
            "/api/v1/offices", content=not_utf8, headers={**headers, "content-type": "application/json"}
        )
        huge = client.post("/api/v1/offices", headers={**headers, "content-length": str(MAX_BODY_BYTES + 1)})
        for response, status in (
            (missing, 401),
            (forbidden, 403),
            (unknown, 404),
            (invalid, 422),
            (refused, 422),
            (huge, 413),
        ):
            assert response.status_code == status, response.text
            assert valid(spec, response.json(), status)
        assert refused.json()["detail"]["problems"][0]["path"] == "body"
