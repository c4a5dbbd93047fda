"""The worker on SQLite and PostgreSQL: claiming is exclusive, jobs end done or failed with why in
Norwegian, a job whose worker died is given up, and the server process runs what is queued. The limit on
running jobs: test_limit.py; the heartbeat, the budget and recovery at start-up: test_execution.py."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from legetjeneste.db import session_factory
from legetjeneste.jobs import service
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.jobs.models import Job
from legetjeneste.jobs.rules import STOPPED
from legetjeneste.jobs.worker import Worker
from tests.jobs import kinds as test_kinds


def queue(open_session, kind: str = "test.echo", payload: dict | None = None) -> int:
    session = open_session()
    with session.begin():
        return service.enqueue(session, kind=kind, payload=payload)


def stored(open_session, job_id: int) -> Job:
    """The job as stored now, read in a session that gives its connection back at once (a test that polls
    would otherwise hold one per look and starve the worker it waits for)."""
    with open_session() as session:
        found = session.get(Job, job_id)
        assert found is not None
        session.expunge(found)
    return found


def claim(open_session, worker: str, *, beat_ago: timedelta = timedelta(0)) -> int:
    """The oldest queued job claimed by `worker`, its heartbeat `beat_ago` old; the job's id."""
    session = open_session()
    job = service.claim(session, worker=worker, kinds=["test.echo", "roster.solve"])
    assert job is not None
    with session.begin():
        session.get_one(Job, job.id).heartbeat_at = datetime.now(UTC) - beat_ago
    return job.id


def test_a_queued_job_is_run_once_and_ends_done_with_its_result_and_progress(engine, open_session):
    job_id = queue(open_session, payload={"n": 1})
    assert Worker(engine).drain() == {"done": 1}
    job = stored(open_session, job_id)
    assert (job.status, job.result, job.progress, job.attempts) == (
        "done",
        {"echo": {"n": 1}},
        {"step": 1},
        1,
    )
    assert job.claimed_by and job.started_at and job.finished_at and job.error is None
    assert Worker(engine).drain() == {}


def test_a_refused_job_fails_with_the_norwegian_message_and_a_crash_by_its_name(engine, open_session):
    refused, crashed = queue(open_session, "test.refuse"), queue(open_session, "test.crash")
    assert Worker(engine).drain() == {"failed": 2}
    assert stored(open_session, refused).error == "Kommunen har ingen fastleger. (TEST-RULE)"
    assert stored(open_session, crashed).error == "Uventet feil (KeyError: 'x')"


def test_a_job_of_a_kind_this_worker_does_not_know_stays_queued(engine, open_session):
    job_id = queue(open_session, "test.unknown")
    assert Worker(engine).drain() == {}
    assert stored(open_session, job_id).status == "queued"


def test_two_workers_claiming_at_once_never_get_the_same_job(engine, open_session):
    queued = [queue(open_session) for _ in range(20)]
    claimed: dict[str, list[int]] = {"a": [], "b": []}
    start = threading.Barrier(2)

    def claim_all(name: str) -> None:
        factory = session_factory(engine)
        start.wait()
        while True:
            with factory() as session:
                job = service.claim(session, worker=name, kinds=["test.echo"], max_running=100)
            if job is None:
                return
            claimed[name].append(job.id)

    threads = [threading.Thread(target=claim_all, args=(name,)) for name in claimed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(claimed["a"] + claimed["b"]) == queued


def test_a_running_job_whose_heartbeat_stopped_is_given_up_with_a_norwegian_reason(engine, open_session):
    queue(open_session), queue(open_session)
    gone = claim(open_session, "gone", beat_ago=timedelta(minutes=2))
    alive = claim(open_session, "alive", beat_ago=timedelta(seconds=5))
    assert Worker(engine).drain() == {}
    job = stored(open_session, gone)
    assert (job.status, job.error) == ("failed", STOPPED)
    assert test_kinds.given_up == [gone]
    assert stored(open_session, alive).status == "running"


def test_a_worker_stopped_in_the_middle_of_a_job_gives_it_up_as_it_stops(engine, open_session):
    job_id = queue(open_session, "test.interrupt")
    with pytest.raises(KeyboardInterrupt):
        Worker(engine).run_next()
    assert (stored(open_session, job_id).status, stored(open_session, job_id).error) == ("failed", STOPPED)
    assert test_kinds.given_up == [job_id]


def test_the_server_process_runs_what_was_queued_before_it_started_and_what_is_queued_after(
    engine, open_session
):
    before = queue(open_session, payload={"n": 1})
    jobs_worker.start_in_process(engine, poll=0.1)
    try:
        after = queue(open_session, payload={"n": 2})
        jobs_worker.wake(engine)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and {stored(open_session, i).status for i in (before, after)} != {
            "done"
        }:
            time.sleep(0.05)
    finally:
        jobs_worker.stop_in_process(engine)
    assert [stored(open_session, i).result for i in (before, after)] == [
        {"echo": {"n": 1}},
        {"echo": {"n": 2}},
    ]


def test_without_a_running_worker_a_wake_starts_one_that_drains_the_queue_and_ends(engine, open_session):
    job_id = queue(open_session)
    jobs_worker.wake(engine)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and stored(open_session, job_id).status != "done":
        time.sleep(0.05)
    assert stored(open_session, job_id).status == "done"


def test_the_web_app_runs_the_worker_while_it_runs(engine, open_session):
    job_id = queue(open_session)
    app = FastAPI(lifespan=jobs_worker.lifespan(engine))
    with TestClient(app):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and stored(open_session, job_id).status != "done":
            time.sleep(0.05)
    assert stored(open_session, job_id).status == "done"
    assert engine not in jobs_worker._in_process
