"""Races for the invariant tests: many clients, each with a connection of its own, start one use case at
the same moment; the test then looks at what each got and what the database holds.

    outcomes = race(engine, lambda session, client: service.approve(session, ...), clients=50)
    assert [o.error for o in outcomes if o.error].count(...) == 49

On PostgreSQL the clients are real concurrent connections (one pool of `clients` connections). Only one
race runs at a time on the server, whichever pytest-xdist worker holds it, so 50 clients fit within the
server's 100 connections beside the other workers' tests.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from legetjeneste.db import make_engine, session_factory

CLIENTS = 50
TIMEOUT_SECONDS = 60
RACE_LOCK = 715_011  # pg_advisory_lock key: one race at a time on the server


@dataclass
class Outcome:
    client: int
    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@contextmanager
def _clients_engine(engine: Engine, clients: int) -> Iterator[Engine]:
    url = engine.url.render_as_string(hide_password=False)
    pool = {"pool_size": clients, "max_overflow": 0, "pool_timeout": TIMEOUT_SECONDS}
    if engine.dialect.name != "postgresql":
        racing = make_engine(url, **pool)
        yield racing
        racing.dispose()
        return
    # An advisory lock belongs to one database and every pytest run has a database of its own, so the lock
    # is taken in the server's maintenance database: one race at a time on the whole server.
    server = make_engine(engine.url.set(database="postgres").render_as_string(hide_password=False))
    with server.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": RACE_LOCK})
        try:
            racing = make_engine(url, **pool)
            yield racing
            racing.dispose()
        finally:
            holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": RACE_LOCK})
            holder.commit()
    server.dispose()


def race(
    engine: Engine,
    action: Callable[[Session, int], Any],
    *,
    clients: int = CLIENTS,
    timeout: float = TIMEOUT_SECONDS,
) -> list[Outcome]:
    """Run `action(session, client)` in `clients` threads released together; every outcome, by client.

    Each client has its own session; an exception is its outcome, not the test's failure. A client that
    does not finish within `timeout` seconds fails the test (a deadlock is a defect too).
    """
    outcomes = [Outcome(client) for client in range(clients)]
    with _clients_engine(engine, clients) as racing:
        factory = session_factory(racing)
        start = threading.Barrier(clients)

        def client(number: int) -> None:
            with factory() as session:
                started = False
                try:
                    # Every client has its connection before any starts, so the start is the same moment;
                    # a client that gets none breaks the barrier, so the others fail instead of waiting. A
                    # client refused after the start leaves it alone: the slowest may still be leaving it.
                    session.connection()
                    session.rollback()
                    start.wait(timeout)
                    started = True
                    outcomes[number].value = action(session, number)
                except BaseException as error:  # noqa: BLE001 - the outcome is what the test asserts on
                    if not started:
                        start.abort()
                    outcomes[number].error = error

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout)
        stuck = [n for n, thread in enumerate(threads) if thread.is_alive()]
        assert not stuck, f"clients {stuck} did not finish within {timeout} s"
    return outcomes


def errors(outcomes: list[Outcome]) -> list[BaseException]:
    return [o.error for o in outcomes if o.error is not None]


def values(outcomes: list[Outcome]) -> list[Any]:
    return [o.value for o in outcomes if o.error is None]
