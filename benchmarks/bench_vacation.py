"""Benchmark: the SU's vacation overview for 600 agreements over 8 weeks in under 1 s (SU-VACATION).

The municipality is the first 600 lists of NAV's 2011 list (national_file.py), imported into a freshly
migrated database. Every GP then has three weeks of summer vacation in June–August, starting on a
Monday spread over nine weeks, with mixed covers (half collegial, a third of those with an absence
assistant; a fifth own vikar; a tenth the municipality's vikar; a fifth no cover), and every eighth GP
also a week of sickness in May–June. The absences are inserted in one transaction (not through
`register_absence`, which would take minutes), built so that none overlaps.

`vacation_service.vacation_overview` is timed for 8 weeks (22 June–16 August), each call in a new session
as a request has, and so are GET /api/v1/municipalities/<nr>/vacation-overview (JSON) and the page
/kommuner/<nr>/ferieoversikt through the real app as a logged-in kommuneoverlege.

    .venv/bin/python benchmarks/bench_vacation.py [--backend sqlite|postgresql|all] [--requests 20] [--json]
"""

import argparse
import json
import os
import re
from datetime import date, datetime, timedelta
from time import perf_counter

import national_file
from common import BACKENDS, Unavailable, fresh_database, markdown_table, run_in_child, summary_ms
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from legetjeneste.absence.models import Absence, AbsenceAssistant
from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.dates import OSLO, Period
from legetjeneste.db import session_factory
from legetjeneste.main import create_app
from legetjeneste.municipality_file import service as file_service
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod

TARGET_MS = 1000.0
AGREEMENTS = 600
NUMBER = "9997"
NAME = "Ferie-benchmark (syntetisk)"
EMAIL = "kommuneoverlege@ferie.example"
PASSWORD = "benchmark-passord"
PERIOD = Period(date(2026, 6, 22), date(2026, 8, 16))
FIRST_MONDAY = date(2026, 6, 1)
VIKARS = 40
WARM_UP = 3


def _cover(n: int, vikars: list[int]) -> tuple[str, int | None]:
    share = n % 10
    if share < 5:
        return "collegial", None
    if share < 7:
        return "own_vikar", vikars[n % len(vikars)]
    if share < 8:
        return "municipal_vikar", vikars[(n + 1) % len(vikars)]
    return "none", None


def _absences(engine: Engine) -> dict[str, int]:
    """Three weeks of vacation for every GP, a week of sickness for every eighth; some absence assistants."""
    with session_factory(engine)() as session, session.begin():
        vikars = [
            Doctor(
                municipality_number=NUMBER,
                hpr_number=str(7_000_000 + n),
                first_name="Vikar",
                last_name=f"V-{n:02d}",
                birth_date=date(1985, 1, 1),
                specialist_status="none",
            )
            for n in range(VIKARS)
        ]
        session.add_all(vikars)
        session.flush()
        regular = session.execute(
            select(DoctorPeriod.doctor_id, DoctorPeriod.agreement_id)
            .join(Agreement, Agreement.id == DoctorPeriod.agreement_id)
            .where(Agreement.municipality_number == NUMBER, DoctorPeriod.role == "regular")
            .order_by(DoctorPeriod.agreement_id)
        ).all()
        vikar_ids = [v.id for v in vikars]
        made = datetime(2026, 4, 1, tzinfo=OSLO)
        rows, assistants = [], []
        for n, (doctor_id, agreement_id) in enumerate(regular):
            start = FIRST_MONDAY + timedelta(weeks=n % 9)
            cover, vikar = _cover(n, vikar_ids)
            rows.append((doctor_id, agreement_id, "ordinary", start, start + timedelta(20), cover, vikar))
            if cover == "collegial" and n % 3 == 0:
                colleague = regular[(n + 1) % len(regular)][0]
                assistants.append(
                    AbsenceAssistant(
                        agreement_id=agreement_id,
                        colleague_doctor_id=colleague,
                        services=["booking"],
                        start=start,
                        end=start + timedelta(20),
                    )
                )
            if n % 8 == 0:
                sick = date(2026, 5, 4) + timedelta(weeks=n % 4)
                rows.append(
                    (doctor_id, agreement_id, "own_sickness", sick, sick + timedelta(4), "collegial", None)
                )
        session.add_all(
            Absence(
                municipality_number=NUMBER,
                doctor_id=doctor,
                agreement_id=agreement,
                ground=ground,
                start=start,
                end=end,
                cover=cover,
                vikar_doctor_id=vikar,
                details={},
                created_at=made,
                created_by="benchmark",
            )
            for doctor, agreement, ground, start, end, cover, vikar in rows
        )
        session.add_all(assistants)
    return {"absences": len(rows), "assistants": len(assistants), "gps": len(regular)}


def prepare(engine: Engine) -> tuple[Actor, dict[str, int]]:
    document = national_file.build_municipality_file(rows=AGREEMENTS, number=NUMBER, name=NAME)
    with session_factory(engine)() as session:
        file_service.import_municipality_file(session, actor=SYSTEM, document=document)
    counts = _absences(engine)
    with session_factory(engine)() as session:
        user, _ = auth_service.add_user(
            session, email=EMAIL, role="kommuneoverlege", municipality_number=NUMBER, password=PASSWORD
        )
        return auth_service.actor_of(user), counts


def time_service(engine: Engine, actor: Actor, requests: int) -> tuple[list[float], dict]:
    factory, wall, shape = session_factory(engine), [], {}
    for n in range(WARM_UP + requests):
        with factory() as session:
            start = perf_counter()
            overview = vacation_service.vacation_overview(
                session, actor=actor, municipality_number=NUMBER, period=PERIOD
            )
            elapsed = perf_counter() - start
        if n >= WARM_UP:
            wall.append(elapsed)
        shape = {
            "weeks": len(overview.weeks),
            "offices": len(overview.offices),
            "gaps": len(overview.gaps),
            "absences_shown": len({a.absence_id for o in overview.offices for w in o.weeks for a in w.away}),
        }
    if shape["weeks"] != 8:
        raise AssertionError(f"the overview has {shape['weeks']} weeks, not 8")
    return wall, shape


def logged_in_client(engine: Engine) -> TestClient:
    client = TestClient(create_app(engine=engine, secret_key="bench"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/logg-inn").text)
    if token is None:
        raise AssertionError("the login form has no csrf_token")
    login = {"email": EMAIL, "password": PASSWORD, "csrf_token": token.group(1), "neste": "/"}
    if client.post("/logg-inn", data=login, follow_redirects=False).status_code != 303:
        raise AssertionError("login failed")
    return client


def time_get(client: TestClient, path: str, requests: int) -> tuple[list[float], int]:
    wall, size = [], 0
    for n in range(WARM_UP + requests):
        start = perf_counter()
        answer = client.get(path)
        elapsed = perf_counter() - start
        if answer.status_code != 200:
            raise AssertionError(f"GET {path} answered {answer.status_code}")
        size = len(answer.content)
        if n >= WARM_UP:
            wall.append(elapsed)
    return wall, size


def run(backend: str, requests: int = 20) -> dict:
    with fresh_database(backend) as engine:
        actor, counts = prepare(engine)
        load_before = os.getloadavg()[0]
        alone, shape = time_service(engine, actor, requests)
        dates = f"from={PERIOD.start}&to={PERIOD.end}"
        with logged_in_client(engine) as client:
            api, api_size = time_get(
                client, f"/api/v1/municipalities/{NUMBER}/vacation-overview?{dates}", requests
            )
            page_path = f"/kommuner/{NUMBER}/ferieoversikt?fra={PERIOD.start}&til={PERIOD.end}"
            page, page_size = time_get(client, page_path, requests)
    return {
        "backend": backend,
        "requests": requests,
        **counts,
        **shape,
        "service": summary_ms(alone),
        "api": summary_ms(api),
        "page": summary_ms(page),
        "api_kib": api_size / 1024,
        "page_kib": page_size / 1024,
        "load_average": [load_before, os.getloadavg()[0]],
    }


def run_or_skip(backend: str, requests: int) -> dict:
    try:
        return run(backend, requests)
    except Unavailable as reason:
        return {"backend": backend, "skipped": str(reason)}


def measure(backends: tuple[str, ...] = BACKENDS, requests: int = 20) -> list[dict]:
    return [
        run_in_child(__file__, ["--backend", backend, "--requests", str(requests)]) for backend in backends
    ]


def table(results: list[dict]) -> str:
    header = [
        "backend",
        "service median",
        "service p95",
        "JSON API median",
        "JSON API p95",
        "page median",
        "page p95",
        "load avg",
        f"p95 < {TARGET_MS:.0f} ms",
    ]
    rows = []
    for result in results:
        if "skipped" in result:
            rows.append([result["backend"], result["skipped"], *[""] * (len(header) - 2)])
            continue
        cells = [
            f"{result[k][m]:.0f} ms" for k in ("service", "api", "page") for m in ("median_ms", "p95_ms")
        ]
        slowest = max(result[k]["p95_ms"] for k in ("service", "api", "page"))
        load = "–".join(f"{value:.1f}" for value in result["load_average"])
        rows.append([result["backend"], *cells, load, "yes" if slowest < TARGET_MS else "**no**"])
    return markdown_table(header, rows)


def summary(results: list[dict], requests: int) -> str:
    done = [r for r in results if "skipped" not in r]
    if not done:
        return "Nothing measured."
    first = done[0]
    return (
        f"{AGREEMENTS} agreements, {first['gps']} GPs, {first['absences']} absences and "
        f"{first['assistants']} absence-assistant entries; 8 weeks ({PERIOD}): {first['offices']} offices, "
        f"{first['absences_shown']} absences shown, {first['gaps']} gaps. {WARM_UP} warm-up calls, then "
        f"{requests} timed. JSON {first['api_kib']:.0f} KiB, page {first['page_kib']:.0f} KiB."
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    if args.backend == "all":
        results = measure(BACKENDS, args.requests)
    else:
        results = [run_or_skip(args.backend, args.requests)]
    if args.json:
        print(json.dumps(results if args.backend == "all" else results[0], ensure_ascii=False))
    else:
        print(table(results))
        print("\n" + summary(results, args.requests))


if __name__ == "__main__":
    main()
