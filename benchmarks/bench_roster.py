"""Benchmark: the roster solver (LV-*, issue 5) on two instances, pure Python and CP-SAT, no database.

1. Vefsn, 6 months (1 July–31 December 2027): 12 GPs and a LIS1 who needs a bakvakt (rostered on the
   weekend shifts only); weekday shifts 15:30–08:00, weekend and holiday shifts 09:00–09:00; summer at
   double frequency (three GPs away at a time, 17 days each); one GP exempt from nights from 1 October,
   one at 60 %. Target: proven optimal in under 10 s.
2. An intermunicipal legevakt, 150 doctors over 12 months of 2027: four stations with an evening and a
   night shift on weekdays and 12-hour day and night shifts on weekends (2,920 shifts); three weeks of
   summer holiday and a week's course per doctor, every tenth exempt from nights, every seventh at 50 %.
   Targets: a roster without avoidable vacancies in 30 s, within 2 % of the solver's bound in 120 s.

A diagnostic third instance, `vefsn-crowded-summer`, is Vefsn with half the GPs on holiday at once and
24 requests: its optimum is above zero, so proving it takes a real bound, not only a roster without
penalties.

Both are `legetjeneste.rostering.scenarios`. Each instance runs in a child process of its own, with
seed 0; the time includes building the model and the greedy start. Vefsn runs with one CP-SAT worker
(deterministic, and on a shared 2-CPU machine faster than two: the single worker runs the full-LP search
that closes it), the intermunicipal scheme with two (the second runs the large-neighbourhood search).
Every better roster is recorded with its time, objective and bound, so the table shows when the first
roster without avoidable vacancies appeared (vacancies equal to the lower bound of
`explain.infeasibility`).

    .venv/bin/python benchmarks/bench_roster.py [--instance NAME|all] [--workers N] [--json]
"""

import argparse
import json
import os
import sys
from time import perf_counter

from common import markdown_table, peak_memory_mib, run_in_child

from legetjeneste.rostering import scenarios
from legetjeneste.rostering.explain import infeasibility
from legetjeneste.rostering.solver import solve

INSTANCES = {
    "vefsn": {"build": scenarios.vefsn, "time_limit": 10.0, "workers": 1, "target": "optimal < 10 s"},
    "vefsn-crowded-summer": {
        "build": scenarios.vefsn_crowded_summer,
        "time_limit": 10.0,
        "workers": 1,
        "target": "optimal < 10 s (diagnostic)",
    },
    "intermunicipal": {
        "build": scenarios.intermunicipal,
        "time_limit": 120.0,
        "workers": 2,
        "target": "no avoidable vacancy < 30 s, gap ≤ 2 % < 120 s",
    },
}
FIRST_SECONDS = 30.0
GAP = 0.02


def run(instance: str, workers: int) -> dict:
    """Solve one instance and record its progress."""
    started = perf_counter()
    problem = INSTANCES[instance]["build"]()
    built = perf_counter() - started
    unavoidable = sum(shortage.missing for shortage in infeasibility(problem))
    weight = problem.weights.vacancy
    progress: list[dict] = []

    def record(step) -> None:
        progress.append({"seconds": step.wall_time, "objective": step.objective, "bound": step.bound})

    solution = solve(
        problem, time_limit=INSTANCES[instance]["time_limit"], seed=0, workers=workers, on_progress=record
    )
    no_avoidable = next(
        (p["seconds"] for p in progress if p["objective"] < (unavoidable + 1) * weight),
        None,
    )
    within_gap = next(
        (
            p["seconds"]
            for p in progress
            if p["objective"] and (p["objective"] - solution.bound) / p["objective"] <= GAP
        ),
        None,
    )
    if solution.objective == 0:
        within_gap = progress[-1]["seconds"] if progress else solution.wall_time
    return {
        "instance": instance,
        "shifts": len(problem.shifts),
        "doctors": len(problem.participants),
        "workers": workers,
        "status": solution.status,
        "objective": solution.objective,
        "bound": solution.bound,
        "gap": solution.gap,
        "seconds": solution.wall_time,
        "problem_seconds": built,
        "vacant": len(solution.vacant),
        "unavoidable_vacancies": unavoidable,
        "first_without_avoidable_vacancy_s": no_avoidable,
        "within_gap_s": within_gap,
        "penalties": dict(solution.penalties),
        "progress": progress,
        "peak_mib": peak_memory_mib(),
        "load_average": list(os.getloadavg()),
    }


def measure(instances: tuple[str, ...] = tuple(INSTANCES), workers: int | None = None) -> list[dict]:
    """Each instance in a child process, with its own worker count unless `workers` is given."""
    return [
        run_in_child(__file__, ["--instance", name, "--workers", str(workers or INSTANCES[name]["workers"])])
        for name in instances
    ]


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def table(results: list[dict]) -> str:
    header = [
        "instance", "shifts × doctors", "workers", "status", "objective", "bound", "gap", "time",
        "first roster without avoidable vacancy", "within 2 % of bound", "vacant (unavoidable)",
        "load average (1, 5, 15 min)",
    ]  # fmt: skip
    rows = [
        [
            r["instance"],
            f"{r['shifts']} × {r['doctors']}",
            str(r["workers"]),
            r["status"],
            str(r["objective"]),
            str(r["bound"]),
            f"{100 * r['gap']:.2f} %",
            _seconds(r["seconds"]),
            _seconds(r["first_without_avoidable_vacancy_s"]),
            _seconds(r["within_gap_s"]),
            f"{r['vacant']} ({r['unavoidable_vacancies']})",
            ", ".join(f"{v:.1f}" for v in r["load_average"]),
        ]
        for r in results
    ]
    return markdown_table(header, rows)


def summary(results: list[dict]) -> str:
    lines = []
    for r in results:
        if r["instance"].startswith("vefsn"):
            met = r["status"] == "optimal" and r["seconds"] < 10
            verdict = "met" if met else "NOT met"
            lines.append(f"{r['instance']}: {r['status']} in {r['seconds']:.1f} s — target {verdict}.")
        else:
            first = r["first_without_avoidable_vacancy_s"]
            gap = r["within_gap_s"]
            met_first = first is not None and first < FIRST_SECONDS
            met_gap = gap is not None and gap < 120
            lines.append(
                f"Intermunicipal: first roster without avoidable vacancy after {_seconds(first)} "
                f"(target 30 s: {'met' if met_first else 'NOT met'}); within 2 % of the bound after "
                f"{_seconds(gap)} (target 120 s: {'met' if met_gap else 'NOT met'})."
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", choices=[*INSTANCES, "all"], default="all")
    parser.add_argument(
        "--workers", type=int, help="CP-SAT workers (default: 1 for Vefsn, 2 for the intermunicipal scheme)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON (one instance)")
    args = parser.parse_args(argv)
    if args.json:
        if args.instance == "all":
            sys.exit("--json needs one --instance")
        print(json.dumps(run(args.instance, args.workers or INSTANCES[args.instance]["workers"])))
        return
    instances = tuple(INSTANCES) if args.instance == "all" else (args.instance,)
    results = measure(instances, args.workers)
    print(table(results))
    print("\n" + summary(results))


if __name__ == "__main__":
    main()
