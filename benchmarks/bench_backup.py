"""Benchmark: `legetjeneste backup` and `legetjeneste restore` on the demo and on a scaled dataset.

Datasets: `demo` is `legetjeneste demo load` (Vefsn and Kragerø, SSB's figures, the demo users); `audit`
is the demo and 200,000 audit entries (the table that grows without end: one entry per page view that
reads personal data), inserted directly with SQLAlchemy core in batches (the set-up is not measured).

Timed, in a child process per backend and dataset: the backup of the filled database, then the restore of
that file into a fresh migrated database of the same backend, and (`--cross`) of the other backend. The
size is the archive's; the peak memory is the child's ru_maxrss after filling and after each step, so a
backup or restore that held a table in memory would show as a jump.

    .venv/bin/python benchmarks/bench_backup.py [--backend sqlite|postgresql|all] [--dataset demo|audit|all]
                                                [--entries N] [--cross] [--json]
"""

import argparse
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from time import perf_counter

from common import BACKENDS, Unavailable, fresh_database, markdown_table, peak_memory_mib, run_in_child
from sqlalchemy import Engine, insert

from legetjeneste import demo
from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.backup import service
from legetjeneste.dates import now_oslo
from legetjeneste.db import open_session

DATASETS = ("demo", "audit")
ENTRIES = 200_000


def fill(engine: Engine, dataset: str, entries: int) -> None:
    with open_session(engine) as session:
        demo.load_demo(session)
    if dataset != "audit":
        return
    start = now_oslo() - timedelta(days=365)
    with engine.begin() as connection:
        for first in range(0, entries, 10_000):
            connection.execute(
                insert(AuditEntry),
                [
                    {
                        "at": start + timedelta(seconds=150 * n),
                        "actor": f"bruker{n % 40}@vefsn.example",
                        "action": "read",
                        "entity": "doctor",
                        "record_ids": list(range(n % 30, n % 30 + 12)),
                        "municipality_number": "1824",
                        "detail": {"page": "/kommuner/1824", "fields": ["full_name", "hpr_number"]},
                    }
                    for n in range(first, min(first + 10_000, entries))
                ],
            )


def run(backend: str, dataset: str, entries: int, cross: bool) -> dict:
    found: dict = {"backend": backend, "dataset": dataset}
    with tempfile.TemporaryDirectory(prefix="legetjeneste_backup_") as folder:
        path = Path(folder) / "backup.tar.gz"
        with fresh_database(backend) as source:
            fill(source, dataset, entries)
            found["peak_after_fill_mib"] = round(peak_memory_mib(), 1)
            started = perf_counter()
            with open_session(source) as session:
                taken = service.backup(session, actor=SYSTEM, path=path)
            found["backup_s"] = round(perf_counter() - started, 2)
            found["peak_after_backup_mib"] = round(peak_memory_mib(), 1)
        found.update(rows=taken.rows, bytes=path.stat().st_size)
        targets = [backend] + ([b for b in BACKENDS if b != backend] if cross else [])
        for target in targets:
            with fresh_database(target) as engine:
                started = perf_counter()
                with open_session(engine) as session:
                    restored = service.restore(session, actor=SYSTEM, path=path)
                assert restored.rows == taken.rows
                found[f"restore_{target}_s"] = round(perf_counter() - started, 2)
            found[f"peak_after_restore_{target}_mib"] = round(peak_memory_mib(), 1)
    return found


def measure(backends, datasets, entries: int, cross: bool) -> list[dict]:
    results = []
    for backend in backends:
        for dataset in datasets:
            arguments = ["--backend", backend, "--dataset", dataset, "--entries", str(entries)]
            try:
                results.append(run_in_child(__file__, arguments + (["--cross"] if cross else [])))
            except RuntimeError as error:
                if "Unavailable" not in str(error):
                    raise
                results.append(
                    {"backend": backend, "dataset": dataset, "skipped": str(error).splitlines()[-1]}
                )
    return results


def table(results: list[dict]) -> str:
    header = ["backend", "dataset", "rows", "archive", "backup", "restore (same)", "restore (other)"]
    rows = []
    for r in results:
        if "skipped" in r:
            rows.append([r["backend"], r["dataset"], r["skipped"], "", "", "", "", ""])
            continue
        same = r[f"restore_{r['backend']}_s"]
        other = next(
            (r[key] for key in r if key.startswith("restore_") and key != f"restore_{r['backend']}_s"), None
        )
        peaks = [value for key, value in r.items() if key.startswith("peak_")]
        rows.append(
            [
                r["backend"],
                r["dataset"],
                f"{r['rows']:,}",
                f"{r['bytes'] / 1_000_000:.1f} MB" if r["bytes"] >= 1_000_000 else f"{r['bytes'] // 1000} kB",
                f"{r['backup_s']:.1f} s",
                f"{same:.1f} s",
                "–" if other is None else f"{other:.1f} s",
                f"{r['peak_after_fill_mib']:.0f} → {max(peaks):.0f} MiB",
            ]
        )
    return markdown_table([*header, "peak RSS (after fill → max)"], rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--dataset", choices=[*DATASETS, "all"], default="all")
    parser.add_argument("--entries", type=int, default=ENTRIES, help="audit entries of the `audit` dataset")
    parser.add_argument("--cross", action="store_true", help="also restore into the other backend")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    backends = BACKENDS if args.backend == "all" else (args.backend,)
    datasets = DATASETS if args.dataset == "all" else (args.dataset,)
    if args.json and len(backends) == 1 and len(datasets) == 1:
        try:
            print(json.dumps(run(backends[0], datasets[0], args.entries, args.cross)))
        except Unavailable as error:
            print(f"Unavailable: {error}", file=sys.stderr)
            sys.exit(1)
        return
    results = measure(backends, datasets, args.entries, args.cross)
    print(json.dumps(results, indent=2) if args.json else table(results))


if __name__ == "__main__":
    main()
