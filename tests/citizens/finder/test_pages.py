"""A visitor without login: «Finn fastlege» as a page and as JSON, and asking for an alert with the form's
CSRF token."""

import pytest

from tests.web.conftest import csrf_of

pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def test_a_visitor_finds_lists_without_login_and_asks_for_an_alert_with_the_forms_token(visitor):
    page = visitor.get("/finn-fastlege?kommune=1824&kjonn=kvinne")
    assert page.status_code == 200 and "Finn fastlege i Vefsn" in page.text
    assert "/varsel/ny?kommune=1824" in page.text
    office = visitor.get("/api/v1/finn-fastlege", params={"kommune": "1824"}).json()["offices"][0]
    by_office = visitor.get(f"/finn-fastlege?kommune=1824&kontor={office['id']}")
    assert f"/varsel/ny?kontor={office['id']}" in by_office.text
    answer = visitor.get("/api/v1/finn-fastlege", params={"kommune": "1824", "kjonn": "mann"})
    assert answer.status_code == 200 and answer.json()["municipality_name"] == "Vefsn"
    assert {gp["doctor_gender"] for gp in answer.json()["lists"]} == {"mann"}
    assert visitor.get("/api/v1/finn-fastlege", params={"kommune": "18"}).status_code == 422

    form = visitor.get("/varsel/ny?avtale=182401")
    assert form.status_code == 200 and "Få varsel om ledig plass" in form.text
    sent = {"avtale": "182401", "email": "ola@example.no"}
    assert visitor.post("/varsel/ny", data=sent).status_code == 403
    done = visitor.post("/varsel/ny", data={**sent, "csrf_token": csrf_of(form.text)})
    assert done.status_code == 200 and "Sjekk e-posten din" in done.text
    wrong = visitor.post("/varsel/ny", data={**sent, "email": "nei", "csrf_token": csrf_of(form.text)})
    assert wrong.status_code == 422 and "E-postadresse: Skriv en gyldig e-postadresse" in wrong.text
    assert visitor.get("/varsel/avslutt/forfalsket").status_code == 200  # the page asks first
    refused = visitor.post("/varsel/avslutt", data={"token": "forfalsket", "csrf_token": csrf_of(form.text)})
    assert refused.status_code == 404
