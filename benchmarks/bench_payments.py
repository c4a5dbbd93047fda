"""Benchmark: a national-scale basistilskudd run in under 10 s with under 1 GB of memory (PAY-*).

The municipality is NAV's 2011 list as one synthetic municipality (national_file.py, 4,274 lists),
extended to 5,944 agreements, SSB's national total including lists without a GP. The 1,670 extra
agreements are copies of GP lists spread over the country, each with a new id and a new synthetic
doctor ("Lege S-nnnn", HPR 9,000,000 + n) in the office of the list it copies. Every tenth extra
agreement is new in 2025, with an agreement date, a listetak of 1,000 and fewer than 500 patients, so
it gets grunntilskudd (PAY-GRUNN). Every 25th GP list is salaried; the 59 vacant lists have no GP.
Every doctor except every 100th has a valid payment account (mod 11, stdnum.no.kontonr); 300 vikar
doctors are added. All of that goes through `import_municipality_file`.

Then, inserted directly with SQLAlchemy core (the set-up is not what is measured):
- a list count for every agreement for each month from 2025-10 to 2026-12, every third with Helfo's
  patient-adjusted annual amount (PBT);
- 10,000 absences spread over 2026 (sickness also from December 2025), none overlapping for a doctor,
  with realistic grounds (vacation and other ordinary absence, own and children's sickness, courses,
  union work, public duties, parental leave, …) and covers (collegial, own vikar, the municipality's
  vikar, none).

Timed, each in a new session: `payments.service.compute_run` for 2026-03 (the first computation), the
same again (a recomputation of the draft), `approve_run`, and, after 100 late absences and 50 corrected
counts for March, `compute_run` for 2026-04 (which also recomputes the approved March for corrections).
Each backend runs in a child process of its own; the peak memory is its ru_maxrss.

    .venv/bin/python benchmarks/bench_payments.py [--backend sqlite|postgresql|all] [--profile]
                                                  [--dump FILE] [--year] [--json]

--profile prints a cProfile of each timed step to stderr; --dump writes the runs' lines (without the
timestamps) and every stored line as JSON, to compare the lines before and after a change. --year is a
diagnosis that takes minutes: every month of 2026 is computed and approved in turn, with late changes
after each approval, so that December recomputes eleven approved months for their corrections.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from time import perf_counter, process_time

import national_file
from common import BACKENDS, Unavailable, fresh_database, markdown_table, peak_memory_mib, run_in_child
from sqlalchemy import Engine, event, insert, select, update
from stdnum.no import kontonr

from legetjeneste.absence.models import Absence
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.dates import OSLO
from legetjeneste.db import session_factory
from legetjeneste.money import to_ore
from legetjeneste.municipality_file import service as file_service
from legetjeneste.payments.runs import service as payment_service
from legetjeneste.payments.runs.models import PaymentLine, PaymentRun
from legetjeneste.registry.models import Agreement, Doctor, DoctorPeriod, ListCount

TARGET_SECONDS = 10.0
TARGET_MIB = 1024.0
NUMBER = "9999"
NAME = "Norge 2011 (syntetisk, 5 944 avtaler)"
AGREEMENTS = 5944
SYNTHETIC_HPR = 9_000_000
VIKARS = 300
VIKAR_HPR = 7_000_000
ABSENCES = 10_000
LATE_ABSENCES = 100
CORRECTED_COUNTS = 50
MONTH = date(2026, 3, 1)
NEXT_MONTH = date(2026, 4, 1)
COUNT_MONTHS = [date(2025, 10, 1), date(2025, 11, 1), date(2025, 12, 1)] + [
    date(2026, m, 1) for m in range(1, 13)
]
AVERAGE_RATE = Decimal("841.80")
SEED = 20261122
STEPS = ("compute", "recompute", "approve", "next_month")

# (ground, weight, shortest, longest): days of one absence
GROUNDS = (
    ("ordinary", 40, 3, 21),
    ("own_sickness", 25, 1, 10),
    ("child_sickness", 10, 1, 3),
    ("course", 9, 2, 10),
    ("public_duty", 4, 1, 3),
    ("union", 3, 1, 4),
    ("parental", 3, 20, 120),
    ("child_serious_illness", 2, 5, 30),
    ("care_benefits", 1, 5, 20),
    ("military", 1, 10, 30),
    ("research", 2, 20, 90),
)
COVERS = (("collegial", 55), ("own_vikar", 20), ("municipal_vikar", 10), ("none", 15))


def account_number(n: int) -> str:
    """A valid Norwegian account number (11 digits, modulus-11 check digit), made up from n."""
    serial = n
    while True:
        stem = f"9{serial:09d}"[-10:]
        for check in "0123456789":
            if kontonr.is_valid(stem + check):
                return stem + check
        serial += 7_919_999  # no check digit for this stem (remainder 10): try another


def national_document() -> tuple[dict, dict]:
    """The 2011 file extended to 5,944 agreements, with payment accounts, vikars and some salaried lists."""
    document = national_file.build_municipality_file(number=NUMBER, name=NAME)
    agreements = document["agreements"]
    gp_lists = [a for a in agreements if a["doctor_periods"]]
    extra = AGREEMENTS - len(agreements)
    next_id = max(a["id"] for a in agreements) + 1
    new_lists, source_of = [], {}
    for n in range(extra):
        source = gp_lists[n * len(gp_lists) // extra]
        hpr = str(SYNTHETIC_HPR + n)
        document["doctors"].append(
            {
                "hpr_number": hpr,
                "first_name": "Lege",
                "last_name": f"S-{n:04d}",
                "birth_date": date(1960 + n % 30, 1 + n % 12, 1 + n % 28).isoformat(),
                "specialist_status": "alis" if n % 5 == 0 else "allmennmedisin",
            }
        )
        agreement = {**source, "id": next_id + n, "doctor_periods": []}
        source_of[agreement["id"]] = source["id"]
        start = national_file.AGREEMENT_START
        if n % 10 == 0:  # a new list in 2025: grunntilskudd while it has fewer than 500 patients
            start = date(2025, 1 + n % 9, 1).isoformat()
            agreement |= {"agreement_date": start, "start": start, "listetak": 1000, "list_status": "open"}
            new_lists.append(agreement["id"])
        agreement["doctor_periods"] = [{"doctor": hpr, "role": "regular", "start": start}]
        agreements.append(agreement)
    for n, agreement in enumerate(gp_lists):
        if n % 25 == 24:
            agreement["operating_model"] = "salaried"
    for n in range(VIKARS):
        document["doctors"].append(
            {
                "hpr_number": str(VIKAR_HPR + n),
                "first_name": "Vikar",
                "last_name": f"V-{n:03d}",
                "birth_date": date(1980 + n % 15, 1 + n % 12, 1 + n % 28).isoformat(),
                "specialist_status": "none" if n % 3 else "alis",
            }
        )
    for n, doctor in enumerate(document["doctors"]):
        if n % 100 != 99:
            doctor["payment_account"] = account_number(n * 104_729 + 1)
    shape = {
        "agreements": len(agreements),
        "copied_agreements": extra,
        "new_2025_agreements": len(new_lists),
        "salaried": sum(1 for a in agreements if a["operating_model"] == "salaried" and a["doctor_periods"]),
        "vacant": sum(1 for a in agreements if not a["doctor_periods"]),
        "doctors": len(document["doctors"]),
        "offices": len(document["offices"]),
    }
    return document, {"shape": shape, "new_lists": new_lists, "source_of": source_of}


def _list_counts(document: dict, new_lists: list[int], source_of: dict[int, int]) -> list[dict]:
    """Every agreement's count for every month of COUNT_MONTHS, near its 2011 list length (a copied list:
    that of the list it copies); a list new in 2025 under 500; every third agreement with a PBT amount."""
    patients = {c["agreement"]: c["list_length"] for c in document["list_counts"]}
    new = set(new_lists)
    rows = []
    for agreement in document["agreements"]:
        agreement_id = agreement["id"]
        base = patients[source_of.get(agreement_id, agreement_id)]
        for index, month in enumerate(COUNT_MONTHS):
            if agreement_id in new:
                length = 120 + (agreement_id * 37 + index * 11) % 360
            else:
                length = max(0, base + (agreement_id * 7 + index * 13) % 41 - 20)
            pbt = None
            if agreement_id % 3 == 0:
                factor = Decimal(85 + agreement_id % 31) / 100
                pbt = to_ore(length * AVERAGE_RATE * factor)
            rows.append(
                {
                    "agreement_id": agreement_id,
                    "month": month,
                    "list_length": length,
                    "waiting_list_count": agreement_id % 5,
                    "pbt_annual_amount": pbt,
                }
            )
    return rows


def _weighted(rng: random.Random, choices: tuple) -> tuple:
    return rng.choices(choices, weights=[c[1] for c in choices])[0]


def _absence_rows(
    rng: random.Random,
    regular: list[tuple[int, int]],
    vikar_ids: list[int],
    count: int,
    busy: dict[int, list[tuple[date, date]]],
    *,
    first: date,
    last: date,
    grounds: tuple = GROUNDS,
    covers: tuple = COVERS,
    summer: bool = True,
) -> list[dict]:
    """`count` absences starting between first and last (other than sickness from 2026), none overlapping
    another of the same doctor; with `summer`, almost half the ordinary absences are summer vacations."""
    made = datetime(2026, 1, 2, 8, 0, tzinfo=OSLO)
    rows = []
    span = (last - first).days + 1
    while len(rows) < count:
        doctor_id, agreement_id = rng.choice(regular)
        ground, _, shortest, longest = _weighted(rng, grounds)
        days = rng.randint(shortest, longest)
        if ground == "ordinary" and summer and rng.random() < 0.45:
            start = date(2026, 6, 1) + timedelta(weeks=rng.randrange(11))
            days = rng.choice((14, 21, 21, 28))
        elif ground == "own_sickness" and rng.random() < 0.15:  # a longer sickness
            start = first + timedelta(rng.randrange(span))
            days = rng.randint(14, 60)
        else:
            start = first + timedelta(rng.randrange(span))
        if ground != "own_sickness" and start.year < 2026:
            start = date(2026, 1, 1) + timedelta(rng.randrange((last - date(2026, 1, 1)).days + 1))
        end = start + timedelta(days - 1)
        if any(start <= b_end and end >= b_start for b_start, b_end in busy[doctor_id]):
            continue
        busy[doctor_id].append((start, end))
        cover = "own_vikar" if ground == "research" else _weighted(rng, covers)[0]
        vikar = rng.choice(vikar_ids) if cover in ("own_vikar", "municipal_vikar") else None
        details = {"children": 1, "chronically_ill": False, "sole_carer": False}
        if ground in ("child_sickness", "child_serious_illness", "care_benefits"):
            details = {
                "children": rng.choice((1, 1, 2, 2, 3)),
                "chronically_ill": rng.random() < 0.05,
                "sole_carer": rng.random() < 0.1,
            }
        rows.append(
            {
                "municipality_number": NUMBER,
                "doctor_id": doctor_id,
                "agreement_id": agreement_id,
                "ground": ground,
                "start_date": start,
                "end_date": end,
                "cover": cover,
                "vikar_doctor_id": vikar,
                "details": details,
                "created_at": made,
                "created_by": "benchmark",
            }
        )
    return rows


def prepare(engine: Engine) -> dict:
    """Import the national file, then insert the counts and the absences directly."""
    document, extra = national_document()
    with session_factory(engine)() as session:
        report = file_service.import_municipality_file(session, actor=SYSTEM, document=document)
    counts = _list_counts(document, extra["new_lists"], extra["source_of"])
    factory = session_factory(engine)
    with factory() as session, session.begin():
        session.execute(insert(ListCount.__table__), counts)
        regular = [
            (doctor_id, agreement_id)
            for doctor_id, agreement_id in session.execute(
                select(DoctorPeriod.doctor_id, DoctorPeriod.agreement_id)
                .join(Agreement, Agreement.id == DoctorPeriod.agreement_id)
                .where(Agreement.municipality_number == NUMBER, DoctorPeriod.role == "regular")
                .order_by(DoctorPeriod.agreement_id)
            )
        ]
        vikar_ids = list(
            session.scalars(
                select(Doctor.id)
                .where(Doctor.municipality_number == NUMBER, Doctor.first_name == "Vikar")
                .order_by(Doctor.id)
            )
        )
        rng, busy = random.Random(SEED), {doctor_id: [] for doctor_id, _ in regular}
        absences = _absence_rows(
            rng, regular, vikar_ids, ABSENCES, busy, first=date(2025, 12, 1), last=date(2026, 12, 31)
        )
        session.execute(insert(Absence.__table__), absences)
    grounds: dict[str, int] = {}
    for row in absences:
        grounds[row["ground"]] = grounds.get(row["ground"], 0) + 1
    march = [a for a in absences if a["start_date"] <= date(2026, 3, 31) and a["end_date"] >= MONTH]
    return {
        **extra["shape"],
        "warnings": len(report["warnings"]),
        "gps": len(regular),
        "list_counts": len(counts),
        "absences": len(absences),
        "absences_in_month": len(march),
        "grounds": dict(sorted(grounds.items(), key=lambda item: -item[1])),
        "_late": (rng, regular, vikar_ids, busy),
    }


def late_changes(engine: Engine, late: tuple, month: date = MONTH) -> None:
    """After `month` is approved: late sicknesses in it and corrected counts (the next run corrects them)."""
    rng, regular, vikar_ids, busy = late
    rows = _absence_rows(
        rng,
        regular,
        vikar_ids,
        LATE_ABSENCES,
        busy,
        first=month,
        last=month + timedelta(19),
        grounds=(("own_sickness", 1, 17, 30),),
        covers=(("none", 1), ("municipal_vikar", 1)),
        summer=False,
    )
    with session_factory(engine)() as session, session.begin():
        session.execute(insert(Absence.__table__), rows)
        for agreement_id in [agreement for _, agreement in regular[month.month :: 97]][:CORRECTED_COUNTS]:
            session.execute(
                update(ListCount)
                .where(ListCount.agreement_id == agreement_id, ListCount.month == month)
                .values(list_length=ListCount.list_length + 25)
            )


class Statements:
    """Counts the SQL statements the engine sends while it is attached."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


def _plain(run) -> dict:
    """A run's read model without the moments it was computed and approved: what must not change."""
    return run.model_dump(mode="json", exclude={"computed_at", "approved_at"})


def _stored_lines(engine: Engine) -> list[list]:
    """Every stored payment line, run by run, without its id: the database side of --dump."""
    columns = [c for c in PaymentLine.__table__.columns if c.name not in ("id", "run_id")]
    with session_factory(engine)() as session:
        rows = session.execute(
            select(PaymentRun.month, *columns)
            .join(PaymentRun, PaymentRun.id == PaymentLine.run_id)
            .order_by(PaymentRun.month, PaymentLine.position)
        )
        return [list(row) for row in rows]


def timed_step(engine: Engine, statements: Statements, step: str, month: date, profile: bool):
    factory = session_factory(engine)
    profiler = cProfile.Profile() if profile else None
    with factory() as session:
        before = statements.count
        wall, cpu = perf_counter(), process_time()
        if profiler:
            profiler.enable()
        if step == "approve":
            run = payment_service.approve_run(session, actor=SYSTEM, municipality_number=NUMBER, month=month)
        else:
            run = payment_service.compute_run(session, actor=SYSTEM, municipality_number=NUMBER, month=month)
        if profiler:
            profiler.disable()
        wall, cpu = perf_counter() - wall, process_time() - cpu
        sql = statements.count - before
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(45)
        print(f"\n===== {step} ({month}) =====\n{text.getvalue()}", file=sys.stderr)
    kinds: dict[str, int] = {}
    for line in run.lines:
        kinds[line.kind] = kinds.get(line.kind, 0) + 1
    result = {
        "wall_s": wall,
        "cpu_s": cpu,
        "statements": sql,
        "lines": len(run.lines),
        "payees": len(run.payees),
        "kinds": kinds,
        "total": str(run.total),
        "peak_mib": peak_memory_mib(),
    }
    return result, run


def run(backend: str, *, profile: bool = False, dump: str | None = None) -> dict:
    memory = {"start_mib": peak_memory_mib()}
    with fresh_database(backend) as engine:
        start = perf_counter()
        shape = prepare(engine)
        late = shape.pop("_late")
        setup_s = perf_counter() - start
        memory["after_setup_mib"] = peak_memory_mib()
        statements = Statements(engine)
        load_before = os.getloadavg()[0]
        steps, runs = {}, {}
        steps["compute"], runs["compute"] = timed_step(engine, statements, "compute", MONTH, profile)
        steps["recompute"], runs["recompute"] = timed_step(engine, statements, "recompute", MONTH, profile)
        steps["approve"], runs["approve"] = timed_step(engine, statements, "approve", MONTH, profile)
        late_changes(engine, late)
        steps["next_month"], runs["next_month"] = timed_step(
            engine, statements, "next_month", NEXT_MONTH, profile
        )
        load_after = os.getloadavg()[0]
        stored = _stored_lines(engine) if dump else None
    first = _plain(runs["compute"])
    for step in ("recompute", "approve"):
        again = _plain(runs[step])
        if again["lines"] != first["lines"] or again["payees"] != first["payees"]:
            raise AssertionError(f"{step}: the lines differ from the first computation")
    if dump:
        with open(dump, "w", encoding="utf-8") as handle:
            runs_read = {"march": first, "april": _plain(runs["next_month"])}
            json.dump({**runs_read, "stored": stored}, handle, ensure_ascii=False, default=str)
    memory["peak_mib"] = peak_memory_mib()
    return {
        "backend": backend,
        **shape,
        "setup_s": setup_s,
        "steps": steps,
        "memory": memory,
        "load_average": [load_before, load_after],
    }


def run_year(backend: str, dump: str | None = None) -> dict:
    """A diagnosis: every month of 2026 computed and approved in turn, with late changes after each
    approval, so that December's run recomputes eleven approved months for their corrections."""
    with fresh_database(backend) as engine:
        shape = prepare(engine)
        late = shape.pop("_late")
        statements = Statements(engine)
        load_before = os.getloadavg()[0]
        months, reads = [], {}
        for number in range(1, 13):
            month = date(2026, number, 1)
            computed, read = timed_step(engine, statements, "compute", month, False)
            reads[month.isoformat()[:7]] = _plain(read)
            entry = {
                "month": month.isoformat()[:7],
                "approved_before": number - 1,
                "compute_s": computed["wall_s"],
                "compute_cpu_s": computed["cpu_s"],
                "lines": computed["lines"],
                "corrections": computed["kinds"].get("adjustment", 0),
                "peak_mib": computed["peak_mib"],
            }
            if number < 12:
                approved, _ = timed_step(engine, statements, "approve", month, False)
                entry |= {"approve_s": approved["wall_s"], "approve_cpu_s": approved["cpu_s"]}
                late_changes(engine, late, month)
            months.append(entry)
        load_after = os.getloadavg()[0]
        if dump:
            with open(dump, "w", encoding="utf-8") as handle:
                json.dump({**reads, "stored": _stored_lines(engine)}, handle, ensure_ascii=False, default=str)
    return {
        "backend": backend,
        "months": months,
        "peak_mib": peak_memory_mib(),
        "load_average": [load_before, load_after],
    }


def run_or_skip(backend: str, *, year: bool = False, **options) -> dict:
    try:
        return run_year(backend, options.get("dump")) if year else run(backend, **options)
    except Unavailable as reason:
        return {"backend": backend, "skipped": str(reason)}


def measure(backends: tuple[str, ...] = BACKENDS, *, year: bool = False) -> list[dict]:
    extra = ["--year"] if year else []
    return [run_in_child(__file__, ["--backend", backend, *extra]) for backend in backends]


def year_table(results: list[dict]) -> str:
    done = [r for r in results if "skipped" not in r]
    header = ["month", "approved months before"] + [
        f"{r['backend']} {what}" for r in done for what in ("compute", "approve")
    ]
    rows = []
    for index, entry in enumerate(done[0]["months"] if done else []):
        cells = [entry["month"], str(entry["approved_before"])]
        for result in done:
            month = result["months"][index]
            cells.append(f"{month['compute_s']:.2f} s")
            cells.append(f"{month['approve_s']:.2f} s" if "approve_s" in month else "–")
        rows.append(cells)
    peaks = ", ".join(f"{r['backend']} {r['peak_mib']:.0f} MiB" for r in done)
    loads = ", ".join(f"{r['backend']} " + "–".join(f"{v:.1f}" for v in r["load_average"]) for r in done)
    return markdown_table(header, rows) + f"\n\nPeak RSS: {peaks}. Load average: {loads}."


def table(results: list[dict]) -> str:
    header = [
        "backend",
        "first computation (March)",
        "recomputation",
        "approval",
        "April with corrections",
        "lines (March / April)",
        "SQL statements (first)",
        "peak RSS (after set-up)",
        "load avg",
        f"< {TARGET_SECONDS:.0f} s and < 1 GB",
    ]
    rows = []
    for result in results:
        if "skipped" in result:
            rows.append([result["backend"], result["skipped"], *[""] * (len(header) - 2)])
            continue
        steps = result["steps"]
        slowest = max(steps[step]["wall_s"] for step in STEPS)
        peak = result["memory"]["peak_mib"]
        load = "–".join(f"{value:.1f}" for value in result["load_average"])
        rows.append(
            [
                result["backend"],
                *[f"{steps[step]['wall_s']:.2f} s (CPU {steps[step]['cpu_s']:.2f} s)" for step in STEPS],
                f"{steps['compute']['lines']:,} / {steps['next_month']['lines']:,}",
                str(steps["compute"]["statements"]),
                f"{peak:.0f} MiB ({result['memory']['after_setup_mib']:.0f} MiB)",
                load,
                "yes" if slowest < TARGET_SECONDS and peak < TARGET_MIB else "**no**",
            ]
        )
    return markdown_table(header, rows)


def summary(results: list[dict]) -> str:
    done = [r for r in results if "skipped" not in r]
    if not done:
        return "Nothing measured."
    first = done[0]
    march, april = first["steps"]["compute"], first["steps"]["next_month"]
    kinds = ", ".join(f"{kind} {count:,}" for kind, count in march["kinds"].items())
    grounds = ", ".join(f"{ground} {count:,}" for ground, count in first["grounds"].items())
    adjustments = april["kinds"].get("adjustment", 0)
    setup = ", ".join(f"{r['backend']} {r['setup_s']:.0f} s" for r in done)
    return (
        f"{first['agreements']:,} agreements ({first['copied_agreements']:,} copied, "
        f"{first['new_2025_agreements']} of them new in 2025; {first['salaried']} salaried GP lists, "
        f"{first['vacant']} vacant lists), {first['gps']:,} GPs, {first['doctors']:,} doctors with the "
        f"vikars, {first['offices']:,} offices, {first['list_counts']:,} list counts.\n"
        f"{first['absences']:,} absences ({grounds}); {first['absences_in_month']:,} of them touch March.\n"
        f"March: {march['lines']:,} lines to {march['payees']:,} payees, total {march['total']} kr "
        f"({kinds}).\n"
        f"April, after {LATE_ABSENCES} late absences and {CORRECTED_COUNTS} corrected counts for March: "
        f"{april['lines']:,} lines, {adjustments} of them corrections of March.\n"
        f"Set-up (not timed): {setup}."
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--profile", action="store_true", help="cProfile each timed step (stderr)")
    parser.add_argument("--dump", help="write the runs' lines as JSON to this file")
    parser.add_argument("--year", action="store_true", help="diagnosis: compute and approve all of 2026")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    if args.backend == "all":
        results = measure(BACKENDS, year=args.year)
    else:
        results = [run_or_skip(args.backend, year=args.year, profile=args.profile, dump=args.dump)]
    if args.json:
        print(json.dumps(results if args.backend == "all" else results[0], ensure_ascii=False))
    elif args.year:
        print(year_table(results))
    else:
        print(table(results))
        print("\n" + summary(results))


if __name__ == "__main__":
    main()
