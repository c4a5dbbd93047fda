"""Where the test suite's time goes, from a pytest log written with --durations=0.

.venv/bin/python -m pytest -p no:cacheprovider --durations=0 > /tmp/tests.log
.venv/bin/python benchmarks/suite_durations.py /tmp/tests.log [--top 25]

Prints the seconds per phase (setup, call, teardown), per database (the `engine` parameter), per test
directory and per test file, largest first. With pytest-xdist the seconds add up over the workers.
"""

import argparse
import re
from collections import Counter
from pathlib import Path

DURATION = re.compile(r"^([\d.]+)s (setup|call|teardown)\s+(\S+)")


def tally(log: str) -> dict[str, Counter[str]]:
    tallies: dict[str, Counter[str]] = {"phase": Counter(), "database": Counter(), "directory": Counter()}
    tallies["file"] = Counter()
    for line in log.splitlines():
        match = DURATION.match(line)
        if not match:
            continue
        seconds, phase, test = float(match[1]), match[2], match[3]
        path = test.split("::")[0]
        database = "postgresql" if "[postgresql" in test else "sqlite" if "[sqlite" in test else "none"
        tallies["phase"][phase] += seconds
        tallies["database"][database] += seconds
        tallies["directory"]["/".join(path.split("/")[:2])] += seconds
        tallies["file"][path] += seconds
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    for name, counter in tally(args.log.read_text(encoding="utf-8", errors="replace")).items():
        print(f"## {name} (total {sum(counter.values()):.1f} s)")
        for key, seconds in counter.most_common(args.top):
            print(f"{seconds:8.1f}  {key}")
        print()


if __name__ == "__main__":
    main()
