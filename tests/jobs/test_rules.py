"""When a job counts as alive or pending, when it may start (JOBS-LIMIT), whose claimer is gone, and how
a failure, a wait and a stop past the budget are told."""

from datetime import UTC, datetime, timedelta

from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.jobs.rules import (
    STALE_AFTER,
    error_text,
    holder,
    is_alive,
    is_gone,
    is_pending,
    may_start,
    next_to_start,
    over_budget_text,
    queue_text,
)

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def test_a_running_job_is_alive_until_its_heartbeat_is_older_than_stale_after():
    assert is_alive(status="running", heartbeat_at=NOW - STALE_AFTER, now=NOW)
    assert not is_alive(status="running", heartbeat_at=NOW - STALE_AFTER - timedelta(seconds=1), now=NOW)


def test_a_job_that_is_not_running_or_never_beat_is_not_alive():
    assert not is_alive(status="done", heartbeat_at=NOW, now=NOW)
    assert not is_alive(status="running", heartbeat_at=None, now=NOW)


def test_a_failure_is_told_in_our_own_words_with_the_rule_and_every_problem():
    assert error_text(DomainError("For kort hvile", rule_id="LV-REST")) == "For kort hvile (LV-REST)"
    invalid = ValidationFailed([Problem("from", "mangler")])
    assert error_text(invalid) == "Inndataene har 1 feil: from: mangler"
    assert error_text(KeyError("x")) == "Uventet feil (KeyError: 'x')"


def test_a_job_may_start_only_below_the_limit_and_when_no_more_wait_before_it_than_places_are_free():
    head = [(1, False), (2, True), (3, False)]
    assert may_start(job_id=2, head=head, running=0, limit=2)
    assert not may_start(job_id=2, head=head, running=1, limit=2)
    assert not may_start(job_id=1, head=head, running=2, limit=2)
    assert not may_start(job_id=3, head=head, running=0, limit=2)


def test_a_worker_starts_the_oldest_job_within_the_free_places_that_no_caller_waits_for():
    head = [(1, True), (2, False), (3, False)]
    assert next_to_start(head=head, running=0, limit=2) == 2
    assert next_to_start(head=head, running=1, limit=2) is None
    assert next_to_start(head=head, running=3, limit=2) is None
    assert next_to_start(head=[], running=0, limit=2) is None


def test_the_waiting_caller_is_told_how_many_jobs_wait_before_it():
    assert queue_text(2) == "I kø – 2 jobber før denne"
    assert queue_text(1) == "I kø – 1 jobb før denne"
    assert queue_text(0).startswith("I kø – ingen jobber før denne")


def test_a_claimer_is_gone_only_when_it_is_a_process_of_this_host_that_no_longer_exists():
    def exists(pid: int) -> bool:
        return pid == 7

    assert holder("host/1:42:worker:abc") == ("host/1", 42)
    assert holder("gone") is None and holder(None) is None
    assert is_gone("host/1:42:worker:abc", host="host/1", process_exists=exists)
    assert not is_gone("host/1:7:worker:abc", host="host/1", process_exists=exists)
    assert not is_gone("other/1:42:worker:abc", host="host/1", process_exists=exists)
    assert not is_gone("host/2:42:worker:abc", host="host/1", process_exists=exists)


def test_a_queued_job_is_pending_unless_the_caller_waiting_for_it_stopped_beating():
    stale = NOW - STALE_AFTER - timedelta(seconds=1)
    assert is_pending(status="queued", claimed_by=None, heartbeat_at=None, now=NOW)
    assert is_pending(status="queued", claimed_by="a:1:here:x", heartbeat_at=NOW, now=NOW)
    assert not is_pending(status="queued", claimed_by="a:1:here:x", heartbeat_at=stale, now=NOW)
    assert not is_pending(status="running", claimed_by="a:1:w:x", heartbeat_at=stale, now=NOW)
    assert not is_pending(status="failed", claimed_by=None, heartbeat_at=NOW, now=NOW)


def test_a_job_past_its_budget_is_told_the_seconds_it_had_in_norwegian():
    assert over_budget_text(70).startswith("Jobben ble stoppet fordi den brukte mer enn 70 sekunder")
    assert "0,5 sekunder" in over_budget_text(0.5)
