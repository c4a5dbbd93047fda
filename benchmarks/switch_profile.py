"""One client's switches on a loaded PostgreSQL database, profiled: where a switch's time and CPU go.

PYTHONPATH=src .venv/bin/python benchmarks/switch_profile.py --database NAME [--switches 300] [--profile]

The database is one `citizens.py --keep NAME` loaded. Reports the wall time and the process CPU per switch,
the CPU of the PostgreSQL backend serving the client per switch (the same machine), the time inside the
driver's statements (between `before_cursor_execute` and `after_cursor_execute`), the
statements per switch, and with `--profile` cProfile's top functions by their own time.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from common import POSTGRES_SERVER, summary_ms  # noqa: E402
from sqlalchemy import event, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from switch_load import DAY  # noqa: E402

from legetjeneste.auth.rules import SYSTEM  # noqa: E402
from legetjeneste.citizens.switching import service as switching  # noqa: E402
from legetjeneste.db import make_engine, session_factory  # noqa: E402
from legetjeneste.errors import DomainError  # noqa: E402


def _server_cpu(pid: int) -> float:
    """The PostgreSQL backend's CPU seconds so far (its /proc stat: utime and stime, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--switches", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    url = make_url(POSTGRES_SERVER).set(database=args.database).render_as_string(hide_password=False)
    engine = make_engine(url, pool_size=1, max_overflow=0)
    factory = session_factory(engine)
    with engine.connect() as connection:
        backend = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        top = connection.execute(text("SELECT max(id) FROM citizen")).scalar_one()
        lists = connection.execute(text("SELECT id FROM agreement WHERE list_status = 'open' ORDER BY id"))
        open_lists = list(lists.scalars())
    inside, statements, begun = [0.0], [0], [0.0]

    def before(*_) -> None:
        statements[0] += 1
        begun[0] = time.perf_counter()

    def after(*_) -> None:
        inside[0] += time.perf_counter() - begun[0]

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    pick = random.Random(args.seed)
    work = [(pick.randint(1, top), pick.choice(open_lists)) for _ in range(args.switches)]

    def run() -> tuple[list[float], int]:
        timings, refused = [], 0
        for citizen, target in work:
            started = time.perf_counter()
            try:
                with factory() as session:
                    switching.switch(session, actor=SYSTEM, citizen_id=citizen, agreement_id=target, on=DAY)
            except DomainError:
                refused += 1
            timings.append(time.perf_counter() - started)
        return timings, refused

    profiler = cProfile.Profile(time.process_time) if args.profile else None  # CPU time, not waits
    cpu, server = time.process_time(), _server_cpu(backend)
    if profiler:
        profiler.enable()
    timings, refused = run()
    if profiler:
        profiler.disable()
    cpu, server = time.process_time() - cpu, _server_cpu(backend) - server
    count = len(timings)
    print(
        json.dumps(
            {
                **summary_ms(timings),
                "switches": count,
                "refused": refused,
                "cpu_ms_per_switch": 1000 * cpu / count,
                "server_cpu_ms_per_switch": 1000 * server / count,
                "statement_ms_per_switch": 1000 * inside[0] / count,
                "statements_per_switch": statements[0] / count,
            },
            indent=2,
        )
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)


if __name__ == "__main__":
    main()
