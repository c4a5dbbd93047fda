"""A job queued with `not_before` (an e-mail's next attempt) starts no earlier than that, and does not hold
up the jobs queued after it."""

from datetime import UTC, datetime, timedelta

from legetjeneste.jobs import service
from legetjeneste.jobs.models import Job
from legetjeneste.jobs.worker import Worker


def queue(open_session, *, not_before: datetime | None = None) -> int:
    session = open_session()
    with session.begin():
        return service.enqueue(session, kind="test.echo", not_before=not_before)


def status(open_session, job_id: int) -> str:
    with open_session() as session:
        return session.get(Job, job_id).status


def test_a_job_for_later_waits_while_a_job_queued_after_it_runs(engine, open_session):
    later = queue(open_session, not_before=datetime.now(UTC) + timedelta(hours=1))
    now = queue(open_session)
    assert Worker(engine).drain() == {"done": 1}
    assert (status(open_session, later), status(open_session, now)) == ("queued", "done")


def test_a_job_whose_time_has_come_runs(engine, open_session):
    due = queue(open_session, not_before=datetime.now(UTC) - timedelta(seconds=1))
    assert Worker(engine).drain() == {"done": 1}
    assert status(open_session, due) == "done"


def test_is_queued_by_sees_a_waiting_job_only_from_its_time_on(open_session):
    at = datetime.now(UTC) + timedelta(minutes=5)
    queue(open_session, not_before=at)
    session = open_session()
    with session.begin():
        assert not service.is_queued_by(session, kind="test.echo", at=at - timedelta(seconds=1))
        assert service.is_queued_by(session, kind="test.echo", at=at)
        assert not service.is_queued_by(session, kind="other.kind", at=at)
