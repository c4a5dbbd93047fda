"""Pydantic shapes of solve jobs and rosters with their counts; the stored job and roster (rows, taken
without importing the models, so schemas stay free of the database layer) as those shapes."""

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from legetjeneste.dates import now_oslo
from legetjeneste.legevakt.rosters.rules import (
    JOB_STATUS,
    ROSTER_STATUS,
    PendingExemption,
    bakvakt_missing,
    certainty_text,
    doctor_counts,
    elapsed,
    gap,
    pending_warnings,
    progress_text,
    shown_counters,
)
from legetjeneste.legevakt.schemas import OsloTime
from legetjeneste.norwegian import period_text
from legetjeneste.registry.schemas import Input
from legetjeneste.rostering import explain
from legetjeneste.settings import at_most

MAX_TIME_LIMIT = 600  # the most any setting allows; LEGETJENESTE_SOLVER_MAX_TIME_LIMIT may lower it
TimeLimit = Annotated[float, Field(gt=0, le=MAX_TIME_LIMIT), at_most("solver_max_time_limit")]
Workers = Annotated[int, Field(ge=1), at_most("solver_workers_per_solve")]


class SolveCreate(Input):
    """A solve of a scheme for a period; one worker and a fixed seed give the same roster every time."""

    start: Annotated[date, Field(alias="from", description="Første dag (ÅÅÅÅ-MM-DD)")]
    end: Annotated[date, Field(alias="to", description="Siste dag (ÅÅÅÅ-MM-DD)")]
    time_limit: Annotated[TimeLimit, Field(description="Sekunder løseren får")] = 10.0
    seed: Annotated[int, Field(ge=0, le=2_147_483_647)] = 0
    workers: Workers = 1

    model_config = ConfigDict(**Input.model_config, populate_by_name=True)

    @model_validator(mode="after")
    def _period(self) -> "SolveCreate":
        if self.end < self.start:
            raise ValueError("til-datoen er før fra-datoen")
        if (self.end - self.start).days > 366:
            raise ValueError("perioden kan være høyst ett år")
        return self


class ReplanCreate(Input):
    time_limit: TimeLimit = 10.0
    seed: Annotated[int, Field(ge=0, le=2_147_483_647)] = 0
    workers: Workers = 1


class DoctorProgress(BaseModel):
    hpr_number: str
    name: str
    shifts: int


class JobRead(BaseModel):
    id: int
    municipality: str
    scheme_id: int
    scheme_name: str
    start: date
    end: date
    previous_roster_id: int | None
    status: str
    status_label: str
    seed: int
    time_limit: float
    workers: int
    objective: float | None
    bound: float | None
    gap: float | None
    solutions_found: int
    elapsed: float | None
    shifts: int
    best_vacant: int | None
    best_so_far: list[DoctorProgress]
    message: str | None
    created_at: datetime
    created_by: str
    started_at: datetime | None
    finished_at: datetime | None
    roster_id: int | None
    progress: str = ""


class ShiftWarning(BaseModel):
    """Something the roster did not take into account for this shift, with where to look and the rule."""

    text: str
    href: str | None = None
    rule_id: str


class AssignmentRead(BaseModel):
    id: int
    shift_id: str
    date: date
    template: str
    label: str
    category: str
    is_night: bool
    starts_at: OsloTime
    ends_at: OsloTime
    doctor_id: int | None
    doctor_name: str | None
    hpr_number: str | None
    vacant: bool
    was_vacant: bool
    needs_bakvakt: bool = False
    bakvakt: str | None = None
    bakvakt_proposed: bool = False
    warnings: list[ShiftWarning] = []


class CountRead(BaseModel):
    """A doctor's shifts of one kind (earlier published rosters this year included) against the fair
    target and the range counted as fair."""

    counter: str
    label: str
    actual: int
    target: float
    low: int
    high: int
    fair: bool
    counted: bool = True


class DoctorCounts(BaseModel):
    hpr_number: str
    name: str
    participation: int
    total: int
    needs_bakvakt: bool = False
    counts: list[CountRead]
    frequencies: list[str]
    unavailable: list[str]


class PenaltyRead(BaseModel):
    rule: str
    rule_id: str
    name: str
    cost: int
    text: str


class VacancyReason(BaseModel):
    shift_id: str
    date: date
    label: str
    reason: str


class ChangeRead(BaseModel):
    shift_id: str
    date: date
    label: str
    from_doctor: str | None
    to_doctor: str | None


class RosterSummary(BaseModel):
    id: int
    municipality: str
    scheme_id: int
    scheme_name: str
    start: date
    end: date
    version: int
    status: str
    status_label: str
    job_id: int
    previous_id: int | None
    objective: float | None
    bound: float | None
    gap: float | None
    is_optimal: bool
    certainty: str = ""
    vacant: int
    created_at: datetime
    created_by: str
    published_at: datetime | None
    published_by: str | None


class RosterRead(RosterSummary):
    counters: list[str]
    frequency: dict[str, int]
    summer_factor: float
    summer: str | None
    summary: str
    doctors: list[DoctorCounts]
    penalties: list[PenaltyRead]
    vacancies: list[VacancyReason]
    shortages: list[str]
    changes: list[ChangeRead]
    assignments: list[AssignmentRead]
    pending_exemptions: list[str] = []


def job_read(job, *, scheme_name: str, roster_id: int | None, status: str) -> JobRead:
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
        gap=gap(objective=job.objective, bound=job.bound),
        solutions_found=job.solutions_found,
        elapsed=elapsed(started=job.started_at, finished=job.finished_at, now=now_oslo()),
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
        progress=progress_text(
            status=status,
            elapsed=elapsed(started=job.started_at, finished=job.finished_at, now=now_oslo()),
            time_limit=job.time_limit,
            solutions=job.solutions_found,
            is_optimal=job.objective is not None and job.objective == job.bound,
            gap=gap(objective=job.objective, bound=job.bound),
        ),
    )


def assignment_read(
    assignment,
    *,
    needs_bakvakt: frozenset[str] = frozenset(),
    bakvakts: Mapping[date, str | None] | None = None,
    pending: Sequence[PendingExemption] = (),
    proposed: Mapping[str, str] | None = None,
) -> AssignmentRead:
    """A shift of the roster; with the bakvakt named where its doctor needs one (LV-COMPETENCE: the
    scheme's bakvakt of the day, else a proposal) and a warning where a pending application for exemption
    covers it (LV-EXEMPT-PENDING)."""
    doctor = assignment.doctor
    needs = doctor is not None and doctor.hpr_number in needs_bakvakt
    warnings = [
        ShiftWarning(**w)
        for w in pending_warnings(
            doctor_id=assignment.doctor_id, day=assignment.on, is_night=assignment.is_night, pending=pending
        )
    ]
    named = (bakvakts or {}).get(assignment.on) if needs else None
    suggestion = (proposed or {}).get(assignment.shift_key) if needs and named is None else None
    bakvakt = named or suggestion
    if needs and bakvakt is None:
        warnings.append(ShiftWarning(**bakvakt_missing()))
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
        needs_bakvakt=needs,
        bakvakt=bakvakt,
        bakvakt_proposed=suggestion is not None,
        warnings=warnings,
    )


def roster_summary(roster) -> RosterSummary:
    return RosterSummary.model_validate(_summary_fields(roster))


def _summary_fields(roster) -> dict:
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
        "gap": gap(objective=roster.objective, bound=roster.bound),
        "is_optimal": roster.is_optimal,
        "certainty": certainty_text(
            is_optimal=roster.is_optimal, gap=gap(objective=roster.objective, bound=roster.bound)
        ),
        "vacant": sum(1 for a in roster.assignments if a.doctor_id is None),
        "created_at": roster.created_at,
        "created_by": roster.created_by,
        "published_at": roster.published_at,
        "published_by": roster.published_by,
    }


def roster_read(
    roster,
    *,
    sees_grounds: bool = False,
    pending: Sequence[PendingExemption] = (),
    proposed: Mapping[str, str] | None = None,
) -> RosterRead:
    """The roster with its explanation; the texts are made from the stored figures (so the fairness
    summary is read from the same counts as the table), the shifts warned of pending applications."""
    problem, explained = roster.job.problem, (roster.explanation or {}).get("explain", {})
    labels = {a.shift_key: a.label for a in roster.assignments}
    participants = {p["key"]: p for p in problem.get("participants", [])}
    summer = sorted(date.fromisoformat(s["day"]) for s in problem.get("shifts", []) if s.get("is_summer"))
    counters = shown_counters(problem)
    doctors = [
        DoctorCounts.model_validate(
            doctor_counts(line=line, participants=participants, sees_grounds=sees_grounds, counters=counters)
        )
        for line in explained.get("doctors", [])
    ]
    needs = frozenset(key for key, p in participants.items() if p.get("needs_bakvakt"))
    bakvakts = {d.day: d.doctor.full_name if d.doctor else None for d in roster.scheme.bakvakt_days}
    return RosterRead(
        **_summary_fields(roster),
        counters=list(counters),
        frequency=problem.get("frequency") or {},
        summer_factor=problem.get("summer_factor", 1.0),
        summer=period_text(summer[0], summer[-1]) if summer else None,
        summary=explained.get("summary", ""),
        doctors=doctors,
        penalties=[_penalty(r, doctors) for r in explained.get("rules", [])],
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
        assignments=[
            assignment_read(a, needs_bakvakt=needs, bakvakts=bakvakts, pending=pending, proposed=proposed)
            for a in roster.assignments
        ],
        pending_exemptions=[p.summary for p in pending],
    )


def _penalty(stored: Mapping, doctors: list[DoctorCounts]) -> PenaltyRead:
    """A soft rule's line: fairness from the counts shown, wishes as stored, the others by how often."""
    if stored["rule"] == "fairness":
        text = explain.fairness_text([d.model_dump() for d in doctors])
    elif stored["rule"] == "requests":
        text = stored["text"]
    else:
        text = explain.rule_text(stored["name"], len(stored.get("details", [])) if stored["cost"] else 0)
    return PenaltyRead(
        rule=stored["rule"], rule_id=stored["rule_id"], name=stored["name"], cost=stored["cost"], text=text
    )
