"""Roster pages through the app with a session cookie: solve from the form, follow the job, read the
counts against the target, publish, print a month, and the vacancy list with candidates."""

import re
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.rosters import jobs
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import ReplanCreate
from legetjeneste.legevakt.schemes import service as legevakt_service
from legetjeneste.legevakt.schemes.schemas import SchemeIn
from legetjeneste.legevakt.vacancies import service as vacancy_service
from legetjeneste.main import create_app
from tests.legevakt.rosters.fixtures import make_scheme, scheme_document, solve

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@contextmanager
def logged_in_kommuneoverlege(engine, open_session):
    """The app with Vefsn's kommuneoverlege logged in through the login page."""
    auth_service.add_user(
        open_session(),
        email="kol@test.example",
        role="kommuneoverlege",
        municipality_number="1824",
        password="langt-passord-1",
    )
    with TestClient(
        create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False
    ) as client:
        page = client.get("/logg-inn")
        client.post(
            "/logg-inn",
            data={
                "email": "kol@test.example",
                "password": "langt-passord-1",
                "csrf_token": CSRF.search(page.text).group(1),
            },
        )
        yield client


@pytest.fixture
def kol(engine, open_session):
    scheme_id = make_scheme(open_session())
    with logged_in_kommuneoverlege(engine, open_session) as client:
        yield client, scheme_id


def _post(client, url: str, page_url: str, data: dict):
    token = CSRF.search(client.get(page_url).text).group(1)
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)


def test_the_kommuneoverlege_solves_follows_the_job_and_publishes_from_the_pages(kol):
    client, scheme_id = kol
    page = client.get(f"/ordninger/{scheme_id}/vaktlister")
    assert page.status_code == 200 and "Lag vaktliste" in page.text
    started = _post(
        client,
        f"/ordninger/{scheme_id}/vaktlister",
        f"/ordninger/{scheme_id}/vaktlister",
        {"from": "2027-03-01", "to": "2027-03-14", "time_limit": "10"},
    )
    assert started.status_code == 303
    job_url = started.headers["location"]
    jobs.wait(int(job_url.rsplit("/", 1)[1]), timeout=60)
    progress = client.get(job_url + "/fremdrift", headers={"HX-Request": "true"})
    roster_url = progress.headers["hx-redirect"]
    roster = client.get(roster_url)
    assert roster.status_code == 200
    assert "Vakter per lege mot rettferdig mål" in roster.text and "Alle 14 vakter er dekket" in roster.text
    assert "LV-ALWAYS" in roster.text
    published = _post(client, roster_url + "/publiser", roster_url, {"confirmed": "ja"})
    assert published.status_code == 303
    again = client.get(roster_url)
    assert "Publisert" in again.text and "Planlegg på nytt" in again.text
    month = client.get(roster_url + "/maned/2027-03")
    assert month.status_code == 200 and "vakter mars 2027" in month.text


def test_publishing_a_roster_asks_first_and_changes_nothing_until_it_is_confirmed(kol, open_session):
    client, scheme_id = kol
    roster_id = solve(open_session(), scheme_id).roster_id
    roster_url = f"/vaktlister/{roster_id}"
    page = client.get(roster_url)
    assert "Ja, publiser vaktlisten" in page.text and "blir den gjeldende for perioden" in page.text

    asked = _post(client, roster_url + "/publiser", roster_url, {})
    assert asked.status_code == 200 and "Publisere vaktlisten?" in asked.text
    assert "Vil du publisere versjon 1 av vaktlisten for" in asked.text
    assert "Legene med vakter får beskjed" in asked.text and "(LV-REPLAN)" in asked.text
    assert 'name="confirmed" value="ja"' in asked.text and f'href="{roster_url}"' in asked.text
    draft = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=roster_id)
    assert draft.status == "draft" and draft.published_at is None

    published = _post(client, roster_url + "/publiser", roster_url, {"confirmed": "ja"})
    assert published.status_code == 303
    found = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=roster_id)
    assert found.status == "published" and found.published_by == "kol@test.example"


def test_a_replanned_version_says_it_replaces_the_published_one_before_it_is_published(kol, open_session):
    client, scheme_id = kol
    first = solve(open_session(), scheme_id).roster_id
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=first)
    job = roster_service.replan(
        open_session(), actor=SYSTEM, roster_id=first, data=ReplanCreate(), run="here"
    )
    roster_url = f"/vaktlister/{job.roster_id}"
    asked = _post(client, roster_url + "/publiser", roster_url, {})
    assert asked.status_code == 200 and "Vil du publisere versjon 2" in asked.text
    assert "Den publiserte versjonen den planlegger på nytt, erstattes av denne" in asked.text
    still = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=first)
    assert still.status == "published"


def test_a_period_that_ends_before_it_starts_shows_the_field_and_keeps_the_form(kol):
    client, scheme_id = kol
    answer = _post(
        client,
        f"/ordninger/{scheme_id}/vaktlister",
        f"/ordninger/{scheme_id}/vaktlister",
        {"from": "2027-03-14", "to": "2027-03-01", "time_limit": "10"},
    )
    assert answer.status_code == 422
    assert "til-datoen er før fra-datoen" in answer.text and 'value="2027-03-14"' in answer.text


def test_the_vacancy_list_page_shows_an_empty_list_before_anything_is_published(kol):
    client, scheme_id = kol
    page = client.get(f"/ordninger/{scheme_id}/vakanser")
    assert page.status_code == 200 and "Ingen ledige vakter i publiserte vaktlister" in page.text


@pytest.fixture
def kol_with_vacancies(engine, open_session):
    """One doctor alone in the scheme, so every other shift is vacant (LV-REST), published."""
    scheme_id = make_scheme(open_session(), ("9182403", "9182405"))
    legevakt_service.save_scheme(
        open_session(),
        actor=SYSTEM,
        municipality_number="1824",
        data=SchemeIn.model_validate(scheme_document(("9182403",))),
    )
    job = solve(open_session(), scheme_id)
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    with logged_in_kommuneoverlege(engine, open_session) as client:
        yield client, scheme_id


def test_the_vacancy_page_lists_the_vacant_shifts_and_refuses_a_doctor_who_would_break_the_rest_rule(
    kol_with_vacancies, open_session
):
    client, scheme_id = kol_with_vacancies
    url = f"/ordninger/{scheme_id}/vakanser"
    page = client.get(url)
    assert page.status_code == 200 and page.text.count("Gi vakten") == 7
    vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
    fragment = client.get(f"/vakanser/{vacancy.assignment_id}/kandidater", headers={"HX-Request": "true"})
    assert "Ingen lege kan ta vakten uten å bryte en hard regel" in fragment.text
    magnus = next(
        d for d, name in vacancy_service.doctor_options(open_session(), actor=SYSTEM, scheme_id=scheme_id)
    )
    refused = _post(
        client,
        f"/vakanser/{vacancy.assignment_id}/tildel",
        url,
        {"doctor_id": str(magnus), "scheme_id": str(scheme_id)},
    )
    assert refused.status_code == 422
    assert "kan ikke ta vakten" in refused.text and "(LV-REST, SFS 2305 § 7.4)" in refused.text


def test_a_gp_volunteers_for_a_vacant_shift_from_the_vacancy_page(kol_with_vacancies, engine, open_session):
    _, scheme_id = kol_with_vacancies
    auth_service.add_user(
        open_session(),
        email="gp@test.example",
        role="doctor",
        municipality_number="1824",
        password="langt-passord-2",
        doctor="9182403",
    )
    with TestClient(create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False) as gp:
        page = gp.get("/logg-inn")
        credentials = {"email": "gp@test.example", "password": "langt-passord-2"}
        gp.post("/logg-inn", data={**credentials, "csrf_token": CSRF.search(page.text).group(1)})
        url = f"/ordninger/{scheme_id}/vakanser"
        page = gp.get(url)
        assert page.text.count("Meld meg til vakten") == 7 and "Gi vakten" not in page.text
        vacancy = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
        mine = next(
            d for d, _ in vacancy_service.doctor_options(open_session(), actor=SYSTEM, scheme_id=scheme_id)
        )
        answer = _post(
            gp,
            f"/vakanser/{vacancy.assignment_id}/frivillig",
            url,
            {"doctor_id": str(mine), "scheme_id": str(scheme_id)},
        )
        assert answer.status_code == 303
        assert gp.get(url).text.count("Meld meg til vakten") == 6
        found = vacancy_service.list_vacancies(open_session(), actor=SYSTEM, scheme_id=scheme_id)[0]
        assert [v.registered_by for v in found.volunteers] == ["gp@test.example"]
