"""The citizen register at national scale on PostgreSQL (issue 17's benchmark).

.venv/bin/python benchmarks/citizens.py [--share 1.0] [--switches 2000] [--clients 8] [--http-workers 2]
    [--keep NAME | --database NAME] [--json]

A synthetic national register from NAV's 2011 list (4,274 lists, 4,976,878 listed citizens): the lists are
imported as ~100 synthetic municipalities (one per first two digits of the office's postnummer, numbered
99xx, since the 2011 list has no kommunenummer); then one citizen per place on each list (`--share` of them
for a measured fraction), with children under 16 on a parent's list and synthetic fødselsnumre, written with
one COPY per table (the indexes built after it), the lists' kept lengths with them (docs/adr/0014).
Measured: the load, «find a GP» for a municipality (its lists with open places and waiting lists, p95; and
the finder page's own read), a switch (`switch_load.py`: p95 and the sustained rate of `--clients` client
processes, the statements and the client CPU per switch; through the API too with `--http-workers`), the
daily and the monthly run for the whole country (time and the process's peak memory), and every
agreement's list length for a month. `--keep` keeps the loaded database; `--database` measures it again.
"""

import argparse
import contextlib
import json
import random
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import switch_load  # noqa: E402
from common import POSTGRES_SERVER, fresh_database, peak_memory_mib, summary_ms  # noqa: E402
from national_file import build_municipality_file, read_rows  # noqa: E402
from sqlalchemy import create_engine, event, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from legetjeneste import migrate  # noqa: E402
from legetjeneste.auth.rules import SYSTEM  # noqa: E402
from legetjeneste.citizens import generate, queries  # noqa: E402
from legetjeneste.citizens.finder import service as finder_service  # noqa: E402
from legetjeneste.citizens.finder.schemas import FinderQuery  # noqa: E402
from legetjeneste.citizens.runs import service as runs  # noqa: E402
from legetjeneste.citizens.switching import service as switching  # noqa: E402
from legetjeneste.db import make_engine, session_factory  # noqa: E402
from legetjeneste.errors import DomainError  # noqa: E402
from legetjeneste.municipality_file import service as file_service  # noqa: E402

TODAY = date(2026, 12, 4)
DAY = date(2027, 3, 10)  # requests are made on this day; they take effect 1 April 2027


def municipalities() -> dict[str, list[int]]:
    """Per synthetic municipality (99 + the postnummer's first two digits) the row numbers of its lists."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(read_rows()):
        prefix = (row["postnr_poststed"][:2] or "00") if row["postnr_poststed"][:2].isdigit() else "00"
        groups[f"99{prefix}"].append(index)
    return dict(groups)


def import_lists(factory) -> tuple[dict[str, list[int]], dict[int, int], float]:
    """Every list imported into its municipality (agreement id = row number + 1); per agreement its length."""
    rows = read_rows()
    whole = build_municipality_file()
    lengths = {index + 1: int(row["antall_paa_listen"]) for index, row in enumerate(rows)}
    started = time.perf_counter()
    found: dict[str, list[int]] = {}
    for number, indices in sorted(municipalities().items()):
        wanted = [whole["agreements"][i] for i in indices]
        offices = {a["office"] for a in wanted}
        hprs = {p["doctor"] for a in wanted for p in a["doctor_periods"]}
        document = {
            "municipality": {"number": number, "name": f"Postnummer {number[2:]}xx (syntetisk)"},
            "offices": [o for o in whole["offices"] if o["organisation_number"] in offices],
            "doctors": [d for d in whole["doctors"] if d["hpr_number"] in hprs],
            "agreements": wanted,
            "list_counts": [
                {"agreement": a["id"], "month": "2027-04", "list_length": lengths[a["id"]]} for a in wanted
            ],
        }
        found[number] = [a["id"] for a in wanted]
        with factory() as session:
            file_service.import_municipality_file(session, actor=SYSTEM, document=document, source="bench")
    return found, lengths, time.perf_counter() - started


# The tables the load writes; their secondary indexes, unique and foreign-key constraints are dropped for the
# load and built again after it (one pass over the rows instead of an index update and a check per row).
LOADED = ("citizen", "membership", "citizen_parent", "list_length_change")
CHUNK = 1 << 20


def copy_citizens(engine, groups: dict[str, list[int]], lengths: dict[int, int], share: float) -> dict:
    """One citizen per place (times `share`), written with one COPY per table over every municipality, in
    one transaction: the citizens streamed while their places and parents are spooled to temporary files;
    then the places, the parents and the lists' kept lengths (docs/adr/0014); then the indexes and
    constraints built again."""
    started = time.perf_counter()
    numbers = generate.Numbers(None)
    counts = {"citizens": 0, "children": 0}
    kept: Counter = Counter()
    raw = engine.raw_connection()
    try:
        with (
            raw.cursor() as cursor,
            tempfile.TemporaryFile("w+") as places,
            tempfile.TemporaryFile("w+") as parents,
        ):
            rebuild = _drop_indexes(cursor)
            with cursor.copy(
                "COPY citizen (id, national_id, name, birth_date, sex, home_municipality_number, "
                "resident_since) FROM STDIN"
            ) as copy:
                for number, agreement_ids in sorted(groups.items()):
                    wanted = {a: max(int(lengths[a] * share), 0) for a in agreement_ids}
                    first = counts["citizens"] + 1
                    lines = []
                    for offset, (agreement_id, born, male, name, parent) in enumerate(
                        generate.people(wanted, TODAY, seed=int(number))
                    ):
                        citizen_id = first + offset
                        national_id, adjusted = numbers.next(born, male)
                        since = max(born, date(2015, 1, 1))
                        sex = "male" if male else "female"
                        lines.append(
                            f"{citizen_id}\t{national_id}\t{name}\t{adjusted}\t{sex}\t{number}\t"
                            f"{max(adjusted, date(2015, 1, 1))}\n"
                        )
                        places.write(f"{citizen_id}\t{agreement_id}\t{since}\tregister\n")
                        kept[agreement_id, since] += 1
                        if parent is not None:
                            parents.write(f"{citizen_id}\t{first + parent}\tf\n")
                            counts["children"] += 1
                    copy.write("".join(lines))
                    counts["citizens"] += len(lines)
            for table, columns, spooled in (
                ("membership", "citizen_id, agreement_id, start_date, begin_reason", places),
                ("citizen_parent", "child_id, parent_id, is_primary", parents),
            ):
                spooled.seek(0)
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    while chunk := spooled.read(CHUNK):
                        copy.write(chunk)
            with cursor.copy("COPY list_length_change (agreement_id, day, delta) FROM STDIN") as copy:
                for (agreement_id, day), delta in sorted(kept.items()):
                    copy.write_row((agreement_id, day, delta))
            copied = time.perf_counter() - started
            cursor.execute("SET maintenance_work_mem = '512MB'")  # this session's index builds only
            for statement in rebuild:
                cursor.execute(statement)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('citizen', 'id'), (SELECT max(id) FROM citizen))"
            )
        raw.commit()
        indexed = time.perf_counter() - started - copied
        with raw.cursor() as cursor:
            cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    total = time.perf_counter() - started
    return {**counts, "seconds": total, "copy_seconds": copied, "index_seconds": indexed}


def _drop_indexes(cursor) -> list[str]:
    """Drop the loaded tables' secondary indexes and their foreign-key and unique constraints; the
    statements that make them again: indexes, then unique constraints, then foreign keys."""
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid::regclass::text = ANY(%s) AND contype IN ('u', 'f') ORDER BY contype",
        [list(LOADED)],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))",
        [list(LOADED)],
    )
    indexes = cursor.fetchall()
    for table, name, _ in constraints:
        cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    rebuild = [definition for _, definition in indexes]
    rebuild += [f'ALTER TABLE "{t}" ADD CONSTRAINT "{n}" {d}' for t, n, d in reversed(constraints)]
    return rebuild


def find_a_gp(factory, groups: dict[str, list[int]], requests: int) -> dict:
    """«Find a GP» for a municipality: its lists on the next 1st with open places and waiting lists."""
    pick = random.Random(1)
    timings = []
    for _ in range(requests):
        number = pick.choice(sorted(groups))
        started = time.perf_counter()
        with factory() as session, session.begin():
            agreements = queries.agreements_of(session, number, on=DAY)
            queries.open_places(session, agreements, on=DAY)
            queries.waiting_counts(session, [a.id for a in agreements])
        timings.append(time.perf_counter() - started)
    return summary_ms(timings)


def finder(factory, groups: dict[str, list[int]], requests: int) -> dict:
    """The page's own read (`finder.service.find`, docs/benchmarks.md «Finn fastlege») for a random
    municipality: its lists with GP, office, kept length, waiting list and Helfo's count."""
    pick = random.Random(2)
    timings = []
    for _ in range(requests):
        query = FinderQuery(kommune=pick.choice(sorted(groups)))
        started = time.perf_counter()
        with factory() as session:
            finder_service.find(session, query=query, on=DAY)
        timings.append(time.perf_counter() - started)
    return summary_ms(timings)


def switches(factory, engine, total: int, threads: int) -> dict:
    """`total` switches by `threads` clients at once: random citizens to random open lists; the SQL
    statements sent per switch (without BEGIN and COMMIT)."""
    with engine.connect() as connection:
        top = connection.execute(text("SELECT max(id) FROM citizen")).scalar_one()
        open_lists = list(
            connection.execute(text("SELECT id FROM agreement WHERE list_status = 'open'")).scalars()
        )
    timings: list[float] = []
    refused = [0]
    lock = threading.Lock()

    def client(seed: int) -> None:
        pick = random.Random(seed)
        for _ in range(total // threads):
            citizen, target = pick.randint(1, top), pick.choice(open_lists)
            started = time.perf_counter()
            try:
                with factory() as session:
                    switching.switch(session, actor=SYSTEM, citizen_id=citizen, agreement_id=target, on=DAY)
            except DomainError:
                with lock:
                    refused[0] += 1
            with lock:
                timings.append(time.perf_counter() - started)

    statements = [0]

    def counted(*_) -> None:
        statements[0] += 1

    event.listen(engine, "before_cursor_execute", counted)
    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(seed,)) for seed in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    event.remove(engine, "before_cursor_execute", counted)
    return {
        **summary_ms(timings),
        "per_second": len(timings) / elapsed,
        "refused": refused[0],
        "done": len(timings),
        "statements_per_switch": statements[0] / max(len(timings), 1),
    }


def national_run(factory, groups, use_case) -> dict:
    started = time.perf_counter()
    moved = 0
    for number in sorted(groups):
        with factory() as session:
            moved += use_case(session, actor=SYSTEM, municipality_number=number, on=DAY).moved
    return {"seconds": time.perf_counter() - started, "moved": moved, "peak_mib": peak_memory_mib()}


def all_lengths(factory) -> dict:
    started = time.perf_counter()
    with factory() as session, session.begin():
        found = queries.list_lengths(session, on=date(2027, 4, 1))
    return {"seconds": time.perf_counter() - started, "agreements": len(found), "listed": sum(found.values())}


def sqlite_municipality(args) -> dict:
    """SQLite, the embedded default: one municipality of about `--citizens` citizens on the first lists of the
    national list, generated through the demo's bulk insert; the same measurements, one switching client."""
    result: dict = {"backend": "sqlite"}
    rows = read_rows()
    lengths, total = {}, 0
    for index, row in enumerate(rows):
        if total >= args.citizens:
            break
        lengths[index + 1] = int(row["antall_paa_listen"])
        total += lengths[index + 1]
    with fresh_database("sqlite") as engine:
        factory = session_factory(engine)
        document = build_municipality_file(rows=len(lengths), number="9901", name="Én kommune (syntetisk)")
        with factory() as session:
            file_service.import_municipality_file(session, actor=SYSTEM, document=document, source="bench")
        started = time.perf_counter()
        with factory() as session:
            made = generate.generate(session, municipality_number="9901", today=TODAY, lengths=lengths)
        result["load"] = {
            "citizens": made,
            "seconds": time.perf_counter() - started,
            "agreements": len(lengths),
        }
        groups = {"9901": list(lengths)}
        result["find_a_gp"] = find_a_gp(factory, groups, args.requests)
        result["finder"] = finder(factory, groups, args.requests)
        result["switch"] = switches(factory, engine, args.switches, 1)
        result["daily"] = national_run(factory, groups, runs.daily)
        result["monthly"] = national_run(factory, groups, runs.monthly)
        result["lengths"] = all_lengths(factory)
    return result


def _groups() -> dict[str, list[int]]:
    """The synthetic municipalities' agreement ids as `import_lists` made them, without importing."""
    agreements = build_municipality_file()["agreements"]
    return {number: [agreements[i]["id"] for i in rows] for number, rows in municipalities().items()}


@contextlib.contextmanager
def _database(args):
    """A fresh database (dropped after, unless --keep names it), or the one --database names, kept."""
    server = make_url(POSTGRES_SERVER)
    if args.database:
        engine = make_engine(server.set(database=args.database).render_as_string(hide_password=False))
        try:
            yield engine
        finally:
            engine.dispose()
        return
    if not args.keep:
        with fresh_database("postgresql") as engine:
            yield engine
        return
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{args.keep}"'))
    admin.dispose()
    engine = make_engine(server.set(database=args.keep).render_as_string(hide_password=False))
    try:
        migrate.upgrade(engine)
        yield engine
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--share", type=float, default=1.0, help="the fraction of each list to generate")
    parser.add_argument("--switches", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8, help="switching clients, each its own process")
    parser.add_argument("--seconds", type=float, help="end the switch load test after this long")
    parser.add_argument("--http-workers", type=int, default=0, help="also through the API: uvicorn workers")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", metavar="NAME", help="load into a new database of this name and keep it")
    parser.add_argument("--database", metavar="NAME", help="measure a database loaded before (--keep)")
    parser.add_argument("--only-switch", action="store_true", help="without the runs and the lengths")
    parser.add_argument("--sqlite", action="store_true", help="one municipality on SQLite instead")
    parser.add_argument("--citizens", type=int, default=100_000, help="with --sqlite: about this many")
    args = parser.parse_args(argv)
    if args.sqlite:
        print(json.dumps(sqlite_municipality(args), indent=2, ensure_ascii=False, default=str))
        return
    result: dict = {"share": args.share}
    with _database(args) as engine:
        engine.pool.dispose()
        factory = session_factory(engine)
        if args.database:
            groups = _groups()
            result["database"] = args.database
        else:
            groups, lengths, seconds = import_lists(factory)
            result["import_lists"] = {
                "municipalities": len(groups),
                "agreements": len(lengths),
                "seconds": seconds,
            }
            result["load"] = copy_citizens(engine, groups, lengths, args.share)
        result["find_a_gp"] = find_a_gp(factory, groups, args.requests)
        result["finder"] = finder(factory, groups, args.requests)
        url = engine.url.render_as_string(hide_password=False)
        clients, seconds = args.clients, args.seconds
        result["switch"] = switch_load.service_load(
            url, clients=clients, total=args.switches, seconds=seconds
        )
        if args.http_workers:
            result["switch_http"] = switch_load.http_load(
                url, clients=clients, total=args.switches, workers=args.http_workers, seconds=seconds
            )
        if not args.only_switch:
            result["daily"] = national_run(factory, groups, runs.daily)
            result["monthly"] = national_run(factory, groups, runs.monthly)
            result["lengths"] = all_lengths(factory)
    print(json.dumps(result, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
