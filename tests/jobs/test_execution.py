"""Running one job: the heartbeat is beaten while it runs, a job past its budget is stopped and failed with
why (JOBS-BUDGET), and a worker that starts fails at once the jobs of a process of this host that is gone."""

import subprocess
import time
from datetime import UTC, datetime, timedelta

from legetjeneste.db import session_factory
from legetjeneste.jobs import execution, service
from legetjeneste.jobs.models import Job
from legetjeneste.jobs.rules import STOPPED, over_budget_text
from legetjeneste.jobs.worker import Worker
from tests.jobs import kinds as test_kinds


def queue(open_session, kind: str = "test.echo") -> int:
    session = open_session()
    with session.begin():
        return service.enqueue(session, kind=kind)


def stored(open_session, job_id: int) -> Job:
    """The job as stored now, read in a session that gives its connection back at once (a test that polls
    would otherwise hold one per look and starve the worker it waits for)."""
    with open_session() as session:
        found = session.get(Job, job_id)
        assert found is not None
        session.expunge(found)
    return found


def claimed_by(open_session, job_id: int, worker: str, *, beat_ago: timedelta = timedelta(0)) -> None:
    """The queued job as claimed by `worker`, its heartbeat `beat_ago` old."""
    session = open_session()
    with session.begin():
        job = session.get_one(Job, job_id)
        job.status, job.claimed_by, job.attempts = "running", worker, 1
        job.started_at = job.heartbeat_at = datetime.now(UTC) - beat_ago


def gone_pid() -> int:
    """The id of a process of this host that has ended."""
    ended = subprocess.Popen(["true"])
    ended.wait()
    return ended.pid


def test_the_heartbeat_is_beaten_while_the_job_runs(engine, open_session, monkeypatch):
    monkeypatch.setattr(execution, "HEARTBEAT_EVERY", timedelta(seconds=0.05))
    job_id = queue(open_session)
    claimed_by(open_session, job_id, "here", beat_ago=timedelta(minutes=1))
    before = stored(open_session, job_id).heartbeat_at
    with execution.Heartbeat(session_factory(engine), job_id, "here", budget=60):
        time.sleep(0.3)
    assert stored(open_session, job_id).heartbeat_at > before


def test_a_job_that_runs_past_its_budget_is_stopped_at_its_next_report_and_failed_with_why(
    engine, open_session
):
    job_id = queue(open_session, "test.overrun")
    started = time.monotonic()
    assert Worker(engine).drain() == {"failed": 1}
    assert time.monotonic() - started < 5
    job = stored(open_session, job_id)
    assert (job.status, job.error) == ("failed", over_budget_text(0.2))
    assert job.error.startswith("Jobben ble stoppet fordi den brukte mer enn 0,2 sekunder")
    assert test_kinds.given_up == [job_id]


def test_a_silent_job_past_its_budget_is_failed_while_it_runs_and_its_late_result_is_dropped(
    engine, open_session
):
    job_id = queue(open_session, "test.silent")
    assert Worker(engine).drain() == {"failed": 1}
    job = stored(open_session, job_id)
    assert (job.status, job.error, job.result) == ("failed", over_budget_text(0.2), None)
    assert job.finished_at is not None and test_kinds.given_up == [job_id]


def test_a_starting_worker_fails_at_once_the_jobs_of_a_process_of_this_host_that_is_gone(
    engine, open_session
):
    gone, alive, elsewhere = (queue(open_session) for _ in range(3))
    claimed_by(open_session, gone, f"{service.host()}:{gone_pid()}:worker:dead0000")
    claimed_by(open_session, alive, service.identity("worker"))
    claimed_by(open_session, elsewhere, f"another-host/1:{gone_pid()}:worker:else0000")
    Worker(engine).run_next()
    job = stored(open_session, gone)
    assert (job.status, job.error) == ("failed", STOPPED)
    assert test_kinds.given_up == [gone]
    assert [stored(open_session, i).status for i in (alive, elsewhere)] == ["running", "running"]


def test_a_job_queued_for_a_caller_of_a_process_that_is_gone_is_failed_too(engine, open_session):
    session = open_session()
    with session.begin():
        job_id = service.enqueue(session, kind="test.echo", here=True)
    session = open_session()
    with session.begin():
        session.get_one(Job, job_id).claimed_by = f"{service.host()}:{gone_pid()}:here:dead0000"
    assert Worker(engine).drain() == {}
    assert (stored(open_session, job_id).status, stored(open_session, job_id).error) == ("failed", STOPPED)


def test_a_job_queued_for_a_caller_whose_heartbeat_stopped_is_failed(engine, open_session):
    session = open_session()
    with session.begin():
        job_id = service.enqueue(session, kind="test.echo", here=True)
    session = open_session()
    with session.begin():
        session.get_one(Job, job_id).heartbeat_at = datetime.now(UTC) - timedelta(minutes=2)
    assert Worker(engine).drain() == {}
    assert stored(open_session, job_id).status == "failed"
    assert test_kinds.given_up == [job_id]
