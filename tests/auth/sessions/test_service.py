"""Logging in, throttled per account and per address; sessions that end on the server, go idle and expire."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from legetjeneste.auth import passwords
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.models import LoginSession, LoginThrottle, User
from legetjeneste.auth.sessions import rules, service
from legetjeneste.errors import NotAuthenticated, SessionExpired, TooManyAttempts
from tests.concurrency import race
from tests.support import import_demo

PASSWORD = "riktig-passord"
START = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(service, "_now", clock)
    return clock


@pytest.fixture
def demo(session):
    import_demo(session)
    auth_service.add_user(
        session, email="a@vefsn.example", role="doctor", municipality_number="1824", password=PASSWORD
    )
    return session


def fail(session, email="a@vefsn.example", address: str | None = "10.0.0.1") -> type[Exception]:
    try:
        service.log_in(session, email=email, password="feil-passord", client_address=address)
    except (NotAuthenticated, TooManyAttempts) as error:
        return type(error)
    raise AssertionError("a wrong password logged in")


def test_a_wrong_password_and_an_unknown_user_get_the_same_norwegian_answer(demo):
    for email, password in (("a@vefsn.example", "feil-passord"), ("ukjent@vefsn.example", PASSWORD)):
        with pytest.raises(NotAuthenticated) as caught:
            service.log_in(demo, email=email, password=password)
        assert caught.value.message == "Feil e-postadresse eller passord."


def test_the_password_hash_is_checked_whether_the_account_exists_or_not(demo, monkeypatch):
    """The answer takes as long either way: argon2 verifies a dummy hash when there is no usable account."""
    auth_service.add_user(demo, email="uten@vefsn.example", role="doctor", municipality_number="1824")
    auth_service.add_user(
        demo, email="stengt@vefsn.example", role="doctor", municipality_number="1824", password=PASSWORD
    )
    with demo.begin():
        demo.scalar(select(User).where(User.email == "stengt@vefsn.example")).is_active = False
    real, checked = passwords.hasher(), []

    class Spy:
        def hash(self, password):
            return real.hash(password)

        def verify(self, stored_hash, password):
            checked.append(stored_hash)
            return real.verify(stored_hash, password)

    monkeypatch.setattr(passwords, "hasher", Spy)
    for email in ("a@vefsn.example", "ukjent@vefsn.example", "uten@vefsn.example", "stengt@vefsn.example"):
        with pytest.raises(NotAuthenticated):
            service.log_in(demo, email=email, password=PASSWORD if email != "a@vefsn.example" else "feil")
    assert len(checked) == 4 and all(stored.startswith("$argon2id$") for stored in checked)
    assert len({stored.split("$")[3] for stored in checked}) == 1, "the dummy hash has the same parameters"


def test_after_five_failures_the_account_waits_one_second_then_two(demo, clock):
    assert [fail(demo, address=f"10.0.0.{n}") for n in range(5)] == [NotAuthenticated] * 5
    with pytest.raises(TooManyAttempts) as caught:
        service.log_in(demo, email="a@vefsn.example", password=PASSWORD, client_address="10.0.0.9")
    assert caught.value.retry_after == 1 and caught.value.status_code == 429
    assert caught.value.message == "For mange mislykkede innlogginger. Vent 1 sekund og prøv igjen."
    clock.advance(seconds=1)
    assert fail(demo) is NotAuthenticated
    assert fail(demo) is TooManyAttempts
    clock.advance(seconds=1)
    assert fail(demo) is TooManyAttempts
    clock.advance(seconds=1)
    assert service.log_in(demo, email="a@vefsn.example", password=PASSWORD)[0].email == "a@vefsn.example"


def test_a_successful_login_resets_the_accounts_count(demo, clock):
    for _ in range(4):
        fail(demo)
    service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    assert [fail(demo) for _ in range(4)] == [NotAuthenticated] * 4
    with demo.begin():
        account = demo.get(LoginThrottle, rules.digest("email:a@vefsn.example"))
        address = demo.get(LoginThrottle, rules.digest("address:10.0.0.1"))
        assert (account.failures, address.failures) == (4, 8)


def test_one_address_trying_many_accounts_waits_after_twenty_failures(demo, clock):
    assert [fail(demo, f"ukjent{n}@vefsn.example") for n in range(20)] == [NotAuthenticated] * 20
    assert fail(demo, "en-til@vefsn.example") is TooManyAttempts
    assert fail(demo, "en-til@vefsn.example", address="10.0.0.2") is NotAuthenticated


def test_the_throttle_keeps_neither_the_email_nor_the_address_in_clear(demo, clock):
    fail(demo)
    with demo.begin():
        keys = list(demo.scalars(select(LoginThrottle.key_hash)))
    assert len(keys) == 2 and all(len(key) == 64 and "@" not in key and "10.0" not in key for key in keys)


def test_attempts_at_the_same_moment_are_counted_one_after_the_other(engine, open_session, clock):
    """Five attempts get a password check; the other fifteen, made at the same moment, are refused."""
    session = open_session()
    import_demo(session)
    auth_service.add_user(session, email="a@vefsn.example", role="doctor", municipality_number="1824")
    outcomes = race(
        engine,
        lambda racer, client: service.log_in(racer, email="a@vefsn.example", password=f"gjett-{client}"),
        clients=20,
    )
    kinds = sorted(type(outcome.error).__name__ for outcome in outcomes)
    assert kinds == ["NotAuthenticated"] * 5 + ["TooManyAttempts"] * 15


def test_a_session_is_refused_after_logout_so_a_copy_of_its_key_no_longer_works(demo, clock):
    actor, key = service.log_in(demo, email="a@vefsn.example", password=PASSWORD, user_agent="Firefox")
    assert service.resume(demo, key=key) == actor
    service.end(demo, key=key)
    with pytest.raises(SessionExpired) as caught:
        service.resume(demo, key=key)
    assert caught.value.message == "Økten er utløpt. Logg inn på nytt."


def test_a_session_goes_idle_after_two_hours_without_a_request(demo, clock):
    _, key = service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    clock.advance(hours=1, minutes=59)
    service.resume(demo, key=key)
    clock.advance(hours=1, minutes=59)
    service.resume(demo, key=key)
    clock.advance(hours=2)
    with pytest.raises(SessionExpired):
        service.resume(demo, key=key)


def test_a_session_ends_twelve_hours_after_login_however_busy(demo, clock):
    _, key = service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    for _ in range(11):
        clock.advance(hours=1)
        service.resume(demo, key=key)
    clock.advance(minutes=59, seconds=59)
    service.resume(demo, key=key)
    clock.advance(seconds=1)
    with pytest.raises(SessionExpired):
        service.resume(demo, key=key)


def test_only_the_keys_hash_is_stored_and_last_seen_is_written_at_most_once_a_minute(demo, clock):
    _, key = service.log_in(demo, email="a@vefsn.example", password=PASSWORD, client_address="10.1.2.3")
    clock.advance(seconds=30)
    service.resume(demo, key=key)
    with demo.begin():
        row = demo.scalar(select(LoginSession))
        assert key not in row.key_hash and row.client_address == "10.1.2.3"
        assert row.last_seen_at.replace(tzinfo=UTC) == START
    clock.advance(seconds=30)
    service.resume(demo, key=key)
    with demo.begin():
        assert demo.scalar(select(LoginSession.last_seen_at)).replace(tzinfo=UTC) == START + timedelta(
            minutes=1
        )


def test_a_login_forgets_the_users_sessions_that_have_ended(demo, clock):
    _, first = service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    service.end(demo, key=first)
    service.log_in(demo, email="a@vefsn.example", password=PASSWORD)
    with demo.begin():
        assert list(demo.scalars(select(LoginSession.ended_at))) == [None]
