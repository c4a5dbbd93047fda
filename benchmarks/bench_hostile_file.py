"""Benchmark: a «billion laughs» municipality file (358 bytes; the issue's was 641) is refused in milliseconds
(issue 11), and how long a real file takes to read with the extra look at the parser's events.

.venv/bin/python benchmarks/bench_hostile_file.py [--runs 200]
"""

import argparse
import resource
import statistics
from pathlib import Path
from time import perf_counter

from legetjeneste.errors import ValidationFailed
from legetjeneste.municipality_file.document import read_document

ROOT = Path(__file__).resolve().parents[1]
LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + n)}: &{chr(98 + n)} [{','.join(['*' + chr(97 + n)] * 9)}]" for n in range(8)]
    + ["municipality: *i"]
).encode()


def refused_in(raw: bytes) -> float:
    start = perf_counter()
    try:
        read_document(raw, filename="bombe.yaml")
    except ValidationFailed:
        return perf_counter() - start
    raise SystemExit("the file was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    seconds = [refused_in(LAUGHS) for _ in range(args.runs)]
    print(
        f"billion laughs ({len(LAUGHS)} bytes): refused in {statistics.median(seconds) * 1000:.2f} ms median,"
    )
    print(f"  {max(seconds) * 1000:.2f} ms slowest of {args.runs}")
    real = (ROOT / "docs" / "examples" / "1824-vefsn.yaml").read_bytes()
    start = perf_counter()
    read_document(real, filename="1824-vefsn.yaml")
    print(f"the Vefsn file ({len(real) // 1024} KiB): read in {(perf_counter() - start) * 1000:.1f} ms")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
