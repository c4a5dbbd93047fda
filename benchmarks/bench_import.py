"""Benchmark: import the synthetic national municipality file (4,274 agreements) in under 10 s.

The file is built from NAV's 2011 list (national_file.py) and imported through the service
`file_service.import_municipality_file` into a freshly migrated database, then imported again unchanged
(idempotent). Each backend runs in a child process of its own, so that its peak memory is its own.
The time is split by wrapping the service's steps: parse (Pydantic, item by item), checks (the keys
already in the database and the checks across the file), write (apply_file with its flushes) and the
rest (audit entry and commit).

    .venv/bin/python benchmarks/bench_import.py [--backend sqlite|postgresql|all] [--repeat 3] [--json]
"""

import argparse
import json
import statistics
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

import national_file
from common import BACKENDS, Unavailable, fresh_database, markdown_table, peak_memory_mib, run_in_child
from sqlalchemy import Engine

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.db import session_factory
from legetjeneste.municipality_file import checks as file_checks
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import load_document
from legetjeneste.municipality_file.format import dump_document

TARGET_SECONDS = 10.0
PHASES = (  # (module, function, phase): the service's steps, looked up through these module attributes
    (file_service, "parse_file", "parse"),
    (file_service, "_existing", "checks"),
    (file_checks, "check_file", "checks"),
    (file_service, "apply_file", "write"),
)


@contextmanager
def phase_timers() -> Iterator[dict[str, float]]:
    """Seconds spent in each step of the import while the context is open."""
    spent: dict[str, float] = defaultdict(float)
    originals = [(module, name, getattr(module, name)) for module, name, _ in PHASES]

    def timed(function, phase):
        def wrapper(*args, **kwargs):
            start = perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[phase] += perf_counter() - start

        return wrapper

    for (module, name, function), (_, _, phase) in zip(originals, PHASES, strict=True):
        setattr(module, name, timed(function, phase))
    try:
        yield spent
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def timed_import(engine: Engine, document: dict) -> dict:
    session = session_factory(engine)()
    try:
        with phase_timers() as spent:
            start = perf_counter()
            report = file_service.import_municipality_file(session, actor=SYSTEM, document=document)
            total = perf_counter() - start
    finally:
        session.close()
    phases = {phase: spent.get(phase, 0.0) for phase in ("parse", "checks", "write")}
    return {"total_s": total, **phases, "audit_commit_s": total - sum(phases.values()), "report": report}


def file_reading(document: dict) -> dict[str, float]:
    """Seconds to read the file's text into a document: `legetjeneste import FILE` adds this to the import."""
    spent = {}
    for kind in ("yaml", "json"):
        text = dump_document(document, as_json=kind == "json")
        start = perf_counter()
        if load_document(text, filename=f"norge.{kind}") != json.loads(json.dumps(document)):
            raise AssertionError(f"the {kind} text does not read back as the document")
        spent[f"{kind}_s"] = perf_counter() - start
        spent[f"{kind}_mib"] = len(text.encode()) / 1024 / 1024
    return spent


def _expected(notes: national_file.Notes) -> dict[str, int]:
    return {
        "municipality": 1,
        "office": notes.offices,
        "doctor": notes.doctors,
        "agreement": notes.rows,
        "doctor_period": notes.doctors,
        "list_count": notes.rows,
    }


def _check_reports(first: dict, second: dict, notes: national_file.Notes) -> None:
    """The benchmark only counts when the import did what it should: everything created, then nothing."""
    expected = _expected(notes)
    if first["created"] != expected or first["updated"] or first["removed"]:
        raise AssertionError(f"first import: {first}")
    if second["unchanged"] != expected or second["created"] or second["updated"] or second["removed"]:
        raise AssertionError(f"second import: {second}")


def _median_run(runs: list[dict]) -> dict:
    ordered = sorted(runs, key=lambda run: run["total_s"])
    chosen = ordered[len(ordered) // 2]
    return {key: value for key, value in chosen.items() if key != "report"} | {
        "median_s": statistics.median(run["total_s"] for run in runs),
        "max_s": max(run["total_s"] for run in runs),
    }


def run(backend: str, repeat: int = 3) -> dict:
    """Measure in this process: `repeat` fresh databases, each with a first and a second import."""
    memory = {"baseline_mib": peak_memory_mib()}
    start = perf_counter()
    document, notes = national_file.build()
    build_s = perf_counter() - start
    memory["after_build_mib"] = peak_memory_mib()
    firsts, seconds = [], []
    for _ in range(repeat):
        with fresh_database(backend) as engine:
            firsts.append(timed_import(engine, document))
            seconds.append(timed_import(engine, document))
        _check_reports(firsts[-1]["report"], seconds[-1]["report"], notes)
    memory["peak_mib"] = peak_memory_mib()
    return {
        "reading": file_reading(document) if backend == "sqlite" else None,
        "backend": backend,
        "repeat": repeat,
        "build_file_s": build_s,
        "first": _median_run(firsts),
        "second": _median_run(seconds),
        "memory": memory,
        "warnings": len(firsts[-1]["report"]["warnings"]),
        "counts": _expected(notes),
        "notes": vars(notes),
    }


def measure(backends: tuple[str, ...] = BACKENDS, repeat: int = 3) -> list[dict]:
    """Each backend in a child process (its own peak memory); a backend that cannot run says so."""
    return [run_in_child(__file__, ["--backend", backend, "--repeat", str(repeat)]) for backend in backends]


def table(results: list[dict]) -> str:
    header = [
        "backend",
        "first import (median)",
        "parse",
        "checks",
        "write",
        "audit + commit",
        "second import (median)",
        "worst of both",
        "peak RSS (before)",
        f"< {TARGET_SECONDS:.0f} s",
    ]
    rows = []
    for result in results:
        if "skipped" in result:
            rows.append([result["backend"], result["skipped"], *[""] * (len(header) - 2)])
            continue
        first, second = result["first"], result["second"]
        worst = max(first["max_s"], second["max_s"])
        rows.append(
            [
                result["backend"],
                f"{first['median_s']:.2f} s",
                f"{first['parse']:.2f} s",
                f"{first['checks']:.2f} s",
                f"{first['write']:.2f} s",
                f"{first['audit_commit_s']:.2f} s",
                f"{second['median_s']:.2f} s",
                f"{worst:.2f} s",
                f"{result['memory']['peak_mib']:.0f} MiB ({result['memory']['baseline_mib']:.0f} MiB)",
                "yes" if worst < TARGET_SECONDS else "**no**",
            ]
        )
    return markdown_table(header, rows)


def summary(results: list[dict]) -> str:
    """The file's size and what it needed, and how long reading its text takes (not part of the service)."""
    measured = [result for result in results if "notes" in result]
    if not measured:
        return ""
    notes = measured[0]["notes"]
    clamped = ", ".join(notes["clamped_listetak"]) or "none"
    lines = [
        f"File: {notes['rows']} agreements, {notes['offices']} offices, {notes['doctors']} doctors, "
        f"{notes['vacant_lists']} vacant lists, {measured[0]['warnings']} listetak warnings; "
        f"listetak clamped: {clamped}."
    ]
    reading = next((result["reading"] for result in measured if result.get("reading")), None)
    if reading:
        lines.append(
            f"Reading the text before the service call: YAML ({reading['yaml_mib']:.1f} MiB) "
            f"{reading['yaml_s']:.2f} s, JSON ({reading['json_mib']:.1f} MiB) "
            f"{reading['json_s']:.2f} s."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Import the synthetic national municipality file.")
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    if args.backend == "all":
        results = measure(BACKENDS, args.repeat)
    else:
        try:
            results = [run(args.backend, args.repeat)]
        except Unavailable as reason:
            results = [{"backend": args.backend, "skipped": str(reason)}]
    if args.json:
        print(json.dumps(results[0] if args.backend != "all" else results, ensure_ascii=False, default=str))
    else:
        print(table(results))
        print("\n" + summary(results))


if __name__ == "__main__":
    main()
