"""When a running job counts as alive, and how a failure is told."""

from datetime import UTC, datetime, timedelta

from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.jobs.rules import STALE_AFTER, error_text, is_alive

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
