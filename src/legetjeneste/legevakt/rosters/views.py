"""Reading jobs and rosters: per doctor the shifts of each kind against the fair target, what each soft
rule cost, the vacancies with why, the changes from the re-planned roster. Never commits."""

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from legetjeneste.dates import OSLO, now_oslo
from legetjeneste.legevakt.rosters.feeds import FeedShift
from legetjeneste.legevakt.rosters.models import Roster, RosterAssignment, RosterJob
from legetjeneste.legevakt.rosters.problem import to_document
from legetjeneste.legevakt.rosters.schemas import (
    AssignmentRead,
    ChangeRead,
    CountRead,
    DoctorCounts,
    DoctorProgress,
    JobRead,
    PenaltyRead,
    RosterRead,
    RosterSummary,
    VacancyReason,
)
from legetjeneste.norwegian import day_text, span_text
from legetjeneste.rostering import explain
from legetjeneste.rostering import problem as rp
from legetjeneste.rostering.problem import CATEGORY_NAMES_NB

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
    """The relative distance from the roster to the solver's bound; None when it cannot be told (no
    roster yet, or a roster of cost 0 with a bound below it)."""
    if objective is None or bound is None:
        return None
    if objective == bound:
        return 0.0
    return None if objective == 0 else abs(objective - bound) / abs(objective)


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
        elapsed=_elapsed(job),
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


def _elapsed(job: RosterJob) -> float | None:
    """Seconds the solver has worked (SQLite gives Oslo wall-clock times back without their zone)."""
    if job.started_at is None:
        return None
    end = job.finished_at or now_oslo()
    started = job.started_at if job.started_at.tzinfo else job.started_at.replace(tzinfo=OSLO)
    end = end if end.tzinfo else end.replace(tzinfo=OSLO)
    return round(max((end - started).total_seconds(), 0.0), 1)


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


def changes(
    previous: Mapping[str, str | None], now: Mapping[str, str | None], names: Mapping, labels: Mapping
) -> list[dict]:
    """The shifts whose doctor differs from the re-planned roster: (shift, from, to). A shift missing from
    `previous` was vacant there; a doctor no longer in the scheme is named by the HPR number."""

    def name(key: str | None) -> str | None:
        return None if key is None else names.get(key, key)

    found = []
    for shift_id in sorted(now):
        if previous.get(shift_id) != now[shift_id]:
            found.append(
                {
                    "shift_id": shift_id,
                    "date": shift_id.split("/")[0],
                    "label": labels.get(shift_id, shift_id),
                    "from_doctor": name(previous.get(shift_id)),
                    "to_doctor": name(now[shift_id]),
                }
            )
    return found


EXEMPTION_RULES = ("LV-EXEMPT-RIGHT", "LV-EXEMPT-DISCRETION", "NN-EXEMPT")


def unavailable_texts(participant: Mapping, *, sees_grounds: bool) -> list[str]:
    """Why a doctor has fewer shifts: each exemption, absence or time outside the scheme with its days.
    The ground of an exemption (health, pregnancy …) is shown only to those who decide exemptions."""
    found = []
    for window in participant.get("unavailable", []):
        first = datetime.fromisoformat(window["start"]).date()
        last = (datetime.fromisoformat(window["end"]) - timedelta(seconds=1)).date()
        reason = window["reason"]
        if window["rule_id"] in EXEMPTION_RULES and not sees_grounds:
            reason = "Fritak (ikke natt)" if window.get("nights_only") else "Fritak"
        found.append(f"{reason} {span_text(first, last)} ({window['rule_id']})")
    return found


def _doctor(line: Mapping, participant: Mapping, sees_grounds: bool) -> DoctorCounts:
    return DoctorCounts(
        hpr_number=line["key"],
        name=line["name"],
        participation=line["participation"],
        total=line["total"],
        counts=[
            CountRead(
                counter=c["counter"],
                label=CATEGORY_NAMES_NB[c["counter"]],
                actual=c["actual"],
                target=c["target"],
                low=c["low"],
                high=c["high"],
                fair=c["low"] <= c["actual"] <= c["high"],
            )
            for c in line["counts"]
        ],
        frequencies=[f["text"] for f in line["frequencies"]],
        unavailable=unavailable_texts(participant, sees_grounds=sees_grounds),
    )


def roster_read(roster: Roster, *, sees_grounds: bool = False) -> RosterRead:
    problem, explained = roster.job.problem, (roster.explanation or {}).get("explain", {})
    labels = {a.shift_key: a.label for a in roster.assignments}
    participants = {p["key"]: p for p in problem.get("participants", [])}
    summer = sorted(s["day"] for s in problem.get("shifts", []) if s.get("is_summer"))
    return RosterRead(
        **_summary_fields(roster),
        frequency=problem.get("frequency") or {},
        summer_factor=problem.get("summer_factor", 1.0),
        summer=f"{day_text(date.fromisoformat(summer[0]))}–{day_text(date.fromisoformat(summer[-1]))}"
        if summer
        else None,
        summary=explained.get("summary", ""),
        doctors=[
            _doctor(line, participants.get(line["key"], {}), sees_grounds)
            for line in explained.get("doctors", [])
        ],
        penalties=[
            PenaltyRead(rule=r["rule"], rule_id=r["rule_id"], name=r["name"], cost=r["cost"], text=r["text"])
            for r in explained.get("rules", [])
        ],
        vacancies=[
            VacancyReason(
                shift_id=v["shift_id"],
                date=date.fromisoformat(v["day"]),
                label=labels.get(v["shift_id"], v["shift_id"]),
                reason=v["text"],
            )
            for v in explained.get("vacancies", [])
        ],
        shortages=[s["text"] for s in explained.get("shortages", [])],
        changes=[ChangeRead.model_validate(c) for c in roster.changes or []],
        assignments=[assignment_read(a) for a in roster.assignments],
    )


# --- the explanation stored with a roster ------------------------------------------------------------


def explanation_document(problem: rp.Problem, solution: rp.Solution) -> dict:
    """The solver's explanation as stored with the roster (frozen with it): per doctor the counts against
    the fair target and the frequencies, per soft rule its cost, per vacancy why, the short weeks."""
    return {
        "status": solution.status,
        "wall_time": round(solution.wall_time, 2),
        "seed": solution.seed,
        "workers": solution.workers,
        "explain": to_document(explain.explain(problem, solution)),
    }
