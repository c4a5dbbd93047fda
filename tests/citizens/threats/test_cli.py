"""`legetjeneste threats list NR --json`, `threats show ID --json` and `threats assign NR --date D --json`
(THREAT-DEADLINE): one JSON document each; the list names no patient, `show` does and its read is audited."""

import json
from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.citizens.threats import jobs
from legetjeneste.citizens.threats.cli import app
from legetjeneste.citizens.threats.decision import service as decision_service
from tests.citizens.threats.support import KOL
from tests.citizens.threats.test_service import DAY, MOVE, _case
from tests.command_line import command_line
from tests.support import import_demo


def test_the_commands_list_show_and_assign_a_case_as_json(engine, monkeypatch, open_session):
    session = open_session()
    import_demo(session)
    case, _, citizen_id = _case(session)
    deadline = decision_service.decide(session, actor=KOL, case_id=case.id, data=MOVE, on=DAY).deadline
    with command_line(engine, monkeypatch, app) as invoke:
        code, out, _ = invoke("list", "1824", "--json")
        [listed] = json.loads(out)
        assert (code, listed["reference"], listed["status"]) == (0, case.reference, "waiting")
        assert "Testpasient" not in out and "patient" not in listed
        code, out, _ = invoke("show", str(case.id), "--json")
        assert (code, json.loads(out)["patient"]["name"]) == (0, "Testpasient Trussel")
        code, out, _ = invoke("assign", "1824", "--date", deadline.isoformat(), "--json")
        assert (code, json.loads(out)) == (0, [])
        after = (deadline + timedelta(days=1)).isoformat()
        code, out, _ = invoke("assign", "1824", "--date", after, "--json")
        assert (code, json.loads(out)) == (
            0, [{"case": case.reference, "agreement": 182403, "on": after, "rule_id": "THREAT-DEADLINE"}]
        )  # fmt: skip
        code, _, err = invoke("show", "999", "--json")
        assert code == 1 and "Sak 999 finnes ikke" in err
    with open_session() as check:
        reads = check.scalars(
            select(AuditEntry).where(AuditEntry.entity == "citizen", AuditEntry.actor == "system")
        )
        assert any(e.detail["why"] == "view" and e.record_ids == [str(citizen_id)] for e in reads)


def test_the_daily_job_assigns_the_patients_whose_deadline_has_passed_once(demo, monkeypatch):
    case, _, _ = _case(demo)
    decision_service.decide(demo, actor=KOL, case_id=case.id, data=MOVE, on=DAY - timedelta(days=30))
    factory = lambda: demo  # noqa: E731  (the job's sessions are the test's)
    job = SimpleNamespace(payload={}, municipality_number=None)  # today, every municipality
    reports: list[dict] = []
    first = jobs.run(factory, job, reports.append)  # type: ignore[arg-type]
    assert [a["case"] for a in first["assigned"]] == [case.reference]
    assert jobs.run(factory, job, reports.append)["assigned"] == []  # type: ignore[arg-type]
    assert reports == [{"assigned": 1}, {"assigned": 0}]
