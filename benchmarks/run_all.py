"""Run every benchmark and print the results as Markdown (what docs/benchmarks.md records).

.venv/bin/python benchmarks/run_all.py [--repeat 3] [--requests 30]     (or: make benchmark)
"""

import argparse
import os
import platform
import sqlite3
from datetime import date
from pathlib import Path

import bench_import
import bench_overview
import bench_panel
import bench_payments
import bench_roster
import bench_vacation
from common import BACKENDS, POSTGRES_SERVER, postgres_unavailable
from sqlalchemy import create_engine, text


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _postgres_version() -> str:
    if postgres_unavailable():
        return "not available"
    engine = create_engine(POSTGRES_SERVER)
    with engine.connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar_one()
    engine.dispose()
    return str(version)


def machine() -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return "\n".join(
        [
            f"- date: {date.today().isoformat()}",
            f"- CPU: {_cpu_model()}, {os.cpu_count()} logical CPUs (nproc)",
            f"- RAM: {_memory_gib()}",
            f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"PostgreSQL {_postgres_version()}",
            f"- load average at the start (1, 5, 15 min): {load}",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh databases per backend for the import")
    parser.add_argument("--requests", type=int, default=30, help="timed requests of the overview page")
    args = parser.parse_args(argv)
    print("## Machine\n")
    print(machine())
    imports = bench_import.measure(BACKENDS, args.repeat)
    print(f"\n## Import of the national file (target < {bench_import.TARGET_SECONDS:.0f} s)\n")
    print(bench_import.table(imports))
    print("\n" + bench_import.summary(imports))
    overviews = bench_overview.measure(BACKENDS, args.requests)
    target = f"target: p95 < {bench_overview.TARGET_MS:.0f} ms"
    print(f"\n## Overview page, {bench_overview.AGREEMENTS} agreements ({target})\n")
    print(bench_overview.table(overviews))
    print("\n" + bench_overview.summary(overviews, args.requests))
    frozen = bench_overview.measure(BACKENDS, args.requests, freeze=True)
    print("\nDiagnosis: the same after gc.freeze() at start-up (full collections skip the frozen objects)\n")
    print(bench_overview.table(frozen))
    vacations = bench_vacation.measure(BACKENDS, 20)
    target = f"target: p95 < {bench_vacation.TARGET_MS:.0f} ms"
    print(f"\n## Vacation overview, 600 agreements, 8 weeks ({target})\n")
    print(bench_vacation.table(vacations))
    print("\n" + bench_vacation.summary(vacations, 20))
    panels = bench_panel.measure(BACKENDS, bench_panel.CALLS)
    target = f"target: p95 < {bench_panel.TARGET_MS:.0f} ms"
    print(f"\n## GP panel for one agreement at a date ({target})\n")
    print(bench_panel.table(panels))
    print("\n" + bench_panel.summary(panels))
    payments = bench_payments.measure(BACKENDS)
    target = f"target: < {bench_payments.TARGET_SECONDS:.0f} s and < 1 GB"
    print(f"\n## Basistilskudd run, {bench_payments.AGREEMENTS:,} agreements ({target})\n")
    print(bench_payments.table(payments))
    print("\n" + bench_payments.summary(payments))
    rosters = bench_roster.measure()
    print("\n## Roster solver: Vefsn 6 months, intermunicipal 150 doctors × 12 months\n")
    print(bench_roster.table(rosters))
    print("\n" + bench_roster.summary(rosters))


if __name__ == "__main__":
    main()
