"""Absences through the API and the pages."""

from tests.api.conftest import bearer
from tests.web.conftest import csrf_of, log_in


def doctor_id(client, token: str, hpr: str) -> int:
    return next(
        d["id"] for d in client.get("/api/v1/doctors", headers=bearer(token)).json() if d["hpr_number"] == hpr
    )


def sick_leave(client, token: str, **changes) -> dict:
    payload = {
        "doctor_id": doctor_id(client, token, "9182404"),
        "ground": "own_sickness",
        "start": "2026-03-01",
        "end": "2026-03-20",
        "cover": "none",
        **changes,
    }
    return client.post("/api/v1/absences", json=payload, headers=bearer(token))


def test_an_absence_is_registered_through_the_api_and_its_counters_show_the_lost_days(client, tokens):
    response = sick_leave(client, tokens["vefsn"])
    assert response.status_code == 201
    absence = response.json()["absence"]
    assert (absence["ground"], absence["days"], absence["agreement_id"]) == ("own_sickness", 20, 182404)
    counters = client.get(
        f"/api/v1/doctors/{absence['doctor_id']}/absence-counters",
        params={"year": 2026},
        headers=bearer(tokens["vefsn"]),
    ).json()
    lost = [d["day"] for d in counters["days"] if d["status"] == "lost"]
    assert lost == ["2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20"]


def test_an_overlapping_absence_answers_422_naming_the_collision(client, tokens):
    sick_leave(client, tokens["vefsn"])
    response = sick_leave(client, tokens["vefsn"], start="2026-03-20", end="2026-03-25")
    assert response.status_code == 422
    assert "overlapper legens fravær 1.–20. mars 2026" in response.json()["detail"]["problems"][0]["message"]


def test_a_doctor_role_sees_that_a_colleague_is_away_but_not_the_ground(client, tokens):
    registered = sick_leave(client, tokens["vefsn"]).json()["absence"]
    [seen] = [
        a
        for a in client.get("/api/v1/absences", headers=bearer(tokens["vefsn_doctor"])).json()
        if a["id"] == registered["id"]
    ]
    assert (seen["ground"], seen["ground_label"], seen["details"]) == (None, "annet fravær", None)
    assert client.post("/api/v1/absences", json={}, headers=bearer(tokens["vefsn_doctor"])).status_code == 422


def test_kragero_cannot_see_or_cancel_a_vefsn_absence(client, tokens):
    absence_id = sick_leave(client, tokens["vefsn"]).json()["absence"]["id"]
    assert client.get(f"/api/v1/absences/{absence_id}", headers=bearer(tokens["kragero"])).status_code == 404
    assert (
        client.delete(f"/api/v1/absences/{absence_id}", headers=bearer(tokens["kragero"])).status_code == 404
    )
    assert client.delete(f"/api/v1/absences/{absence_id}", headers=bearer(tokens["vefsn"])).status_code == 204
    assert client.get(f"/api/v1/absences/{absence_id}", headers=bearer(tokens["vefsn"])).status_code == 404


def test_a_long_absence_without_vikar_appears_as_a_notice_until_someone_marks_it_read(client, tokens):
    sick_leave(client, tokens["vefsn"])
    [notice] = client.get("/api/v1/municipalities/1824/notices", headers=bearer(tokens["vefsn"])).json()
    assert notice["rule_id"] == "ABS-REPORT" and notice["message"].startswith("Lengre fravær uten vikar")
    client.post(f"/api/v1/notices/{notice['id']}/acknowledge", headers=bearer(tokens["vefsn"]))
    assert client.get("/api/v1/municipalities/1824/notices", headers=bearer(tokens["vefsn"])).json() == []


def test_the_registration_page_registers_a_vacation_and_the_start_page_shows_the_notice(browser_client):
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    form = browser_client.get("/fravaer/ny").text
    assert "Registrer fravær" in form and "Eirik Sandnesmo (Mosjøen legesenter)" in form
    doctor = form.split("Eirik Sandnesmo (Mosjøen legesenter)")[0].rsplit('value="', 1)[1].split('"')[0]
    response = browser_client.post(
        "/fravaer/ny",
        data={
            "csrf_token": csrf_of(form),
            "doctor_id": doctor,
            "ground": "ordinary",
            "start": "2026-07-06",
            "end": "2026-07-26",
            "cover": "none",
            "vikar_doctor_id": "",
            "children": "1",
        },
    )
    assert response.status_code == 200 and "Fraværet er registrert." in response.text
    assert "Varslet kommunen: Lengre fravær uten vikar" in response.text
    overview = browser_client.get("/kommuner/1824").text
    assert "Varsler til kommunen (1)" in overview and "ABS-REPORT" in overview


def test_the_registration_page_shows_every_problem_and_keeps_what_was_typed(browser_client):
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    form = browser_client.get("/fravaer/ny").text
    response = browser_client.post(
        "/fravaer/ny",
        data={
            "csrf_token": csrf_of(form),
            "doctor_id": "1",
            "ground": "research",
            "start": "2026-07-26",
            "end": "2026-07-06",
            "cover": "collegial",
        },
    )
    assert response.status_code == 422
    assert "Fraværet ble ikke lagret" in response.text and "sluttdatoen er før startdatoen" in response.text
    assert 'value="2026-07-26"' in response.text


def test_the_counters_page_lists_the_lost_days_with_their_rule(browser_client, register_sick_leave):
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    doctor = register_sick_leave(hpr="9182404")
    html = browser_client.get(f"/leger/{doctor}/fravaer?ar=2026").text
    assert "Lengste sammenhengende sykeperiode" in html and "ABS-SICK" in html
    assert "Dager med trekk eller betaling til vikar (4)" in html
