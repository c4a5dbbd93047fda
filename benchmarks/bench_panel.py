"""Benchmark: the citizen's GP panel for one agreement at a date in under 5 ms (HN-PANEL).

Two municipalities, each in a freshly migrated database:
- the demo (Vefsn and Kragerø from docs/examples, `demo.load_demo`), as Vefsn's kommuneoverlege:
  15 agreements, 5 absences, one absence assistant, one office notice, two agreements with their own
  digital settings;
- the first 600 lists of NAV's 2011 list with bench_vacation.py's absences (three weeks of summer vacation
  for every GP, mixed covers, absence-assistant entries, a sick week for every eighth GP), plus panel
  settings: every fifth agreement with e-consultation off, every 25th with no digital services at all,
  every 50th with every service off (the panel is hidden, HN-MIN-ONE), and an office notice for the summer
  at every fourth office.

`panel_service.gp_panel(session, actor=…, agreement_id=…, on=…)` is called for 200 (agreement, date)
pairs spread over the agreements and over May–September 2026, each call in a new session as a request
has, after 20 warm-up calls. On the 600 agreements about one call in seven finds the GP away. The pure
rules `panel.gp_panel(facts, on=…)` are timed alone on the same pairs, with the facts loaded beforehand
by `panel_queries.panel_facts`. So is GET /api/v1/agreements/<id>/panel?date=…, through the real app as
a logged-in kommuneoverlege. With --profile the timed service calls also run under cProfile (stderr).

    .venv/bin/python benchmarks/bench_panel.py [--backend sqlite|postgresql|all]
                                               [--municipality demo|600|both]
                                               [--calls 200] [--profile] [--json]
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import sys
from datetime import date, timedelta
from time import perf_counter, perf_counter_ns, process_time

import bench_vacation
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
from sqlalchemy import Engine, event, select

from legetjeneste.absence.models import DigitalServices, OfficeNotice
from legetjeneste.absence.panel import queries as panel_queries
from legetjeneste.absence.panel import service as panel_service
from legetjeneste.absence.panel.rules import panel
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.models import User
from legetjeneste.auth.rules import Actor
from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS, load_demo
from legetjeneste.main import create_app
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Office

TARGET_MS = 5.0
CALLS = 200
WARM_UP = 20
DATES = tuple(date(2026, 5, 4) + timedelta(days=n) for n in range(0, 150, 3))
DEMO = next(
    login for login in DEMO_LOGINS if login.role == "kommuneoverlege" and login.municipality_number == "1824"
)
LARGE = "600"
NOTICE = "Legekontoret har redusert bemanning i sommer. Ved akutt sykdom, ring legevakt på 116 117."


def _actor(engine: Engine, email: str) -> Actor:
    with session_factory(engine)() as session:
        user = session.scalar(select(User).where(User.email == email))
        assert user is not None, email
        return auth_service.actor_of(user)


def _agreement_ids(engine: Engine, number: str) -> list[int]:
    with session_factory(engine)() as session:
        return list(
            session.scalars(
                select(Agreement.id).where(Agreement.municipality_number == number).order_by(Agreement.id)
            )
        )


def _panel_settings(engine: Engine, number: str) -> dict[str, int]:
    """Digital settings for some agreements and a summer notice at every fourth office (see the docstring)."""
    with session_factory(engine)() as session, session.begin():
        ids = session.scalars(
            select(Agreement.id).where(Agreement.municipality_number == number).order_by(Agreement.id)
        ).all()
        settings = []
        for n, agreement_id in enumerate(ids):
            if n % 50 == 0:
                values = dict.fromkeys(
                    ("booking", "e_consultation", "prescription_renewal", "e_contact"), False
                )
                settings.append(
                    DigitalServices(agreement_id=agreement_id, offers_digital_services=True, **values)
                )
            elif n % 25 == 0:
                settings.append(DigitalServices(agreement_id=agreement_id, offers_digital_services=False))
            elif n % 5 == 0:
                settings.append(DigitalServices(agreement_id=agreement_id, e_consultation=False))
        offices = session.scalars(
            select(Office.id).where(Office.municipality_number == number).order_by(Office.id)
        ).all()
        notices = [
            OfficeNotice(
                office_id=office_id,
                text=NOTICE,
                start=date(2026, 6, 15),
                end=date(2026, 8, 16),
            )
            for n, office_id in enumerate(offices)
            if n % 4 == 0
        ]
        session.add_all(settings)
        session.add_all(notices)
    return {"digital_settings": len(settings), "notices": len(notices)}


def prepare(engine: Engine, municipality: str) -> tuple[Actor, str, str, list[int], dict]:
    """The municipality's data; returns the actor, its e-mail and password, the agreements and counts."""
    if municipality == "demo":
        with session_factory(engine)() as session:
            load_demo(session)
        return _actor(engine, DEMO.email), DEMO.email, DEMO.password, _agreement_ids(engine, "1824"), {}
    actor, counts = bench_vacation.prepare(engine)
    counts |= _panel_settings(engine, bench_vacation.NUMBER)
    ids = _agreement_ids(engine, bench_vacation.NUMBER)
    return actor, bench_vacation.EMAIL, bench_vacation.PASSWORD, ids, counts


def pairs(agreement_ids: list[int], calls: int) -> list[tuple[int, date]]:
    """(agreement, date) pairs that go through the agreements (a step prime to their number) and the dates."""
    step = 7 if len(agreement_ids) % 7 else 11
    return [(agreement_ids[(n * step) % len(agreement_ids)], DATES[n % len(DATES)]) for n in range(calls)]


class StatementCounter:
    def __init__(self, engine: Engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


def time_service(
    engine: Engine, actor: Actor, calls: list[tuple[int, date]], *, profile: bool
) -> tuple[list[float], list[float], dict, str | None]:
    factory = session_factory(engine)
    for agreement_id, day in calls[:WARM_UP]:
        with factory() as session:
            panel_service.gp_panel(session, actor=actor, agreement_id=agreement_id, on=day)
    counter = StatementCounter(engine)
    profiler = cProfile.Profile() if profile else None
    wall, cpu, shape = [], [], {"away": 0, "colleague": 0, "no_cover": 0, "hidden": 0, "notice": 0}
    with full_collections() as pauses:
        for agreement_id, day in calls:
            with factory() as session:
                if profiler:
                    profiler.enable()
                start, start_cpu = perf_counter(), process_time()
                found = panel_service.gp_panel(session, actor=actor, agreement_id=agreement_id, on=day)
                elapsed, elapsed_cpu = perf_counter() - start, process_time() - start_cpu
                if profiler:
                    profiler.disable()
            wall.append(elapsed)
            cpu.append(elapsed_cpu)
            kinds = {line.answered_by for line in found.services}
            shape["away"] += found.away is not None
            shape["colleague"] += panel.COLLEAGUE in kinds
            shape["no_cover"] += panel.NOBODY in kinds
            shape["hidden"] += not found.shown
            shape["notice"] += bool(found.notices)
    shape["statements_per_call"] = counter.count / len(calls)
    shape["full_gc"] = len(pauses)
    report = None
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
        report = text.getvalue()
    return wall, cpu, shape, report


def time_pure(engine: Engine, calls: list[tuple[int, date]]) -> list[float]:
    """The rules alone: `panel.gp_panel(facts, on=…)` on facts loaded beforehand, a few times each."""
    factory = session_factory(engine)
    facts = []
    with factory() as session, session.begin():
        for agreement_id, day in calls:
            agreement = registry_queries.agreement(session, agreement_id)
            assert agreement is not None
            [found] = panel_queries.panel_facts(session, [agreement], on=day, office_id=agreement.office_id)
            facts.append((found, day))
    seconds = []
    for _ in range(5):
        for found, day in facts:
            start = perf_counter_ns()
            panel.gp_panel(found, on=day)
            seconds.append((perf_counter_ns() - start) / 1e9)
    return seconds


def logged_in_client(engine: Engine, email: str, password: str) -> TestClient:
    client = TestClient(create_app(engine=engine, secret_key="bench"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/logg-inn").text)
    if token is None:
        raise AssertionError("the login form has no csrf_token")
    login = {"email": email, "password": password, "csrf_token": token.group(1), "neste": "/"}
    if client.post("/logg-inn", data=login, follow_redirects=False).status_code != 303:
        raise AssertionError("login failed")
    return client


def time_api(client: TestClient, calls: list[tuple[int, date]]) -> list[float]:
    wall = []
    for n, (agreement_id, day) in enumerate(calls[:WARM_UP] + calls):
        start = perf_counter()
        answer = client.get(f"/api/v1/agreements/{agreement_id}/panel", params={"date": day.isoformat()})
        elapsed = perf_counter() - start
        if answer.status_code != 200:
            raise AssertionError(f"GET panel {agreement_id} {day} answered {answer.status_code}")
        if n >= WARM_UP:
            wall.append(elapsed)
    return wall


def run(backend: str, municipality: str, calls: int = CALLS, *, profile: bool = False) -> dict:
    with fresh_database(backend) as engine:
        actor, email, password, ids, counts = prepare(engine, municipality)
        chosen = pairs(ids, calls)
        load_before = os.getloadavg()[0]
        wall, cpu, shape, report = time_service(engine, actor, chosen, profile=profile)
        pure = time_pure(engine, chosen)
        with logged_in_client(engine, email, password) as client:
            api = time_api(client, chosen)
    if report:
        print(
            f"cProfile, {backend}, {municipality}, {calls} calls of panel_service.gp_panel:\n{report}",
            file=sys.stderr,
        )
    return {
        "backend": backend,
        "municipality": municipality,
        "agreements": len(ids),
        "calls": calls,
        **counts,
        **shape,
        "service": summary_ms(wall),
        "service_cpu": summary_ms(cpu),
        "pure_us": {k.replace("_ms", "_us"): v * 1000 for k, v in summary_ms(pure).items()},
        "api": summary_ms(api),
        "load_average": [load_before, os.getloadavg()[0]],
        "profiled": profile,
    }


def run_or_skip(backend: str, municipality: str, calls: int, *, profile: bool = False) -> dict:
    try:
        return run(backend, municipality, calls, profile=profile)
    except Unavailable as reason:
        return {"backend": backend, "municipality": municipality, "skipped": str(reason)}


def measure(backends: tuple[str, ...] = BACKENDS, calls: int = CALLS) -> list[dict]:
    """Each backend and municipality in a child process of its own."""
    return [
        run_in_child(__file__, ["--backend", backend, "--municipality", municipality, "--calls", str(calls)])
        for backend in backends
        for municipality in ("demo", LARGE)
    ]


def table(results: list[dict]) -> str:
    header = [
        "backend",
        "municipality",
        "service median",
        "service p95",
        "service CPU median",
        "SQL statements per call",
        "pure rules median",
        "pure rules p95",
        "JSON API median",
        "JSON API p95",
        "load avg",
        f"service p95 < {TARGET_MS:.0f} ms",
    ]
    rows = []
    for result in results:
        name = "demo (Vefsn)" if result["municipality"] == "demo" else f"{LARGE} agreements"
        if "skipped" in result:
            rows.append([result["backend"], name, result["skipped"], *[""] * (len(header) - 3)])
            continue
        service, api, pure = result["service"], result["api"], result["pure_us"]
        load = "–".join(f"{value:.1f}" for value in result["load_average"])
        rows.append(
            [
                result["backend"],
                name,
                f"{service['median_ms']:.2f} ms",
                f"{service['p95_ms']:.2f} ms",
                f"{result['service_cpu']['median_ms']:.2f} ms",
                f"{result['statements_per_call']:.1f}",
                f"{pure['median_us']:.0f} µs",
                f"{pure['p95_us']:.0f} µs",
                f"{api['median_ms']:.2f} ms",
                f"{api['p95_ms']:.2f} ms",
                load,
                "yes" if service["p95_ms"] < TARGET_MS else "**no**",
            ]
        )
    return markdown_table(header, rows)


def summary(results: list[dict]) -> str:
    lines = []
    for result in results:
        if "skipped" in result:
            continue
        calls = result["calls"]
        lines.append(
            f"{result['backend']}, {result['municipality']}: {result['agreements']} agreements, "
            f"{calls} calls after {WARM_UP} warm-up calls; GP away in {result['away']}, "
            f"a colleague answers in {result['colleague']}, no cover in {result['no_cover']}, "
            f"panel hidden in {result['hidden']}, office notice in {result['notice']}; "
            f"{result['full_gc']} full garbage collections."
        )
    return "\n".join(lines) or "Nothing measured."


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--municipality", choices=["demo", LARGE, "both"], default="both")
    parser.add_argument("--calls", type=int, default=CALLS)
    parser.add_argument("--profile", action="store_true", help="cProfile the service calls (stderr)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    if args.backend == "all" and args.municipality == "both" and not args.profile:
        results = measure(BACKENDS, args.calls)
    else:
        backends = BACKENDS if args.backend == "all" else (args.backend,)
        towns = ("demo", LARGE) if args.municipality == "both" else (args.municipality,)
        results = [run_or_skip(b, m, args.calls, profile=args.profile) for b in backends for m in towns]
    if args.json:
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False))
    else:
        print(table(results))
        print("\n" + summary(results))


if __name__ == "__main__":
    main()
