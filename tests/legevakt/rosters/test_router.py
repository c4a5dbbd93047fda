"""The roster API: solve (waiting, for scripts), the job's progress, the draft, publishing, CSV, the
iCalendar feeds with the token in the URL, and clear Norwegian errors instead of a 500."""

import csv
import io
import time

import icalendar
import pytest
from fastapi.testclient import TestClient

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.schemas import SchemeIn
from legetjeneste.main import create_app
from legetjeneste.registry import service as registry_service
from tests.legevakt.rosters.fixtures import make_scheme, scheme_document
from tests.support import KRAGERO_FILE, import_demo

BODY = {"from": "2027-03-01", "to": "2027-03-14", "time_limit": 10, "seed": 1}


@pytest.fixture
def api(engine, open_session):
    """A client, the test scheme, and bearer headers for Vefsn's kommuneoverlege, a Vefsn doctor user
    and Kragerø's kommuneoverlege."""
    session = open_session()
    scheme_id = make_scheme(session)
    import_demo(open_session(), KRAGERO_FILE)
    headers = {}
    for name, role, number in (
        ("kol", "kommuneoverlege", "1824"),
        ("lege", "doctor", "1824"),
        ("kragero", "kommuneoverlege", "4014"),
    ):
        _, token = auth_service.add_user(
            open_session(),
            email=f"{name}@test.example",
            role=role,
            municipality_number=number,
            with_token=True,
        )
        headers[name] = {"Authorization": f"Bearer {token}"}
    with TestClient(
        create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False
    ) as client:
        yield client, scheme_id, headers


def _published(client, scheme_id, headers) -> dict:
    job = client.post(f"/api/v1/schemes/{scheme_id}/roster-jobs?wait=true", json=BODY, headers=headers["kol"])
    assert job.status_code == 202, job.text
    roster_id = job.json()["roster_id"]
    # ?wait=true answers 202 with the job still queued when the server's daily jobs hold every place
    # (JOBS-LIMIT): follow the job, as a client would, until the worker has solved it.
    for _ in range(240):
        if roster_id is not None:
            break
        time.sleep(0.25)
        roster_id = client.get(f"/api/v1/roster-jobs/{job.json()['id']}", headers=headers["kol"]).json()[
            "roster_id"
        ]
    published = client.post(f"/api/v1/rosters/{roster_id}/publish", headers=headers["kol"])
    assert published.status_code == 200, published.text
    return published.json()


def test_a_solve_answers_with_the_job_and_the_job_leads_to_the_draft(api):
    client, scheme_id, headers = api
    job = client.post(
        f"/api/v1/schemes/{scheme_id}/roster-jobs?wait=true", json=BODY, headers=headers["kol"]
    ).json()
    assert (job["status"], job["shifts"], job["gap"]) == ("done", 14, 0.0)
    again = client.get(f"/api/v1/roster-jobs/{job['id']}", headers=headers["kol"]).json()
    assert again["roster_id"] == job["roster_id"]
    roster = client.get(f"/api/v1/rosters/{job['roster_id']}", headers=headers["kol"]).json()
    assert roster["status"] == "draft" and len(roster["assignments"]) == 14
    assert {c["counter"] for d in roster["doctors"] for c in d["counts"]} == {
        "weekday",
        "weekend",
        "holiday",
        "night",
    }


def test_a_period_that_ends_before_it_starts_is_refused_with_the_field_in_norwegian(api):
    client, scheme_id, headers = api
    body = {**BODY, "to": "2027-02-01"}
    answer = client.post(f"/api/v1/schemes/{scheme_id}/roster-jobs", json=body, headers=headers["kol"])
    assert answer.status_code == 422
    assert "til-datoen er før fra-datoen" in answer.text


def test_a_doctor_user_may_read_but_not_solve_and_another_municipality_gets_404(api):
    client, scheme_id, headers = api
    assert (
        client.post(
            f"/api/v1/schemes/{scheme_id}/roster-jobs", json=BODY, headers=headers["lege"]
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/api/v1/schemes/{scheme_id}/roster-jobs", json=BODY, headers=headers["kragero"]
        ).status_code
        == 404
    )
    assert client.get(f"/api/v1/schemes/{scheme_id}/rosters", headers=headers["lege"]).status_code == 200


def test_the_csv_has_one_row_per_shift_with_the_doctors_hpr_number(api):
    client, scheme_id, headers = api
    roster = _published(client, scheme_id, headers)
    answer = client.get(f"/api/v1/rosters/{roster['id']}/roster.csv", headers=headers["kol"])
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Dato", "Vakt", "Fra", "Til", "Lege", "HPR-nummer", "Merknad"]
    assert len(rows) == 15
    first = next(a for a in roster["assignments"] if a["shift_id"] == "2027-03-01/hverdag")
    assert rows[1][:6] == [
        "01.03.2027",
        "Hverdagsvakt",
        "01.03.2027 15:30",
        "02.03.2027 08:00",
        first["doctor_name"],
        first["hpr_number"],
    ]


def test_the_doctors_feed_with_the_token_in_the_url_serves_the_doctors_published_shifts(api, open_session):
    client, scheme_id, headers = api
    roster = _published(client, scheme_id, headers)
    hpr = roster["assignments"][0]["hpr_number"]
    doctor = next(
        d for d in registry_service.list_doctors(open_session(), actor=SYSTEM) if d.hpr_number == hpr
    )
    token = headers["lege"]["Authorization"].split()[1]
    answer = client.get(f"/api/v1/doctors/{doctor.id}/roster.ics?token={token}")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/calendar")
    feed = icalendar.Calendar.from_ical(answer.content)
    events = [e for e in feed.walk("VEVENT")]
    mine = [a for a in roster["assignments"] if a["hpr_number"] == hpr]
    assert len(events) == len(mine)
    first = min(events, key=lambda e: e.decoded("dtstart"))
    assert first.decoded("dtstart").isoformat().startswith(mine[0]["starts_at"][:16])
    assert str(first.decoded("dtstart").tzinfo) == "Europe/Oslo"
    assert str(feed["x-wr-calname"]) == f"Vakter – {doctor.first_name} {doctor.last_name}"


def test_the_schemes_feed_names_the_doctor_of_each_shift_and_a_wrong_token_is_refused(api):
    client, scheme_id, headers = api
    _published(client, scheme_id, headers)
    token = headers["kol"]["Authorization"].split()[1]
    feed = icalendar.Calendar.from_ical(
        client.get(f"/api/v1/schemes/{scheme_id}/roster.ics?token={token}").content
    )
    summaries = [str(e["summary"]) for e in feed.walk("VEVENT")]
    assert len(summaries) == 14 and all(s.startswith("Testlegevakt: ") and " – " in s for s in summaries)
    assert client.get(f"/api/v1/schemes/{scheme_id}/roster.ics?token=feil").status_code == 401


def test_a_draft_is_not_in_the_feeds(api):
    client, scheme_id, headers = api
    client.post(f"/api/v1/schemes/{scheme_id}/roster-jobs?wait=true", json=BODY, headers=headers["kol"])
    token = headers["kol"]["Authorization"].split()[1]
    feed = icalendar.Calendar.from_ical(
        client.get(f"/api/v1/schemes/{scheme_id}/roster.ics?token={token}").content
    )
    assert feed.walk("VEVENT") == []


def test_assigning_a_vacant_shift_that_breaks_the_rest_rule_answers_422_with_the_rule_id(api, open_session):
    client, _, headers = api
    legevakt_service.save_scheme(
        open_session(),
        actor=SYSTEM,
        municipality_number="1824",
        data=SchemeIn.model_validate(scheme_document(("9182403",), code="alene")),
    )
    alone = roster_service.find_scheme(
        open_session(), actor=SYSTEM, reference="alene", municipality_number="1824"
    )
    _published(client, alone, headers)
    vacancies = client.get(f"/api/v1/schemes/{alone}/vacancies?year=2027", headers=headers["kol"]).json()
    assert len(vacancies) == 7
    first = vacancies[0]["assignment_id"]
    assert client.get(f"/api/v1/vacancies/{first}/candidates", headers=headers["lege"]).json() == []
    doctor = next(
        d.id for d in registry_service.list_doctors(open_session(), actor=SYSTEM) if d.hpr_number == "9182403"
    )
    refused = client.post(
        f"/api/v1/vacancies/{first}/assign", json={"doctor_id": doctor}, headers=headers["kol"]
    )
    assert refused.status_code == 422
    detail = refused.json()["detail"]
    assert detail["rule_id"] == "LV-REST" and "kan ikke ta vakten" in detail["message"]
    counts = client.get("/api/v1/municipalities/1824/vacancy-counts?year=2027", headers=headers["kol"]).json()
    assert next(c for c in counts if c["scheme_id"] == alone)["still_vacant"] == 7
