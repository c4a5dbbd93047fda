"""Deadline reminders on SQLite and PostgreSQL (project rule, `lifecycle/reminder_days` = 14): a deadline of a
GP's own case is told to the GP's inbox once, at 14 days and not at 15; a second run tells nothing twice; the
command `legetjeneste lifecycle remind --json` and the daily job `lifecycle.remind` run the same use case."""

import json
from datetime import date, timedelta

from sqlalchemy import select

from legetjeneste.auth.models import User
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.cli import app
from legetjeneste.jobs import kinds
from legetjeneste.jobs import service as jobs_service
from legetjeneste.jobs.worker import Worker
from legetjeneste.lifecycle.deadlines.reminders import service
from legetjeneste.lifecycle.own import service as own_service
from legetjeneste.lifecycle.own.schemas import OwnListReduction
from legetjeneste.notices.inbox.models import InboxNotice
from tests.command_line import command_line
from tests.lifecycle.own.conftest import MAGNUS, gp

REQUESTED = date(2027, 1, 10)
DUE = date(2027, 4, 10)  # a list reduction on health grounds: 3 months' notice (AGR-LISTREDUCE)


def ask(session_of, actor, agreement_id: int = 182402) -> None:
    request = OwnListReduction(agreement_id=agreement_id, ground="health", effective_from=DUE)
    own_service.send_request(session_of(), actor=actor, kind="list_reduction", request=request, on=REQUESTED)


def deadline_notices(session) -> list[InboxNotice]:
    with session.begin():
        lege = session.scalar(select(User).where(User.email == "lege@vefsn.example"))
        query = select(InboxNotice).where(InboxNotice.user_id == lege.id, InboxNotice.kind == "deadline")
        return list(session.scalars(query))


def test_a_deadline_15_days_ahead_is_not_told_and_at_14_days_it_is_told_once(demo):
    ask(demo, gp(demo()))
    early = service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=15))
    assert early.told == [] and deadline_notices(demo()) == []
    told = service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=14))
    assert [(r.rule_id, r.due_date, r.days_left, r.notices) for r in told.told] == [
        ("AGR-LISTREDUCE", DUE, 14, 1)
    ]
    (notice,) = deadline_notices(demo())
    assert notice.subject.startswith("Frist 10. april 2027: Jonas Brekkan ber om listereduksjon")
    assert (notice.rule_id, notice.link) == ("AGR-LISTREDUCE", "/min-side")
    assert "om 14 dager" in notice.body


def test_a_deadline_already_told_is_not_told_again_the_same_day_or_later(demo):
    ask(demo, gp(demo()))
    service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=14))
    again = service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=14))
    later = service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=3))
    assert (again.told, again.already_told, later.told, later.already_told) == ([], 1, [], 1)
    assert len(deadline_notices(demo())) == 1


def test_a_doctor_without_a_user_is_not_remembered_as_told(demo):
    ask(demo, gp(demo(), MAGNUS, "magnus@vefsn.example"), agreement_id=182403)
    first = service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=14))
    second = service.remind(demo(), actor=SYSTEM, on=DUE - timedelta(days=13))
    assert (first.without_user, second.without_user, second.already_told) == (1, 1, 0)


def test_the_command_line_tells_the_days_reminders_as_one_json_document(demo, engine, monkeypatch):
    ask(demo, gp(demo()))
    with command_line(engine, monkeypatch, app) as invoke:
        code, out, _ = invoke(
            "lifecycle", "remind", "--date", (DUE - timedelta(days=14)).isoformat(), "--json"
        )
        again, text, _ = invoke("lifecycle", "remind", "--date", (DUE - timedelta(days=14)).isoformat())
    document = json.loads(out)
    assert code == 0 and document["date"] == "2027-03-27" and document["reminder_days"] == 14
    assert [(t["rule_id"], t["due_date"], t["case_title"]) for t in document["told"]] == [
        ("AGR-LISTREDUCE", "2027-04-10", "Jonas Brekkan ber om listereduksjon på fastlegeavtale 182402")
    ]
    assert again == 0 and "0 nye, 1 varslet før" in text


def test_the_worker_queues_the_daily_reminder_job_once_a_day_and_runs_it(demo, engine):
    assert "lifecycle.remind" in kinds.daily()
    first = jobs_service.enqueue_daily(demo(), today=date(2026, 12, 4))
    assert jobs_service.enqueue_daily(demo(), today=date(2026, 12, 4)) == []
    assert len(first) == len(kinds.daily())  # one of each daily kind (other features have theirs)
    assert Worker(engine).drain()["done"] == len(first)
    job = next(j for j in (jobs_service.get(demo(), job_id=i) for i in first) if j.kind == "lifecycle.remind")
    assert (job.kind, job.status) == ("lifecycle.remind", "done")
    assert {"told", "already_told", "without_user"} <= set(job.result)
    assert len(jobs_service.enqueue_daily(demo(), today=date(2026, 12, 5))) == len(kinds.daily())
