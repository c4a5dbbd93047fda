"""Reading jobs and rosters: per doctor the shifts of each kind against the fair target, what each soft
rule cost, the vacancies with why, the changes from the re-planned roster. Never commits."""

from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import date, datetime

from legetjeneste.legevakt.problem_builder import to_document
from legetjeneste.legevakt.roster_feeds import FeedShift
from legetjeneste.legevakt.roster_models import Roster, RosterAssignment, RosterJob
from legetjeneste.legevakt.roster_schemas import (
    AssignmentRead,
    ChangeRead,
    DoctorCounts,
    DoctorProgress,
    JobRead,
    PenaltyRead,
    RosterRead,
    RosterSummary,
    VacancyReason,
)
from legetjeneste.norwegian import day_text, joined
from legetjeneste.rostering import explain, solver
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering.problem import COUNTERS

JOB_STATUS = {
    "queued": "I kø",
    "running": "Løser",
    "done": "Ferdig",
    "failed": "Feilet",
    "cut_off": "Avbrutt",
}
ROSTER_STATUS = {"draft": "Utkast", "published": "Publisert", "replaced": "Erstattet av ny versjon"}
RULE_NAMES = {
    "vacancy": "Ledige vakter",
    "fairness": "Rettferdig fordeling",
    "spread": "Spredning",
    "request": "Ønsker",
    "change": "Endringer fra publisert liste",
}


def gap(objective: float | None, bound: float | None) -> float | None:
    if objective is None or bound is None:
        return None
    return 0.0 if objective == 0 else abs(objective - bound) / abs(objective)


def job_read(job: RosterJob, *, scheme_name: str, roster_id: int | None, status: str) -> JobRead:
    names = {p["key"]: p["name"] for p in job.problem.get("participants", [])}
    best = job.best_assignments or {}
    per_doctor = Counter(key for key in best.values() if key is not None)
    return JobRead(
        id=job.id,
        municipality=job.municipality_number,
        scheme_id=job.scheme_id,
        scheme_name=scheme_name,
        start=job.start_date,
        end=job.end_date,
        previous_roster_id=job.previous_roster_id,
        status=status,
        status_label=JOB_STATUS[status],
        seed=job.seed,
        time_limit=job.time_limit,
        workers=job.workers,
        objective=job.objective,
        bound=job.bound,
        gap=gap(job.objective, job.bound),
        solutions_found=job.solutions_found,
        shifts=len(job.problem.get("shifts", [])),
        best_vacant=sum(1 for key in best.values() if key is None) if best else None,
        best_so_far=[
            DoctorProgress(hpr_number=key, name=names.get(key, key), shifts=count)
            for key, count in sorted(per_doctor.items(), key=lambda item: names.get(item[0], item[0]))
        ],
        message=job.message,
        created_at=job.created_at,
        created_by=job.created_by,
        started_at=job.started_at,
        finished_at=job.finished_at,
        roster_id=roster_id,
    )


def assignment_read(assignment: RosterAssignment) -> AssignmentRead:
    doctor = assignment.doctor
    return AssignmentRead(
        id=assignment.id,
        shift_id=assignment.shift_key,
        date=assignment.on,
        template=assignment.template,
        label=assignment.label,
        category=assignment.category,
        is_night=assignment.is_night,
        starts_at=assignment.starts_at,
        ends_at=assignment.ends_at,
        doctor_id=assignment.doctor_id,
        doctor_name=doctor.full_name if doctor else None,
        hpr_number=doctor.hpr_number if doctor else None,
        vacant=doctor is None,
        was_vacant=assignment.was_vacant,
    )


def feed_shift(assignment: RosterAssignment, scheme_name: str) -> FeedShift:
    doctor = assignment.doctor
    return FeedShift(
        assignment_id=assignment.id,
        scheme_name=scheme_name,
        label=assignment.label,
        on=assignment.on,
        starts_at=assignment.starts_at,
        ends_at=assignment.ends_at,
        doctor_name=doctor.full_name if doctor else None,
        hpr_number=doctor.hpr_number if doctor else None,
        was_vacant=assignment.was_vacant,
    )


def roster_summary(roster: Roster) -> RosterSummary:
    return RosterSummary.model_validate(_summary_fields(roster))


def _summary_fields(roster: Roster) -> dict:
    return {
        "id": roster.id,
        "municipality": roster.municipality_number,
        "scheme_id": roster.scheme_id,
        "scheme_name": roster.scheme.name,
        "start": roster.start_date,
        "end": roster.end_date,
        "version": roster.version,
        "status": roster.status,
        "status_label": ROSTER_STATUS[roster.status],
        "job_id": roster.job_id,
        "previous_id": roster.previous_id,
        "objective": roster.objective,
        "bound": roster.bound,
        "gap": gap(roster.objective, roster.bound),
        "is_optimal": roster.is_optimal,
        "vacant": sum(1 for a in roster.assignments if a.doctor_id is None),
        "created_at": roster.created_at,
        "created_by": roster.created_by,
        "published_at": roster.published_at,
        "published_by": roster.published_by,
    }


def _available_share(participant: Mapping, shifts: list[Mapping]) -> float:
    """The share of the period's shifts the doctor is not blocked from (exemption, absence, outside the
    scheme): a doctor exempt half the period has half a fair share."""
    windows = [(u["start"], u["end"]) for u in participant.get("unavailable", []) if not u.get("nights_only")]
    if not shifts:
        return 0.0
    free = sum(1 for s in shifts if not any(s["start"] < end and start < s["end"] for start, end in windows))
    return free / len(shifts)


def _counters(shift: Mapping) -> list[str]:
    return [shift["category"]] + (["night"] if shift.get("is_night") else [])


def doctor_counts(problem: Mapping, assignments: Mapping[str, str | None]) -> list[DoctorCounts]:
    """Per doctor the shifts per counter against the fair target: this period's shifts plus the earlier
    published ones this year, shared by participation and availability, minus what was done before."""
    shifts = problem.get("shifts", [])
    by_id = {s["id"]: s for s in shifts}
    participants = problem.get("participants", [])
    weight = {p["key"]: p.get("participation", 100) * _available_share(p, shifts) for p in participants}
    whole = sum(weight.values()) or 1.0
    totals: Counter = Counter(c for s in shifts for c in _counters(s))
    prior_total: Counter = Counter()
    for p in participants:
        prior_total.update(p.get("prior", {}))
    counts: dict[str, Counter] = defaultdict(Counter)
    summer: Counter = Counter()
    hours: Counter = Counter()
    for shift_id, key in assignments.items():
        if key is None or shift_id not in by_id:
            continue
        shift = by_id[shift_id]
        counts[key].update(_counters(shift))
        summer[key] += bool(shift.get("is_summer"))
        hours[key] += (_instant(shift["end"]) - _instant(shift["start"])) / 3600
    days = Counter(s["category"] for s in {s["day"]: s for s in shifts}.values())
    summer_days = len({s["day"] for s in shifts if s.get("is_summer")})
    found = []
    for p in participants:
        key, share = p["key"], weight[p["key"]] / whole
        prior = {c: int(p.get("prior", {}).get(c, 0)) for c in COUNTERS}
        targets = {c: round((totals[c] + prior_total[c]) * share - prior[c], 1) for c in COUNTERS}
        mine = {c: counts[key][c] for c in COUNTERS}
        found.append(
            DoctorCounts(
                hpr_number=key,
                name=p["name"],
                participation=p.get("participation", 100),
                counts=mine,
                targets=targets,
                prior=prior,
                summer_shifts=summer[key],
                every_nth={
                    c: round(days[c] / mine[c], 1) if mine[c] else None for c in ("weekday", "weekend")
                },
                summer_every_nth=round(summer_days / summer[key], 1) if summer[key] else None,
                total_hours=round(hours[key], 1),
            )
        )
    return found


def _instant(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


def changes(
    previous: Mapping[str, str | None], now: Mapping[str, str | None], names: Mapping, labels: Mapping
):
    """The shifts whose doctor differs from the re-planned roster: (shift, from, to)."""
    found = []
    for shift_id in sorted(now, key=lambda s: s):
        if previous.get(shift_id) != now[shift_id] and shift_id in previous:
            day = date.fromisoformat(shift_id.split("/")[0])
            found.append(
                {
                    "shift_id": shift_id,
                    "date": day.isoformat(),
                    "label": labels.get(shift_id, shift_id),
                    "from_doctor": names.get(previous[shift_id]),
                    "to_doctor": names.get(now[shift_id]),
                }
            )
    return found


def roster_read(roster: Roster) -> RosterRead:
    problem = roster.job.problem
    current = {a.shift_key: (a.doctor.hpr_number if a.doctor else None) for a in roster.assignments}
    explanation = roster.explanation or {}
    penalties = [
        PenaltyRead(rule=RULE_NAMES.get(name, name), rule_id=rule_id, cost=cost)
        for name, rule_id, cost in explanation.get("penalties", [])
    ]
    labels = {a.shift_key: a.label for a in roster.assignments}
    vacancies = [
        VacancyReason(
            shift_id=v["shift_id"],
            date=date.fromisoformat(v["shift_id"].split("/")[0]),
            label=labels.get(v["shift_id"], v["shift_id"]),
            reason=v["reason"],
        )
        for v in explanation.get("vacancies", [])
    ]
    summer = [s["day"] for s in problem.get("shifts", []) if s.get("is_summer")]
    return RosterRead(
        **_summary_fields(roster),
        frequency=problem.get("frequency") or {},
        summer_factor=problem.get("summer_factor", 1.0),
        summer=f"{day_text(date.fromisoformat(min(summer)))}–{day_text(date.fromisoformat(max(summer)))}"
        if summer
        else None,
        doctors=doctor_counts(problem, current),
        penalties=penalties,
        vacancies=vacancies,
        explanation_lines=explanation.get("lines", []),
        changes=[ChangeRead.model_validate(c) for c in roster.changes or []],
        assignments=[assignment_read(a) for a in roster.assignments],
    )


# --- the explanation stored with a roster ------------------------------------------------------------

DEFAULT_RULE_IDS = {
    "vacancy": "LV-ALWAYS",
    "fairness": "LV-DUTY",
    "spread": "LV-SHIFTS-VEFSN",
    "request": "LV-SHIFTS-VEFSN",
    "change": "LV-DUTY",
}


def _why_vacant(problem: rp.Problem, assignments: Mapping[str, str | None], shift_id: str) -> str:
    """Which hard rules keep each participant from the shift, counted per rule."""
    blocked: Counter = Counter()
    free: list[str] = []
    for participant in problem.participants:
        trial = {**assignments, shift_id: participant.key}
        broken = {
            v.rule_id
            for v in solver.violations(problem, trial)
            if v.shift_id == shift_id or v.participant == participant.key
        }
        if broken:
            blocked.update(broken)
        else:
            free.append(participant.name)
    if free:
        return f"Kan tas av {joined(free)} uten å bryte en regel; står på vakanslisten."
    parts = [f"{count} av {len(problem.participants)} ({rule})" for rule, count in blocked.most_common()]
    return "Ingen lege kan ta vakten uten å bryte en regel: " + ", ".join(parts) + "."


def explanation_document(problem: rp.Problem, solution: rp.Solution) -> dict:
    """What the roster page shows besides the counts: each soft rule's cost with its rule id, each vacancy
    with why, and the solver's own explanation lines when it gives them."""
    rule_ids = {**DEFAULT_RULE_IDS, **{t.rule: t.rule_id for t in solution.terms}}
    penalties = [[name, rule_ids.get(name, ""), int(cost)] for name, cost in solution.penalties.items()]
    explained: dict = {}
    try:
        explained = to_document(explain.explain(problem, solution)) or {}
    except NotImplementedError:
        explained = {}
    reasons = {v.get("shift_id"): v.get("reason") or v.get("text") for v in _vacancy_items(explained)}
    vacancies = [
        {"shift_id": s, "reason": reasons.get(s) or _why_vacant(problem, solution.assignments, s)}
        for s in solution.vacant
    ]
    return {
        "status": solution.status,
        "wall_time": round(solution.wall_time, 2),
        "seed": solution.seed,
        "workers": solution.workers,
        "penalties": penalties,
        "vacancies": vacancies,
        "lines": [str(line) for line in explained.get("lines", []) if line],
    }


def _vacancy_items(explained: Mapping) -> list[Mapping]:
    items = explained.get("vacancies", [])
    return [item for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []
