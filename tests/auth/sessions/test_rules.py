"""How long a session lives and how long a login waits after failures: pure rules."""

from datetime import UTC, datetime, timedelta

import pytest

from legetjeneste.auth.sessions import rules

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
LIMITS = rules.Limits(free_failures=5, max_delay_seconds=300, forgotten_after=HOUR)


def alive(**changes) -> bool:
    facts = {
        "last_seen_at": NOW - timedelta(minutes=10),
        "expires_at": NOW + HOUR,
        "ended_at": None,
        "now": NOW,
        "idle": 2 * HOUR,
    } | changes
    return rules.is_alive(**facts)


def test_a_session_lives_until_it_ends_goes_idle_or_reaches_its_lifetime():
    assert alive()
    assert not alive(ended_at=NOW - timedelta(seconds=1))
    assert not alive(last_seen_at=NOW - 2 * HOUR)
    assert alive(last_seen_at=NOW - 2 * HOUR + timedelta(seconds=1))
    assert not alive(expires_at=NOW)


def test_sqlites_times_without_a_zone_are_read_as_utc():
    assert alive(last_seen_at=(NOW - timedelta(minutes=10)).replace(tzinfo=None))


@pytest.mark.parametrize(
    ("failures", "seconds"), [(1, 0), (4, 0), (5, 1), (6, 2), (7, 4), (13, 256), (14, 300), (500, 300)]
)
def test_after_five_failures_the_wait_doubles_from_one_second_up_to_five_minutes(failures, seconds):
    assert rules.delay_seconds(failures, free_failures=5, max_delay_seconds=300) == seconds


def test_an_attempt_is_counted_before_the_password_is_checked_and_may_block_the_next():
    first = rules.attempt(failures=0, last_attempt_at=None, blocked_until=None, now=NOW, limits=LIMITS)
    assert (first.allowed, first.failures, first.blocked_until) == (True, 1, None)
    fifth = rules.attempt(failures=4, last_attempt_at=NOW, blocked_until=None, now=NOW, limits=LIMITS)
    assert (fifth.allowed, fifth.failures, fifth.blocked_until) == (True, 5, NOW + timedelta(seconds=1))


def test_a_blocked_key_is_refused_without_counting_and_told_how_long_to_wait():
    blocked = NOW + timedelta(seconds=3.2)
    verdict = rules.attempt(failures=6, last_attempt_at=NOW, blocked_until=blocked, now=NOW, limits=LIMITS)
    assert (verdict.allowed, verdict.failures, verdict.retry_after) == (False, 6, 4)


def test_failures_are_forgotten_after_an_hour_without_an_attempt():
    long_ago = NOW - HOUR - timedelta(seconds=1)
    verdict = rules.attempt(failures=9, last_attempt_at=long_ago, blocked_until=None, now=NOW, limits=LIMITS)
    assert (verdict.failures, verdict.blocked_until) == (1, None)


def test_the_wait_is_said_in_seconds_or_whole_minutes():
    assert rules.throttled_message(1) == "For mange mislykkede innlogginger. Vent 1 sekund og prøv igjen."
    assert rules.wait_in_words(16) == "16 sekunder"
    assert rules.wait_in_words(61) == "2 minutter" and rules.wait_in_words(60) == "1 minutt"
