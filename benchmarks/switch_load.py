"""Issue 17's bounded load test of a citizen's GP switch on PostgreSQL, not bound by one process's GIL.

Each client is its own process with its own engine and session (spawned, so nothing is shared): it
switches random citizens to random open lists, either through the service (`switching.service.switch`)
or through the real API endpoint (`POST /api/v1/citizens/{id}/switch`) of uvicorn on loopback with a few
workers. Bounded: `total` switches shared among the clients, or fewer when `seconds` runs out first. Each
client first makes `WARM_UP` switches that are not measured; then all start together at a barrier, and
the sustained rate is the switches done over the wall time from the barrier to the last client's end. A
refused switch (the third in a year, a full list: CIT-SWITCH) is answered and timed like any other;
errors are counted apart. The clients' CPU is theirs only while measured (the server's is not in it).
"""

import http.client
import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from common import summary_ms
from sqlalchemy import event, text

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens.switching import service as switching
from legetjeneste.citizens.switching.rules import effective_date
from legetjeneste.db import make_engine, session_factory
from legetjeneste.errors import DomainError

SRC = Path(__file__).resolve().parents[1] / "src"


def _work(url: str, day: date) -> tuple[int, list[int]]:
    """The highest citizen id and the open lists with room for at least `ROOM` more on the 1st a switch
    on `day` takes effect (AGR-OPEN, from the kept lengths), so that most switches are made, not refused."""
    engine = make_engine(url)
    with engine.connect() as connection:
        top = connection.execute(text("SELECT max(id) FROM citizen")).scalar_one()
        lists = connection.execute(
            text(
                "SELECT a.id FROM agreement a WHERE a.list_status = 'open' AND a.listetak - coalesce(("
                "SELECT sum(k.delta) FROM list_length_change k WHERE k.agreement_id = a.id AND k.day <= :on"
                "), 0) >= :room ORDER BY a.id"
            ),
            {"on": effective_date(day), "room": ROOM},
        )
        open_lists = list(lists.scalars())
    engine.dispose()
    return top, open_lists


ROOM = 100


def _service_client(url, seed, count, seconds, top, open_lists, day, barrier, results) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    factory = session_factory(engine)
    statements = [0]
    event.listen(engine, "before_cursor_execute", lambda *_: statements.__setitem__(0, statements[0] + 1))
    pick = random.Random(seed)
    refused, errors = 0, 0

    def one() -> None:
        nonlocal refused, errors
        citizen, target = pick.randint(1, top), pick.choice(open_lists)
        try:
            with factory() as session:
                switching.switch(session, actor=SYSTEM, citizen_id=citizen, agreement_id=target, on=day)
        except DomainError:
            refused += 1
        except Exception:  # noqa: BLE001 — counted, the run goes on
            errors += 1

    def reset() -> None:
        nonlocal refused, errors
        refused, errors, statements[0] = 0, 0, 0

    timings, started, cpu = _measured(one, reset, count, seconds, barrier)
    results.put(_result(timings, refused, errors, started, statements[0], cpu))
    engine.dispose()


def _http_client(port, token, seed, count, seconds, top, open_lists, day, barrier, results) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    pick = random.Random(seed)
    refused, errors = 0, 0

    def one() -> None:
        nonlocal refused, errors
        citizen, target = pick.randint(1, top), pick.choice(open_lists)
        body = json.dumps({"agreement_id": target, "on": str(day)})
        connection.request("POST", f"/api/v1/citizens/{citizen}/switch", body=body, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status in (404, 422):  # NotFound, RuleViolation: refused with the rule
            refused += 1
        elif response.status != 200:
            errors += 1
            if errors <= 3:
                print(f"HTTP {response.status}: {body[:200]!r}", file=sys.stderr)

    def reset() -> None:
        nonlocal refused, errors
        refused, errors = 0, 0

    timings, started, cpu = _measured(one, reset, count, seconds, barrier)
    results.put(_result(timings, refused, errors, started, 0, cpu))


def _measured(one, reset, count, seconds, barrier) -> tuple[list[float], float, float]:
    """`WARM_UP` calls of `one` that are not measured, `reset` of the client's counters, then from the barrier
    up to `count` timed calls (fewer once `seconds` have passed): the timings, the wall start, CPU used."""
    for _ in range(WARM_UP):
        one()
    reset()
    barrier.wait()
    timings: list[float] = []
    started, cpu = time.time(), _cpu()
    deadline = time.perf_counter() + seconds if seconds else None
    for _ in range(count):
        if deadline is not None and time.perf_counter() > deadline:
            break
        begun = time.perf_counter()
        one()
        timings.append(time.perf_counter() - begun)
    return timings, started, _cpu() - cpu


WARM_UP = 5  # switches per client before the start, not measured: connections, caches, prepared statements


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def _result(timings, refused, errors, started, statements, cpu) -> dict:
    return {
        "timings": timings,
        "refused": refused,
        "errors": errors,
        "started": started,
        "ended": time.time(),
        "statements": statements,
        "cpu": cpu,
    }


def _run(target, arguments, clients: int, total: int, seconds: float | None, url: str) -> dict:
    top, open_lists = _work(url, DAY)
    # Fresh citizens each run: the same ones again would meet CIT-SWITCH's limit of switches in a year.
    base = random.SystemRandom().randrange(1 << 30)
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(clients), context.Queue()
    per_client = -(-total // clients)
    processes = [
        context.Process(
            target=target,
            args=(*arguments, seed, per_client, seconds, top, open_lists, DAY, barrier, results),
        )
        for seed in range(base, base + clients)
    ]
    for process in processes:
        process.start()
    found = [results.get() for _ in processes]
    for process in processes:
        process.join()
    timings = [t for r in found for t in r["timings"]]
    wall = max(r["ended"] for r in found) - min(r["started"] for r in found)
    done = len(timings)
    return {
        "clients": clients,
        "target_lists": len(open_lists),
        **summary_ms(timings),
        "done": done,
        "per_second": done / wall,
        "wall_seconds": wall,
        "refused": sum(r["refused"] for r in found),
        "errors": sum(r["errors"] for r in found),
        "statements_per_switch": sum(r["statements"] for r in found) / max(done, 1),
        "client_cpu_ms_per_switch": 1000 * sum(r["cpu"] for r in found) / max(done, 1),
    }


DAY = date(2027, 3, 10)  # requests are made on this day; they take effect 1 April 2027


def service_load(url: str, *, clients: int, total: int, seconds: float | None = None) -> dict:
    """`total` switches through the service by `clients` processes at once (or fewer when `seconds` ends)."""
    return _run(_service_client, (url,), clients, total, seconds, url)


def http_load(url: str, *, clients: int, total: int, workers: int, seconds: float | None = None) -> dict:
    """`total` switches through the API endpoint by `clients` processes against uvicorn with `workers`
    worker processes on loopback; the server's CPU time is not in the clients' figure."""
    engine = make_engine(url)
    with session_factory(engine)() as session:
        email = f"bench-{os.getpid()}-{time.time_ns()}@bench.example"
        _, token = auth_service.add_user(
            session, email=email, role="admin", municipality_number=None, with_token=True
        )
    engine.dispose()
    port = 8700 + os.getpid() % 200
    environment = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "LEGETJENESTE_DATABASE_URL": url,
        "LEGETJENESTE_SECRET_KEY": "bench-secret",
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "legetjeneste.main:create_app"]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, env=environment)
    try:
        _wait_for(port)
        result = _run(_http_client, (port, token), clients, total, seconds, url)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"workers": workers, **result}


def _wait_for(port: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/v1/openapi.json")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"uvicorn on port {port} did not answer in {seconds:.0f} s")
