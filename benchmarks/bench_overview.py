"""Benchmark: the overview page of a municipality with 600 agreements (Oslo's size) in under 200 ms.

The municipality is the first 600 lists of NAV's 2011 list (national_file.py), imported into a freshly
migrated database. A kommuneoverlege logs in through /logg-inn of the real app, and GET /kommuner/<nr>
is timed through Starlette's TestClient after a warm-up; the service call `registry.service.overview`
is timed alone too, each call in a new session as a request has. Full garbage collections during the
timed requests are counted; with --gc-freeze the objects alive after start-up are frozen first
(gc.freeze()), to show what that would change.

    .venv/bin/python benchmarks/bench_overview.py [--backend sqlite|postgresql|all] [--requests 30]
                                                  [--gc-freeze] [--json]
"""

import argparse
import gc
import json
import os
import re
import statistics
from time import perf_counter, process_time

import national_file
from common import (
    BACKENDS,
    Unavailable,
    fresh_database,
    full_collections,
    markdown_table,
    run_in_child,
    summary_ms,
)
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.db import session_factory
from legetjeneste.main import create_app
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry import service

TARGET_MS = 200.0
AGREEMENTS = 600
NUMBER = "9998"
NAME = "Oslo-størrelse (syntetisk)"
EMAIL = "kommuneoverlege@benchmark.example"
PASSWORD = "benchmark-passord"
WARM_UP = 5


def prepare(engine: Engine) -> Actor:
    """Import the 600-agreement municipality and add its kommuneoverlege; returns that user as an actor."""
    document = national_file.build_municipality_file(rows=AGREEMENTS, number=NUMBER, name=NAME)
    with session_factory(engine)() as session:
        file_service.import_municipality_file(session, actor=SYSTEM, document=document)
    with session_factory(engine)() as session:
        user, _ = auth_service.add_user(
            session, email=EMAIL, role="kommuneoverlege", municipality_number=NUMBER, password=PASSWORD
        )
        return auth_service.actor_of(user)


def logged_in_client(engine: Engine) -> TestClient:
    client = TestClient(create_app(engine=engine, secret_key="bench"))
    form = client.get("/logg-inn")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    if token is None:
        raise AssertionError("the login form has no csrf_token")
    login = {"email": EMAIL, "password": PASSWORD, "csrf_token": token.group(1), "neste": "/"}
    answer = client.post("/logg-inn", data=login, follow_redirects=False)
    if answer.status_code != 303:
        raise AssertionError(f"login answered {answer.status_code}")
    return client


def time_page(client: TestClient, requests: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each timed request (the app runs in a thread of this process)."""
    wall, cpu = [], []
    for n in range(WARM_UP + requests):
        start, start_cpu = perf_counter(), process_time()
        answer = client.get(f"/kommuner/{NUMBER}")
        elapsed, elapsed_cpu = perf_counter() - start, process_time() - start_cpu
        if answer.status_code != 200 or "GP-0001" not in answer.text:
            raise AssertionError(f"GET /kommuner/{NUMBER} answered {answer.status_code}")
        if n >= WARM_UP:
            wall.append(elapsed)
            cpu.append(elapsed_cpu)
    return wall, cpu


def time_service(engine: Engine, actor: Actor, requests: int) -> tuple[list[float], list[float]]:
    factory, wall, cpu = session_factory(engine), [], []
    for n in range(WARM_UP + requests):
        with factory() as session:
            start, start_cpu = perf_counter(), process_time()
            data = service.overview(session, actor=actor, municipality_number=NUMBER)
            elapsed, elapsed_cpu = perf_counter() - start, process_time() - start_cpu
        if len(data["agreements"]) != AGREEMENTS:
            raise AssertionError(f"the overview has {len(data['agreements'])} agreements, not {AGREEMENTS}")
        if n >= WARM_UP:
            wall.append(elapsed)
            cpu.append(elapsed_cpu)
    return wall, cpu


def run(backend: str, requests: int = 30, *, freeze: bool = False) -> dict:
    with fresh_database(backend) as engine:
        actor = prepare(engine)
        load_before = os.getloadavg()[0]
        with logged_in_client(engine) as client:
            if freeze:
                gc.collect()
                gc.freeze()
            with full_collections() as pauses:
                page, page_cpu = time_page(client, requests)
            size = len(client.get(f"/kommuner/{NUMBER}").content)
        alone, alone_cpu = time_service(engine, actor, requests)
        gc.unfreeze()
    return {
        "backend": backend + (" + gc.freeze()" if freeze else ""),
        "requests": requests,
        "page": summary_ms(page),
        "page_cpu": summary_ms(page_cpu),
        "service": summary_ms(alone),
        "service_cpu": summary_ms(alone_cpu),
        "page_kib": size / 1024,
        "full_gc": {"count": len(pauses), "median_ms": 1000 * statistics.median(pauses) if pauses else 0.0},
        "load_average": [load_before, os.getloadavg()[0]],
    }


def run_or_skip(backend: str, requests: int, *, freeze: bool) -> dict:
    try:
        return run(backend, requests, freeze=freeze)
    except Unavailable as reason:
        return {"backend": backend, "skipped": str(reason)}


def measure(backends: tuple[str, ...] = BACKENDS, requests: int = 30, *, freeze: bool = False) -> list[dict]:
    """Each backend in a child process: a full garbage collection costs in proportion to the whole heap."""
    options = ["--requests", str(requests), *(["--gc-freeze"] if freeze else [])]
    return [run_in_child(__file__, ["--backend", backend, *options]) for backend in backends]


def table(results: list[dict]) -> str:
    header = [
        "backend",
        "page median",
        "page p95",
        "page CPU median",
        "full GCs",
        "service median",
        "service p95",
        "service CPU median",
        "load avg",
        f"p95 < {TARGET_MS:.0f} ms",
    ]
    rows = []
    for result in results:
        if "skipped" in result:
            rows.append([result["backend"], result["skipped"], *[""] * (len(header) - 2)])
            continue
        page, alone = result["page"], result["service"]
        rows.append(
            [
                result["backend"],
                f"{page['median_ms']:.0f} ms",
                f"{page['p95_ms']:.0f} ms",
                f"{result['page_cpu']['median_ms']:.0f} ms",
                f"{result['full_gc']['count']} × {result['full_gc']['median_ms']:.0f} ms",
                f"{alone['median_ms']:.0f} ms",
                f"{alone['p95_ms']:.0f} ms",
                f"{result['service_cpu']['median_ms']:.0f} ms",
                "–".join(f"{load:.1f}" for load in result["load_average"]),
                "yes" if page["p95_ms"] < TARGET_MS else "**no**",
            ]
        )
    return markdown_table(header, rows)


def summary(results: list[dict], requests: int) -> str:
    sizes = sorted({f"{result['page_kib']:.0f} KiB" for result in results if "page_kib" in result})
    return (
        f"{AGREEMENTS} agreements; {WARM_UP} warm-up requests, then {requests} timed; "
        f"page size {', '.join(sizes)}."
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time the overview page of a 600-agreement municipality.")
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after start-up (a diagnosis)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    if args.backend == "all":
        results = measure(BACKENDS, args.requests, freeze=args.gc_freeze)
    else:
        results = [run_or_skip(args.backend, args.requests, freeze=args.gc_freeze)]
    if args.json:
        print(json.dumps(results if args.backend == "all" else results[0], ensure_ascii=False))
    else:
        print(table(results))
        print("\n" + summary(results, args.requests))


if __name__ == "__main__":
    main()
