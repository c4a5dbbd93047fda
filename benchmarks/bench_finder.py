"""Benchmark: «Finn fastlege» for one municipality (issue 17: p95 under 50 ms).

A freshly migrated database per backend with one synthetic municipality: `--citizens` citizens spread over
`--lists` agreements (one regular GP each, five lists an office, every tenth citizen's place ended in the
past, one in fifty on a waiting list, twelve months of Helfo counts). `finder.service.find` is called
`--calls` times for the municipality, each in a new session as a request has, after 10 warm-up calls.

    .venv/bin/python benchmarks/bench_finder.py [--backend sqlite|postgresql|all]
                                                [--citizens 13400] [--lists 15] [--calls 200] [--json]
"""

import argparse
import json
import os
from datetime import UTC, date, datetime
from time import perf_counter

from common import BACKENDS, Unavailable, fresh_database, markdown_table, summary_ms
from sqlalchemy import insert, text

from legetjeneste.citizens import rules
from legetjeneste.citizens.finder import service
from legetjeneste.citizens.finder.schemas import FinderQuery
from legetjeneste.citizens.models import Citizen, ListLengthChange, Membership, WaitingListEntry
from legetjeneste.db import session_factory
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, ListCount, Municipality, Office

DAY = date(2026, 12, 4)
BATCH = 20_000


def _rows(count: int, make) -> list[dict]:
    return [make(n) for n in range(1, count + 1)]


def fill(engine, citizens: int, lists: int) -> None:
    per_list = citizens // lists
    with engine.begin() as c:
        c.execute(insert(Municipality), [{"number": "0301", "name": "Testby"}])
        c.execute(
            insert(Office),
            _rows(
                lists // 5 + 1,
                lambda n: {
                    "id": n,
                    "municipality_number": "0301",
                    "organisation_number": f"{900000000 + n}",
                    "name": f"Kontor {n}",
                    "is_group_practice": True,
                    "is_accessible": n % 2 == 0,
                },
            ),
        )
        doctor = {"municipality_number": "0301", "first_name": "Lege", "birth_date": date(1970, 1, 1)}
        c.execute(
            insert(Doctor),
            _rows(
                lists,
                lambda n: {
                    **doctor,
                    "id": n,
                    "hpr_number": f"{n:09d}",
                    "last_name": f"{n}",
                    "specialist_status": "allmennmedisin",
                },
            ),
        )
        c.execute(
            insert(Agreement),
            _rows(
                lists,
                lambda n: {
                    "id": n,
                    "municipality_number": "0301",
                    "office_id": n // 5 + 1,
                    "listetak": per_list + 5,
                    "list_status": "open",
                    "operating_model": "selvstendig",
                    "start_date": date(2000, 1, 1),
                },
            ),
        )
        c.execute(
            insert(DoctorPeriod),
            _rows(
                lists,
                lambda n: {
                    "agreement_id": n,
                    "doctor_id": n,
                    "role": "regular",
                    "start_date": date(2000, 1, 1),
                },
            ),
        )
        counts = [
            {"agreement_id": a, "month": date(2026, m, 1), "list_length": per_list, "waiting_list_count": 3}
            for a in range(1, lists + 1)
            for m in range(1, 13)
        ]
        c.execute(insert(ListCount), counts)
        person = {
            "name": "X",
            "birth_date": date(1980, 1, 1),
            "sex": "female",
            "home_municipality_number": "0301",
            "resident_since": date(2000, 1, 1),
        }
        people = _rows(citizens, lambda n: {**person, "id": n, "national_id": f"{n:011d}"})
        places = _rows(
            citizens,
            lambda n: {
                "citizen_id": n,
                "agreement_id": n % lists + 1,
                "start_date": date(2010, 1, 1),
                "end_date": None if n % 10 else date(2015, 1, 1),
                "begin_reason": "assigned",
            },
        )
        for start in range(0, citizens, BATCH):
            c.execute(insert(Citizen), people[start : start + BATCH])
            c.execute(insert(Membership), places[start : start + BATCH])
        # The kept list lengths (docs/adr/0014), as `citizens.lengths.queries.keep_places` keeps them.
        kept = rules.length_changes((p["agreement_id"], p["start_date"], p["end_date"]) for p in places)
        changes = [{"agreement_id": a, "day": d, "delta": n} for (a, d), n in sorted(kept.items()) if n]
        c.execute(insert(ListLengthChange), changes)
        joined = datetime(2026, 1, 1, tzinfo=UTC)
        c.execute(
            insert(WaitingListEntry),
            _rows(
                citizens // 50,
                lambda n: {"citizen_id": n, "agreement_id": n % lists + 1, "joined_at": joined},
            ),
        )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))


def measure(engine, calls: int) -> dict:
    factory = session_factory(engine)
    query = FinderQuery(kommune="0301")
    times = []
    for n in range(calls + 10):
        with factory() as session:
            started = perf_counter()
            service.find(session, query=query, on=DAY)
            if n >= 10:
                times.append(perf_counter() - started)
    return summary_ms(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--citizens", type=int, default=13_400)
    parser.add_argument("--lists", type=int, default=15)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    results = []
    for backend in BACKENDS if arguments.backend == "all" else [arguments.backend]:
        try:
            with fresh_database(backend) as engine:
                fill(engine, arguments.citizens, arguments.lists)
                found = measure(engine, arguments.calls)
        except Unavailable as reason:
            print(reason)
            continue
        results.append(
            {"backend": backend, "citizens": arguments.citizens, "lists": arguments.lists, **found}
        )
    if arguments.json:
        print(json.dumps({"results": results, "load_average": os.getloadavg()[0]}))
        return
    rows = [
        [r["backend"], f"{r['citizens']:,}", str(r["lists"]), f"{r['median_ms']:.1f}", f"{r['p95_ms']:.1f}"]
        for r in results
    ]
    print(markdown_table(["backend", "citizens", "lists", "median ms", "p95 ms"], rows))
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
