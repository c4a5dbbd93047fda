"""Benchmark: `legetjeneste --help` answers in under 1 s (issue 10), because a command imports what it uses.

.venv/bin/python benchmarks/bench_cli_help.py [--runs 10] [--json]

Runs `legetjeneste --help` (and, for comparison, `legetjeneste roster --help`, which imports the solver's
commands) in fresh processes, and reports the median and the slowest wall time, and which heavy modules
`import legetjeneste.cli` loads (none of OR-Tools, reportlab, FastAPI should be among them).
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
COMMAND = ROOT / ".venv" / "bin" / "legetjeneste"
HEAVY = ("ortools", "reportlab", "fastapi", "sqlalchemy", "matplotlib")


def timed(args: list[str], runs: int) -> dict:
    seconds = []
    for _ in range(runs):
        start = perf_counter()
        subprocess.run([str(COMMAND), *args], check=True, capture_output=True)
        seconds.append(perf_counter() - start)
    return {"command": " ".join(["legetjeneste", *args]), "median_s": statistics.median(seconds),
            "max_s": max(seconds), "runs": runs}  # fmt: skip


def loaded_by_cli() -> list[str]:
    code = f"import sys, legetjeneste.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return [name for name in found.stdout.strip().split(",") if name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {
        "help": timed(["--help"], args.runs),
        "roster_help": timed(["roster", "--help"], args.runs),
        "heavy_modules_loaded_by_cli": loaded_by_cli(),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for key in ("help", "roster_help"):
        found = results[key]
        print(f"{found['command']:<28} median {found['median_s']:.2f} s, slowest {found['max_s']:.2f} s")
    print(
        "heavy modules loaded by `import legetjeneste.cli`:", results["heavy_modules_loaded_by_cli"] or "none"
    )


if __name__ == "__main__":
    main()
