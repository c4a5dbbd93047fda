"""What the benchmarks share: fresh migrated databases, timing and memory helpers, the Markdown table."""

import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from legetjeneste import migrate
from legetjeneste.db import make_engine

BACKENDS = ("sqlite", "postgresql")
POSTGRES_SERVER = os.environ.get(
    "LEGETJENESTE_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


class Unavailable(Exception):
    """The backend cannot be measured here (e.g. no PostgreSQL server answers)."""


def postgres_unavailable() -> str | None:
    """Why PostgreSQL cannot be used, or None when its server answers."""
    try:
        engine = create_engine(POSTGRES_SERVER, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception as error:
        shown = make_url(POSTGRES_SERVER).render_as_string(hide_password=True)
        return f"PostgreSQL at {shown} does not answer ({type(error).__name__}); skipped"
    return None


@contextmanager
def fresh_database(backend: str) -> Iterator[Engine]:
    """A newly migrated, empty database: a temporary SQLite file or a temporary PostgreSQL database."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="legetjeneste_bench_") as folder:
            engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
            migrate.upgrade(engine)
            try:
                yield engine
            finally:
                engine.dispose()
        return
    reason = postgres_unavailable()
    if reason:
        raise Unavailable(reason)
    server = make_url(POSTGRES_SERVER)
    name = f"legetjeneste_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(server.set(database=name).render_as_string(hide_password=False))
    try:
        migrate.upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def run_in_child(script: str, arguments: list[str]) -> dict:
    """Run a benchmark script with --json in a fresh interpreter: its own heap, its own peak memory."""
    command = [sys.executable, str(Path(script).resolve()), *arguments, "--json"]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:])} failed:\n{completed.stderr}")
    return json.loads(completed.stdout)


def peak_memory_mib() -> float:
    """The process's peak resident set size so far (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if platform.system() == "Darwin" else peak / 1024


@contextmanager
def full_collections() -> Iterator[list[float]]:
    """Seconds of each full (generation 2) garbage collection while the context is open."""
    spent: list[float] = []
    started = [0.0]

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = perf_counter()
        elif info["generation"] == 2:
            spent.append(perf_counter() - started[0])

    gc.callbacks.append(callback)
    try:
        yield spent
    finally:
        gc.callbacks.remove(callback)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    milliseconds = [value * 1000 for value in seconds]
    return {
        "median_ms": statistics.median(milliseconds),
        "p95_ms": percentile(milliseconds, 0.95),
        "min_ms": min(milliseconds),
        "max_ms": max(milliseconds),
    }


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
