"""Malformed input of any kind answers 4xx with a Norwegian message, never a 500."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import bearer

WRITES = [
    ("post", "/api/v1/municipalities"),
    ("patch", "/api/v1/municipalities/1824"),
    ("patch", "/api/v1/doctor-periods/1"),
    ("post", "/api/v1/offices"),
    ("patch", "/api/v1/offices/1"),
    ("post", "/api/v1/doctors"),
    ("patch", "/api/v1/doctors/1"),
    ("post", "/api/v1/agreements"),
    ("patch", "/api/v1/agreements/182404"),
    ("post", "/api/v1/agreements/182404/doctor-periods"),
    ("put", "/api/v1/agreements/182404/list-counts"),
    ("post", "/api/v1/municipality-files"),
]
FIELDS = [
    "name",
    "organisation_number",
    "listetak",
    "office_id",
    "start",
    "end",
    "role",
    "doctor_id",
    "month",
    "list_length",
    "municipality",
    "offices",
    "agreements",
    "hpr_number",
    "birth_date",
    "opening_hours",
    "utekontor",
    "list_status",
    "pbt_annual_amount",
    "id",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["2026-02-30", "2026-13", "9" * 40, "\u0000", "open"])
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
bodies = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8) | values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(WRITES), body=bodies)
def test_any_json_body_to_any_write_endpoint_answers_without_a_server_error(client, tokens, endpoint, body):
    method, path = endpoint
    response = client.request(
        method,
        path,
        content=json.dumps(body, allow_nan=True),
        headers={**bearer(tokens["admin"]), "content-type": "application/json"},
    )
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.json()["detail"]["message"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200))
def test_any_bytes_as_a_body_answer_without_a_server_error(client, tokens, raw):
    response = client.post(
        "/api/v1/offices",
        content=raw,
        headers={**bearer(tokens["vefsn"]), "content-type": "application/json"},
    )
    assert 400 <= response.status_code < 500
