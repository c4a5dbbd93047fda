"""When a browser session is alive, and how long a login waits after failures: pure, no database."""

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

EXPIRED = "Økten er utløpt. Logg inn på nytt."
WRONG_LOGIN = "Feil e-postadresse eller passord."
#: last_seen_at is written at most this often, so that reading a page is not a write every time.
TOUCH_EVERY = timedelta(minutes=1)


def utc(moment: datetime) -> datetime:
    """SQLite gives back the stored UTC time without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def new_key() -> str:
    """The session key in the cookie: 256 random bits."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the database keeps of a session key or a throttled address: its SHA-256."""
    return hashlib.sha256(secret.encode()).hexdigest()


def citizen_email(citizen_id: int) -> str:
    """The (undeliverable, RFC 2606) address that names a citizen's user row: unique, and never one a staff
    member could hold, so a citizen's login never takes over a staff account."""
    return f"innbygger-{citizen_id}@innbygger.invalid"


def is_alive(
    *, last_seen_at: datetime, expires_at: datetime, ended_at: datetime | None, now: datetime, idle: timedelta
) -> bool:
    """Not ended, within its lifetime, and used within the idle time."""
    return ended_at is None and now < utc(expires_at) and now - utc(last_seen_at) < idle


def needs_touch(last_seen_at: datetime | None, now: datetime) -> bool:
    return last_seen_at is None or now - utc(last_seen_at) >= TOUCH_EVERY


@dataclass(frozen=True)
class Limits:
    free_failures: int
    max_delay_seconds: int
    forgotten_after: timedelta


def delay_seconds(failures: int, *, free_failures: int, max_delay_seconds: int) -> int:
    """The wait after `failures` failed logins in a row: none before `free_failures`, then 1 s, 2 s, 4 s …
    doubling up to `max_delay_seconds`."""
    if failures < free_failures:
        return 0
    doublings = min(failures - free_failures, 40)  # 2**40 s is past any cap; the bound keeps the number small
    return min(2**doublings, max_delay_seconds)


@dataclass(frozen=True)
class Attempt:
    """An attempt's verdict: refused for `retry_after` seconds, or allowed with the counter to store."""

    allowed: bool
    failures: int
    blocked_until: datetime | None
    retry_after: int = 0


def attempt(
    *,
    failures: int,
    last_attempt_at: datetime | None,
    blocked_until: datetime | None,
    now: datetime,
    limits: Limits,
) -> Attempt:
    """A login attempt counts as a failure until it succeeds, so that attempts made at the same moment are
    counted one after the other; a success forgets the account's count. A blocked key refuses the attempt
    without counting it. Failures are forgotten after `limits.forgotten_after` without an attempt."""
    if blocked_until is not None and utc(blocked_until) > now:
        wait = math.ceil((utc(blocked_until) - now).total_seconds())
        return Attempt(False, failures, blocked_until, retry_after=max(wait, 1))
    if last_attempt_at is not None and now - utc(last_attempt_at) > limits.forgotten_after:
        failures = 0
    counted = failures + 1
    delay = delay_seconds(
        counted, free_failures=limits.free_failures, max_delay_seconds=limits.max_delay_seconds
    )
    return Attempt(True, counted, now + timedelta(seconds=delay) if delay else None)


def wait_in_words(seconds: int) -> str:
    if seconds < 60:
        return "1 sekund" if seconds == 1 else f"{seconds} sekunder"
    minutes = math.ceil(seconds / 60)
    return "1 minutt" if minutes == 1 else f"{minutes} minutter"


def throttled_message(seconds: int) -> str:
    return f"For mange mislykkede innlogginger. Vent {wait_in_words(seconds)} og prøv igjen."
