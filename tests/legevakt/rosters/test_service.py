"""Roster use cases on SQLite and PostgreSQL: solve jobs, drafts with their explanation, publishing,
re-planning after an exemption with the changes listed, the running balance, reproducing a roster."""

from datetime import UTC, date, datetime, timedelta

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict, NotFound, RuleViolation
from legetjeneste.jobs import service as jobs_service
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.jobs.models import Job
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply, ExemptionDecide
from legetjeneste.legevakt.rosters import jobs
from legetjeneste.legevakt.rosters import problem as problem_builder
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.legevakt.rosters.models import RosterJob
from legetjeneste.legevakt.rosters.schemas import ReplanCreate, SolveCreate
from legetjeneste.rostering import solver
from legetjeneste.rostering.problem import Progress
from tests.legevakt.rosters.fixtures import DOCTORS, FIRST, LAST, make_scheme, solve
from tests.support import (
    KRAGERO_FILE,
    KRAGERO_KOMMUNEOVERLEGE,
    VEFSN_DOCTOR,
    VEFSN_KOMMUNEOVERLEGE,
    import_demo,
)


@pytest.fixture
def scheme_id(open_session) -> int:
    return make_scheme(open_session())


def _grant(open_session, scheme_id: int, hpr: str, first: date, last: date) -> None:
    """A discretionary exemption on health grounds, granted for the days asked (LV-EXEMPT-DISCRETION)."""
    applied = exemption_service.apply_for_exemption(
        open_session(),
        actor=SYSTEM,
        scheme_id=scheme_id,
        data=ExemptionApply(doctor=hpr, ground="health", start=first, end=last),
    )
    exemption_service.decide_exemption(
        open_session(),
        actor=SYSTEM,
        exemption_id=applied.id,
        data=ExemptionDecide(
            decision="granted",
            reasons="Dokumentert helsegrunn.",
            weighing="Beredskapen holder med de andre legene; pasientsikkerheten er ivaretatt.",
            granted_start=first,
            granted_end=last,
        ),
    )


def test_a_solve_makes_a_draft_version_that_covers_every_shift_with_counts_against_the_target(
    open_session, scheme_id
):
    job = solve(open_session(), scheme_id, actor=VEFSN_KOMMUNEOVERLEGE)
    assert job.status == "done" and job.roster_id is not None
    assert job.objective is not None and job.bound is not None and job.gap == 0.0
    roster = roster_service.get_roster(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, roster_id=job.roster_id)
    assert (roster.status, roster.version, roster.vacant) == ("draft", 1, 0)
    assert len(roster.assignments) == 14  # 10 weekdays and 4 weekend days in 1–14 March 2027
    assert {a.hpr_number for a in roster.assignments} <= set(DOCTORS)
    assert sorted(d.hpr_number for d in roster.doctors) == sorted(DOCTORS)
    weekday_targets = {c.target for d in roster.doctors for c in d.counts if c.counter == "weekday"}
    assert weekday_targets == {1.67}
    assert all(c.fair for d in roster.doctors for c in d.counts)
    assert {p.rule_id for p in roster.penalties} >= {"LV-ALWAYS", "LV-DUTY"}
    assert roster.frequency == {"weekday": 6, "weekend": 3}


def test_the_stored_problem_solves_again_to_the_same_roster(open_session, scheme_id):
    job = solve(open_session(), scheme_id)
    session = open_session()
    stored = session.get(RosterJob, job.id)
    problem = problem_builder.problem_from(stored.problem)
    assert problem_builder.problem_document(problem) == stored.problem
    again = solver.solve(problem, time_limit=10, seed=stored.seed, workers=1)
    roster = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    assert {a.shift_id: a.hpr_number for a in roster.assignments} == dict(again.assignments)


def test_a_job_started_in_the_background_reports_progress_and_ends_with_the_draft(open_session, scheme_id):
    data = SolveCreate.model_validate({"from": FIRST, "to": LAST, "time_limit": 10, "seed": 1})
    started = roster_service.start_solve(open_session(), actor=SYSTEM, scheme_id=scheme_id, data=data)
    assert started.status in ("queued", "running", "done")
    jobs.wait(started.id, timeout=60)
    finished = roster_service.get_job(open_session(), actor=SYSTEM, job_id=started.id)
    assert finished.status == "done" and finished.roster_id is not None
    assert finished.solutions_found >= 1 and finished.gap is not None


def test_publishing_freezes_the_version_and_a_second_publish_is_refused(open_session, scheme_id):
    job = solve(open_session(), scheme_id)
    published = roster_service.publish(open_session(), actor=VEFSN_KOMMUNEOVERLEGE, roster_id=job.roster_id)
    assert published.status == "published" and published.published_by == VEFSN_KOMMUNEOVERLEGE.email
    with pytest.raises(Conflict):
        roster_service.publish(open_session(), actor=SYSTEM, roster_id=job.roster_id)


def test_a_fresh_solve_over_published_days_cannot_be_published_but_must_be_a_re_plan(open_session, scheme_id):
    first = solve(open_session(), scheme_id)
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=first.roster_id)
    second = solve(open_session(), scheme_id)
    with pytest.raises(RuleViolation) as refused:
        roster_service.publish(open_session(), actor=SYSTEM, roster_id=second.roster_id)
    assert refused.value.rule_id == "LV-ALWAYS"
    assert "Planlegg den på nytt" in refused.value.message


def test_re_planning_after_a_granted_exemption_moves_only_the_exempt_doctors_shifts(open_session, scheme_id):
    first = solve(open_session(), scheme_id)
    published = roster_service.publish(open_session(), actor=SYSTEM, roster_id=first.roster_id)
    exempt = next(a.hpr_number for a in published.assignments if a.date == date(2027, 3, 9))
    _grant(open_session, scheme_id, exempt, date(2027, 3, 8), date(2027, 3, 10))
    job = roster_service.replan(
        open_session(), actor=SYSTEM, roster_id=first.roster_id, data=ReplanCreate(seed=1), run="here"
    )
    again = roster_service.get_roster(open_session(), actor=SYSTEM, roster_id=job.roster_id)
    assert (again.version, again.previous_id, again.status) == (2, first.roster_id, "draft")
    doctor = next(d for d in again.doctors if d.hpr_number == exempt)
    assert doctor.unavailable == ["Fritak: helsemessige grunner 8.–10. mars (LV-EXEMPT-DISCRETION)"]
    in_exemption = [a for a in again.assignments if date(2027, 3, 7) <= a.date <= date(2027, 3, 10)]
    assert all(a.hpr_number != exempt or a.date == date(2027, 3, 7) for a in in_exemption)
    was = {a.shift_id: a.hpr_number for a in published.assignments}
    now = {a.shift_id: a.hpr_number for a in again.assignments}
    moved = {s for s in now if now[s] != was[s]}
    assert {c.shift_id for c in again.changes} == moved
    assert any(c.shift_id == "2027-03-09/hverdag" for c in again.changes)
    assert len(moved) <= 6  # a handful of swaps, not a new roster
    roster_service.publish(open_session(), actor=SYSTEM, roster_id=again.id)
    versions = roster_service.list_rosters(open_session(), actor=SYSTEM, scheme_id=scheme_id)
    assert [(v.version, v.status) for v in versions] == [(2, "published"), (1, "replaced")]


def test_only_a_published_roster_can_be_re_planned(open_session, scheme_id):
    job = solve(open_session(), scheme_id)
    with pytest.raises(Conflict):
        roster_service.replan(
            open_session(), actor=SYSTEM, roster_id=job.roster_id, data=ReplanCreate(), run="here"
        )


def test_earlier_published_rosters_of_the_year_feed_the_running_balance(open_session, scheme_id):
    march = solve(open_session(), scheme_id)
    published = roster_service.publish(open_session(), actor=SYSTEM, roster_id=march.roster_id)
    later = solve(open_session(), scheme_id, first=date(2027, 3, 15), last=date(2027, 3, 28))
    stored = open_session().get(RosterJob, later.id)
    prior = {p["key"]: p["prior"] for p in stored.problem["participants"]}
    for doctor in published.doctors:
        done = {c.counter: c.actual for c in doctor.counts if c.actual}
        assert {k: v for k, v in prior[doctor.hpr_number].items() if v} == done


def test_another_municipalitys_scheme_and_roster_are_not_found(open_session, scheme_id):
    job = solve(open_session(), scheme_id)
    with pytest.raises(NotFound):
        roster_service.get_roster(open_session(), actor=KRAGERO_KOMMUNEOVERLEGE, roster_id=job.roster_id)
    with pytest.raises(NotFound):
        solve(open_session(), scheme_id, actor=KRAGERO_KOMMUNEOVERLEGE)


def test_a_job_that_no_process_has_moved_since_long_before_its_time_limit_shows_as_cut_off(
    open_session, scheme_id
):
    job = solve(open_session(), scheme_id)
    session = open_session()
    with session.begin():
        stored = session.get(RosterJob, job.id)
        stored.status, stored.progress_at = "running", datetime(2020, 1, 1, tzinfo=UTC)
    found = roster_service.get_job(open_session(), actor=SYSTEM, job_id=job.id)
    assert (found.status, found.status_label) == ("cut_off", "Avbrutt")


def test_kragero_nodnett_is_solved_by_office_days_without_asking_a_bakvakt(open_session):
    import_demo(open_session(), KRAGERO_FILE)
    scheme_id = roster_service.find_scheme(
        open_session(), actor=SYSTEM, reference="nodnett", municipality_number="4014"
    )
    data = SolveCreate.model_validate({"from": date(2026, 4, 13), "to": date(2026, 4, 24), "seed": 1})
    job = roster_service.start_solve(open_session(), actor=SYSTEM, scheme_id=scheme_id, data=data, run="here")
    roster = roster_service.get_roster(open_session(), actor=KRAGERO_KOMMUNEOVERLEGE, roster_id=job.roster_id)
    assert roster.vacant == 0 and len(roster.assignments) == 10  # two weeks of working days
    stored = open_session().get(RosterJob, job.id).problem
    office_of = {p["key"]: p["office_id"] for p in stored["participants"]}
    shift_office = {s["id"]: s["office_id"] for s in stored["shifts"]}
    assert all(office_of[a.hpr_number] == shift_office[a.shift_id] for a in roster.assignments)


def test_the_ground_of_an_exemption_is_shown_only_to_those_who_decide_exemptions(open_session, scheme_id):
    _grant(open_session, scheme_id, DOCTORS[0], date(2027, 3, 8), date(2027, 3, 10))
    job = solve(open_session(), scheme_id)
    seen = {}
    for actor in (VEFSN_KOMMUNEOVERLEGE, VEFSN_DOCTOR):
        roster = roster_service.get_roster(open_session(), actor=actor, roster_id=job.roster_id)
        seen[actor.role] = next(d.unavailable for d in roster.doctors if d.hpr_number == DOCTORS[0])
    assert seen["kommuneoverlege"] == ["Fritak: helsemessige grunner 8.–10. mars (LV-EXEMPT-DISCRETION)"]
    assert seen["doctor"] == ["Fritak 8.–10. mars (LV-EXEMPT-DISCRETION)"]


def test_the_job_shows_the_best_roster_so_far_per_doctor_from_the_solvers_progress(open_session, scheme_id):
    job = solve(open_session(), scheme_id)
    stored = roster_service.get_job(open_session(), actor=SYSTEM, job_id=job.id)
    shifts = [shift["id"] for shift in open_session().get(RosterJob, job.id).problem["shifts"]]
    so_far = {shift: DOCTORS[0] if i % 2 else None for i, shift in enumerate(shifts)}
    progress = Progress(1.0, 200_000, 0, 1, so_far)
    roster_service.record_progress(open_session(), job_id=job.id, progress=progress)
    shown = roster_service.get_job(open_session(), actor=SYSTEM, job_id=job.id)
    assert [(d.hpr_number, d.shifts) for d in shown.best_so_far] == [(DOCTORS[0], len(shifts) // 2)]
    assert shown.best_vacant == len(shifts) - len(shifts) // 2
    assert stored.best_so_far != shown.best_so_far


def _queued(open_session, scheme_id: int, monkeypatch) -> int:
    """A solve queued for a worker of its own (`legetjeneste worker`): this process runs no jobs."""
    monkeypatch.setattr(jobs_worker, "runs_in_process", lambda: False)
    data = SolveCreate.model_validate({"from": FIRST, "to": LAST, "time_limit": 10, "seed": 1})
    queued = roster_service.start_solve(open_session(), actor=SYSTEM, scheme_id=scheme_id, data=data)
    assert queued.status == "queued"
    return queued.id


def test_a_worker_of_its_own_solves_a_queued_job_to_the_draft(engine, open_session, scheme_id, monkeypatch):
    job_id = _queued(open_session, scheme_id, monkeypatch)
    assert jobs_worker.Worker(engine).drain() == {"done": 1}
    finished = roster_service.get_job(open_session(), actor=SYSTEM, job_id=job_id)
    assert finished.status == "done" and finished.roster_id is not None
    work = jobs_service.find(open_session(), kind=roster_service.JOB_KIND, record_id=job_id)
    assert work.status == "done" and work.result == {"roster_id": finished.roster_id}


def test_a_solve_whose_worker_died_is_given_up_and_shows_as_failed_with_why(
    engine, open_session, scheme_id, monkeypatch
):
    job_id = _queued(open_session, scheme_id, monkeypatch)
    session = open_session()
    work = jobs_service.claim(session, worker="gone", kinds=[roster_service.JOB_KIND])
    roster_service.begin_job(session, job_id=job_id)
    with session.begin():
        session.get_one(Job, work.id).heartbeat_at = datetime.now(UTC) - timedelta(minutes=5)
    assert roster_service.get_job(open_session(), actor=SYSTEM, job_id=job_id).status == "running"
    assert jobs_worker.Worker(engine).drain() == {}
    found = roster_service.get_job(open_session(), actor=SYSTEM, job_id=job_id)
    assert (found.status, found.status_label) == ("failed", "Feilet")
    assert found.message == "Tjenesten ble stoppet mens vaktlisten ble laget. Start på nytt."
