"""The solve as a job within the service's limits: threads and time limit within the settings (refused at
input, bounded again when it runs), a solve past its budget fails with why, and the API's wait=true answers
with the queued job when every place is taken (JOBS-LIMIT, JOBS-BUDGET)."""

import time

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.jobs import execution
from legetjeneste.jobs import service as jobs_service
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.jobs.rules import over_budget_text
from legetjeneste.legevakt.rosters import jobs
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.schemas import ReplanCreate, SolveCreate
from legetjeneste.main import create_app
from legetjeneste.settings import get_settings
from legetjeneste.validation import problems_from
from tests.legevakt.rosters.fixtures import FIRST, LAST, make_scheme

BODY = {"from": "2027-03-01", "to": "2027-03-14", "time_limit": 10, "seed": 1}


@pytest.fixture
def settings(monkeypatch):
    """The settings, changed for the test only."""
    found = get_settings()

    def change(**values) -> None:
        for name, value in values.items():
            monkeypatch.setattr(found, name, value)

    return change


def test_a_solve_may_ask_for_its_share_of_the_threads_and_no_more(settings):
    settings(solver_max_workers=4, jobs_max_running=2)
    assert SolveCreate.model_validate({**BODY, "workers": 2}).workers == 2
    with pytest.raises(ValidationError) as refused:
        SolveCreate.model_validate({**BODY, "workers": 3})
    assert [str(p) for p in problems_from(refused.value)] == ["workers: kan være høyst 2 på denne tjenesten"]
    settings(solver_max_workers=2)
    with pytest.raises(ValidationError):
        ReplanCreate(workers=2)


def test_a_time_limit_above_the_setting_is_refused(settings):
    settings(solver_max_time_limit=60.0)
    assert SolveCreate.model_validate({**BODY, "time_limit": 60}).time_limit == 60
    with pytest.raises(ValidationError) as refused:
        SolveCreate.model_validate({**BODY, "time_limit": 61})
    assert [str(p) for p in problems_from(refused.value)] == [
        "time_limit: kan være høyst 60 på denne tjenesten"
    ]


def test_a_solve_queued_before_the_settings_were_lowered_runs_within_them(settings):
    settings(solver_max_workers=2, jobs_max_running=2, solver_max_time_limit=30.0)
    assert jobs.bounded({"workers": 8, "time_limit": 600.0, "seed": 3}) == {
        "workers": 1,
        "time_limit": 30.0,
        "seed": 3,
    }


def test_a_solve_stopped_past_its_budget_shows_failed_with_why(engine, open_session, monkeypatch):
    monkeypatch.setattr(jobs_worker, "runs_in_process", lambda: False)
    scheme_id = make_scheme(open_session())
    data = SolveCreate.model_validate({"from": FIRST, "to": LAST, "time_limit": 10, "seed": 1})
    queued = roster_service.start_solve(open_session(), actor=SYSTEM, scheme_id=scheme_id, data=data)
    worker = jobs_service.identity("worker")
    work = jobs_service.claim(open_session(), worker=worker, kinds=[roster_service.JOB_KIND])
    stopped = jobs_service.stop(open_session(), job_id=work.id, worker=worker, error=over_budget_text(70))
    execution.tell_stopped(lambda: open_session(), [stopped])
    found = roster_service.get_job(open_session(), actor=SYSTEM, job_id=queued.id)
    assert (found.status, found.message) == ("failed", over_budget_text(70))
    assert found.message.startswith("Jobben ble stoppet fordi den brukte mer enn 70 sekunder")


def test_without_a_free_place_wait_true_answers_with_the_queued_job_that_a_worker_solves_later(
    engine, open_session, settings
):
    settings(jobs_max_running=1)
    scheme_id = make_scheme(open_session())
    _, token = auth_service.add_user(
        open_session(),
        email="kol@test.example",
        role="kommuneoverlege",
        municipality_number="1824",
        with_token=True,
    )
    session = open_session()
    with session.begin():
        busy = jobs_service.enqueue(session, kind="test.elsewhere")
    assert jobs_service.claim(open_session(), worker="elsewhere", kinds=["test.elsewhere"]).id == busy
    with TestClient(create_app(engine=engine, secret_key="test-secret")) as client:
        headers = {"Authorization": f"Bearer {token}"}
        started = time.monotonic()
        answer = client.post(f"/api/v1/schemes/{scheme_id}/roster-jobs?wait=true", json=BODY, headers=headers)
        assert time.monotonic() - started < 5
        assert answer.status_code == 202, answer.text
        assert (answer.json()["status"], answer.json()["status_label"]) == ("queued", "I kø")
        assert jobs_service.end(open_session(), job_id=busy, worker="elsewhere", result={})
        jobs.wait(answer.json()["id"], timeout=60)
        done = client.get(f"/api/v1/roster-jobs/{answer.json()['id']}", headers=headers).json()
    assert done["status"] == "done" and done["roster_id"] is not None
