"""The vacation overview's JSON, CSV and iCalendar endpoints (SU-VACATION); the feeds take ?token=."""

import icalendar
import pytest

from legetjeneste.auth import service as auth_service
from tests.absence.vacation_support import without_absences
from tests.api.conftest import bearer

JULY = {"from": "2026-07-01", "to": "2026-07-31"}


@pytest.fixture
def absences(client, tokens, open_session):
    """Eirik Sandnesmo on vacation without cover, Siri Halsøy sick; an SU member with a token."""
    without_absences(open_session())
    vefsn = bearer(tokens["vefsn"])
    doctors = {d["hpr_number"]: d["id"] for d in client.get("/api/v1/doctors", headers=vefsn).json()}
    for hpr, ground, start, end, cover in (
        ("9182404", "ordinary", "2026-07-06", "2026-07-26", "none"),
        ("9182405", "own_sickness", "2026-07-01", "2026-07-03", "collegial"),
    ):
        payload = {"doctor_id": doctors[hpr], "ground": ground, "start": start, "end": end, "cover": cover}
        assert client.post("/api/v1/absences", json=payload, headers=vefsn).status_code == 201
    _, su_token = auth_service.add_user(
        open_session(), email="su@test.example", role="su_member", municipality_number="1824", with_token=True
    )
    offices = client.get("/api/v1/offices", headers=vefsn).json()
    return {"su": su_token, "mosjoen": next(o["id"] for o in offices if o["name"] == "Mosjøen legesenter")}


def test_the_overview_answers_json_with_weeks_offices_and_gaps(client, tokens, absences):
    response = client.get(
        "/api/v1/municipalities/1824/vacation-overview", params=JULY, headers=bearer(absences["su"])
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["start"], body["end"], body["rule_id"]) == ("2026-07-01", "2026-07-31", "SU-VACATION")
    assert body["weeks"][0]["label"] == "uke 27 (29. juni–5. juli)"
    assert [gap["kind"] for gap in body["gaps"]] == ["no_cover"]
    away = [a for o in body["offices"] for w in o["weeks"] for a in w["away"]]
    siri = next(a for a in away if a["doctor_name"] == "Siri Halsøy")
    assert (siri["ground"], siri["ground_label"]) == (None, "annet fravær")


def test_another_municipality_and_a_bad_period_are_refused(client, tokens, absences):
    kragero = bearer(tokens["kragero"])
    assert client.get("/api/v1/municipalities/1824/vacation-overview", headers=kragero).status_code == 404
    backwards = client.get(
        "/api/v1/municipalities/1824/vacation-overview",
        params={"from": "2026-08-01", "to": "2026-07-01"},
        headers=bearer(tokens["vefsn"]),
    )
    assert backwards.status_code == 422 and backwards.json()["detail"]["problems"][0]["path"] == "to"
    too_long = client.get(
        "/api/v1/municipalities/1824/vacation-overview",
        params={"from": "2026-01-01", "to": "2027-06-30"},
        headers=bearer(tokens["vefsn"]),
    )
    assert too_long.status_code == 422 and too_long.json()["detail"]["problems"][0]["path"] == "to"


def test_the_csv_is_utf8_with_a_byte_order_mark_and_semicolons(client, tokens, absences):
    response = client.get(
        "/api/v1/municipalities/1824/vacation-overview.csv", params=JULY, headers=bearer(tokens["vefsn"])
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert (
        'filename="ferieoversikt-1824-2026-07-01-2026-07-31.csv"' in response.headers["content-disposition"]
    )
    assert response.content[:3] == b"\xef\xbb\xbf"
    assert response.content.decode("utf-8-sig").startswith(
        "Legekontor;Uke;Lege;Fra;Til;Fravær;Dekning;Merknad"
    )


def test_a_calendar_app_reads_the_feed_with_the_token_as_a_query_parameter(client, tokens, absences):
    path = f"/api/v1/offices/{absences['mosjoen']}/absences.ics"
    response = client.get(path, params={"token": absences["su"]})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Fravær – Mosjøen legesenter"
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries == ["Eirik Sandnesmo: ferie eller ordinært fravær", "Siri Halsøy: annet fravær"]
    assert client.get(path, headers=bearer(absences["su"])).status_code == 200


def test_a_wrong_or_missing_token_answers_401(client, tokens, absences):
    path = "/api/v1/municipalities/1824/absences.ics"
    wrong = client.get(path, params={"token": "feil"})
    assert (
        wrong.status_code == 401
        and wrong.json()["detail"]["message"] == "Ugyldig eller tilbakekalt API-nøkkel."
    )
    assert client.get(path).status_code == 401
    assert client.get(path, params={"token": tokens["vefsn"]}).status_code == 200


def test_a_feed_of_another_municipality_answers_404(client, tokens, absences):
    kragero = tokens["kragero"]
    assert (
        client.get("/api/v1/municipalities/1824/absences.ics", params={"token": kragero}).status_code == 404
    )
    office = f"/api/v1/offices/{absences['mosjoen']}/absences.ics"
    assert client.get(office, params={"token": kragero}).status_code == 404
