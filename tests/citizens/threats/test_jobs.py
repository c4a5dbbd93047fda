"""The daily job `threats.assign` (THREAT-DEADLINE): queued with the other daily kinds, it gives the patients
whose deadline has passed the list named in the decision — once, however often it runs."""

from datetime import date, timedelta

from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.threats import service
from legetjeneste.citizens.threats.decision import service as decision_service
from legetjeneste.citizens.threats.schemas import ThreatRequestIn
from legetjeneste.jobs import kinds
from legetjeneste.jobs import service as jobs_service
from legetjeneste.jobs.worker import Worker
from tests.citizens.threats.support import BREKKAN, KOL, gp, patient
from tests.citizens.threats.test_service import DAY, MOVE


def _decided(demo) -> tuple[int, int, date]:
    """A case decided on DAY: the patient moves to 182403 after the deadline; (citizen, case, deadline)."""
    citizen_id, national_id = patient(demo)
    brekkan = gp(demo, BREKKAN)
    case = service.request_help(demo, actor=brekkan, data=ThreatRequestIn(national_id=national_id), on=DAY)
    service.demand_decision(demo, actor=brekkan, case_id=case.id, on=DAY)
    decided = decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY)
    return citizen_id, case.id, decided.deadline


def _queue(demo, *, day) -> int:
    with demo.begin():
        return jobs_service.enqueue(demo, kind="threats.assign", payload={"day": day.isoformat()})


def test_threat_deadline_the_assignment_is_a_daily_job_kind_queued_with_the_others(demo):
    assert "threats.assign" in kinds.daily() and "citizens.runs" in kinds.daily()
    queued = jobs_service.enqueue_daily(demo, today=DAY)
    assert "threats.assign" in {jobs_service.get(demo, job_id=i).kind for i in queued}
    assert jobs_service.enqueue_daily(demo, today=DAY) == []


def test_threat_deadline_the_daily_job_run_twice_after_the_deadline_assigns_the_patient_once(demo, engine):
    citizen_id, case_id, deadline = _decided(demo)
    on_deadline = _queue(demo, day=deadline)
    first, second = (
        _queue(demo, day=deadline + timedelta(days=1)),
        _queue(demo, day=deadline + timedelta(days=1)),
    )
    assert Worker(engine).drain()["done"] == 3
    jobs = [jobs_service.get(demo, job_id=i) for i in (on_deadline, first, second)]
    assert [job.status for job in jobs] == ["done"] * 3
    assert [len(job.result["assigned"]) for job in jobs] == [0, 1, 0]
    [done] = jobs[1].result["assigned"]
    assert (done["agreement"], done["rule_id"]) == (182403, "THREAT-DEADLINE")
    with demo.begin():
        assigned = [
            (m.agreement_id, m.begin_reason)
            for m in places.memberships(demo, citizen_id=citizen_id)
            if m.begin_reason == "threat"
        ]
    assert assigned == [(182403, "threat")]
