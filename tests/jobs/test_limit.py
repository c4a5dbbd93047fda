"""JOBS-LIMIT on SQLite and PostgreSQL: no more jobs run at once in all processes together than
LEGETJENESTE_JOBS_MAX_RUNNING, claims are counted in the database, jobs start in the order they were queued,
and a caller that runs its job here waits for its turn in the same queue (or, the API, does not wait)."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from legetjeneste.db import write_transaction
from legetjeneste.jobs import queries, service
from legetjeneste.jobs.models import Job
from legetjeneste.jobs.rules import STOPPED
from legetjeneste.jobs.worker import Worker, run_here
from legetjeneste.settings import get_settings
from tests.concurrency import errors, race
from tests.jobs import kinds as test_kinds

KINDS = ["test.echo", "test.hold"]


@pytest.fixture
def limit(monkeypatch):
    """Set LEGETJENESTE_JOBS_MAX_RUNNING for the test."""
    return lambda most: monkeypatch.setattr(get_settings(), "jobs_max_running", most)


def queue(open_session, kind: str = "test.echo", *, here: bool = False) -> int:
    session = open_session()
    with session.begin():
        return service.enqueue(session, kind=kind, here=here)


def stored(open_session, job_id: int) -> Job:
    """The job as stored now; the session is closed at once, so polling holds no connection from the pool."""
    session = open_session()
    found = session.get(Job, job_id)
    assert found is not None
    session.expunge(found)
    session.close()
    return found


def claim(open_session, worker: str):
    return service.claim(open_session(), worker=worker, kinds=KINDS)


def until(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def holding(engine, open_session) -> threading.Thread:
    """A worker in a thread that runs a `test.hold` job until the test sets test_kinds.release."""
    held = queue(open_session, "test.hold")
    worker = threading.Thread(target=Worker(engine).drain, daemon=True)
    worker.start()
    until(lambda: stored(open_session, held).status == "running")
    return worker


def test_a_job_is_claimed_only_while_fewer_than_the_limit_run(open_session, limit):
    limit(2)
    first, second, third = (queue(open_session) for _ in range(3))
    assert [claim(open_session, "a").id, claim(open_session, "b").id] == [first, second]
    assert claim(open_session, "c") is None
    assert service.end(open_session(), job_id=first, worker="a", result={})
    assert claim(open_session, "c").id == third


def test_a_running_job_whose_worker_died_holds_no_place(open_session, limit):
    limit(1)
    dead, waiting = queue(open_session), queue(open_session)
    claim(open_session, "dead")
    session = open_session()
    with session.begin():
        session.get_one(Job, dead).heartbeat_at = datetime.now(UTC) - timedelta(minutes=2)
    assert claim(open_session, "b").id == waiting


def test_a_claim_waits_for_a_claim_in_flight_and_then_counts_its_job(engine, open_session, limit):
    limit(1)
    queue(open_session), queue(open_session)
    holder = open_session()
    found: list = []
    with write_transaction(holder):
        queries.lock_claims(holder)
        queries.claim(holder, job_id=1, worker="a", now=datetime.now(UTC))
        other = threading.Thread(target=lambda: found.append(claim(open_session, "b")))
        other.start()
        other.join(0.5)
        assert other.is_alive(), "the second claim must wait for the first to commit"
    other.join(10)
    assert found == [None]


def test_jobs_start_in_their_order_and_a_worker_leaves_the_job_a_caller_waits_for(
    engine, open_session, limit
):
    limit(1)
    waited_for, later = queue(open_session, here=True), queue(open_session)
    assert Worker(engine).drain() == {}
    limit(2)
    assert Worker(engine).drain() == {"done": 1}
    assert [stored(open_session, i).status for i in (waited_for, later)] == ["queued", "done"]


def test_a_caller_that_runs_its_job_here_waits_for_its_turn_told_its_place(engine, open_session, limit):
    limit(1)
    worker = holding(engine, open_session)
    queue(open_session)
    job_id = queue(open_session, here=True)
    told: list[str] = []
    ended: list[str] = []
    caller = threading.Thread(
        target=lambda: ended.append(
            run_here(engine, job_id=job_id, on_progress=lambda _: None, on_wait=told.append)
        )
    )
    caller.start()
    until(lambda: told)
    assert told[0] == "I kø – 1 jobb før denne" and stored(open_session, job_id).status == "queued"
    test_kinds.release.set()
    caller.join(20)
    worker.join(20)
    assert ended == ["done"]
    assert stored(open_session, job_id).claimed_by.split(":")[2] == "here"


def test_without_a_free_place_the_apis_wait_answers_at_once_leaving_the_job_to_the_workers(
    engine, open_session, limit
):
    limit(1)
    worker = holding(engine, open_session)
    job_id = queue(open_session, here=True)
    started = time.monotonic()
    assert run_here(engine, job_id=job_id) == "queued"
    assert time.monotonic() - started < 2
    job = stored(open_session, job_id)
    assert (job.status, job.claimed_by) == ("queued", None)
    test_kinds.release.set()
    # The holding worker or the one run_here woke takes the job, whichever comes first.
    until(lambda: stored(open_session, job_id).status == "done")
    worker.join(20)


def test_a_caller_stopped_while_it_waits_gives_its_job_up(engine, open_session, limit):
    limit(1)
    worker = holding(engine, open_session)
    job_id = queue(open_session, here=True)

    def interrupted(_text: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_here(engine, job_id=job_id, on_progress=lambda _: None, on_wait=interrupted)
    job = stored(open_session, job_id)
    assert (job.status, job.error) == ("failed", STOPPED) and test_kinds.given_up == [job_id]
    test_kinds.release.set()
    worker.join(20)


def test_fifty_clients_claiming_ten_jobs_never_run_more_than_the_limit_and_each_job_once(
    engine, open_session, limit
):
    limit(2)
    queued = [queue(open_session) for _ in range(10)]
    lock = threading.Lock()
    running, most = [0], [0]

    def work(session, client: int) -> list[int]:
        worker, taken = f"client-{client}", []
        while True:
            job = service.claim(session, worker=worker, kinds=KINDS)
            if job is None:
                with session.begin():
                    left = session.scalar(select(func.count()).where(Job.status == "queued"))
                if not left:
                    return taken
                time.sleep(0.01)
                continue
            with lock:  # counted after the claim committed and until before the end commits
                running[0] += 1
                most[0] = max(most[0], running[0])
            taken.append(job.id)
            time.sleep(0.05)
            with lock:
                running[0] -= 1
            assert service.end(session, job_id=job.id, worker=worker, result={})

    outcomes = race(engine, work, clients=50)
    assert errors(outcomes) == []
    assert sorted(i for o in outcomes for i in o.value) == queued
    assert most[0] == 2
    found = open_session().scalars(select(Job)).all()
    assert {(job.status, job.attempts) for job in found} == {("done", 1)}
