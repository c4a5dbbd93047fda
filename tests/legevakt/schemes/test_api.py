"""The legevakt JSON API under /api/v1: schemes and local parameters; another municipality's resources
answer 404, and no write answers a server error whatever its body."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import bearer


def scheme_id(client, token: str, number: str) -> int:
    return client.get(f"/api/v1/municipalities/{number}/schemes", headers=bearer(token)).json()[0]["id"]


def test_the_schemes_of_a_municipality_and_one_scheme_with_its_participants(client, tokens):
    listed = client.get("/api/v1/municipalities/4014/schemes", headers=bearer(tokens["kragero"])).json()
    assert [(s["code"], s["kind"], s["participants"], s["pending_exemptions"]) for s in listed] == [
        ("nodnett", "nodnett", 13, 4)
    ]
    read = client.get(f"/api/v1/schemes/{listed[0]['id']}", headers=bearer(tokens["kragero"])).json()
    assert read["office_days"] == [
        {"office": "991401415", "weekdays": ["monday", "tuesday"]},
        {"office": "991402411", "weekdays": ["wednesday", "thursday", "friday"]},
    ]
    assert (
        client.get(f"/api/v1/schemes/{listed[0]['id']}", headers=bearer(tokens["vefsn"])).status_code == 404
    )


def test_a_scheme_is_saved_whole_and_local_parameters_listed_next_to_the_national_ones(client, tokens):
    scheme = {
        "code": "dagvakt",
        "name": "Daglegevakt",
        "kind": "legevakt",
        "start": "2027-01-01",
        "shift_templates": [
            {"code": "dag", "name": "Dagvakt", "start": "08:00", "end": "15:30", "day_kind": "weekday"}
        ],
        "participants": [{"doctor": "9182401", "start": "2027-01-01"}],
    }
    saved = client.put("/api/v1/municipalities/1824/schemes", headers=bearer(tokens["vefsn"]), json=scheme)
    assert saved.status_code == 200 and saved.json()["shift_templates"][0]["end"] == "15:30:00"
    bad = client.put(
        "/api/v1/municipalities/1824/schemes",
        headers=bearer(tokens["vefsn"]),
        json={**scheme, "shift_templates": [{**scheme["shift_templates"][0], "start": "24:00"}]},
    )
    assert bad.status_code == 422 and "TT:MM" in bad.text
    params = client.get(
        "/api/v1/municipalities/1824/local-parameters", headers=bearer(tokens["vefsn"])
    ).json()
    assert {p["name"]: (p["national_value"], p["value"]) for p in params}[
        "legevakt/legevakt_exemption_max_months"
    ] == (
        12,
        6,
    )


FIELDS = [
    "code", "name", "kind", "start", "end", "doctor", "ground", "extent", "decision", "reasons", "weighing",
    "granted_start", "granted_end", "participants", "shift_templates", "office_days", "partners", "weekdays",
    "office", "day_kind", "every_nth", "since", "value", "source", "course", "completed_on", "due_date",
]  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.text(max_size=20)
    | st.sampled_from(["2027-02-30", "24:00", "9182402", "health", "over_60", "granted", "nodnett", "monday"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=5),
    max_leaves=12,
)
WRITES = [
    ("put", "/api/v1/municipalities/1824/schemes"),
    ("post", "/api/v1/schemes/1/exemptions"),
    ("post", "/api/v1/exemptions/3/decision"),
    ("post", "/api/v1/municipalities/1824/local-parameters"),
    ("post", "/api/v1/municipalities/1824/doctor-courses"),
]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(WRITES), body=st.dictionaries(st.sampled_from(FIELDS), values, max_size=8))
def test_any_json_body_to_a_legevakt_write_answers_without_a_server_error(client, tokens, endpoint, body):
    method, path = endpoint
    response = client.request(method, path, json=body, headers=bearer(tokens["vefsn"]))
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.json()["detail"]["message"]
