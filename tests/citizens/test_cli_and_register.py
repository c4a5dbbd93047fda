"""The register (a validated fødselsnummer, every read of an identity audited, list lengths beside Helfo's
count), the command line (`citizens switch|waiting|run|draw … --json`) and the daily job."""

import json
from datetime import date

import pytest

from legetjeneste.audit.models import AuditEntry
from legetjeneste.citizens import rules
from legetjeneste.citizens import service as register
from legetjeneste.citizens.models import Citizen
from legetjeneste.citizens.runs import jobs
from legetjeneste.citizens.schemas import CitizenCreate
from legetjeneste.cli import app
from legetjeneste.db import session_factory
from legetjeneste.errors import ValidationFailed
from legetjeneste.jobs.schemas import JobRead
from legetjeneste.registry.models import ListCount
from legetjeneste.settings import get_settings
from tests.citizens.support import KOL, NR, OPEN, SMALL, person, world
from tests.command_line import command_line


def _new(number: str) -> CitizenCreate:
    return CitizenCreate(
        national_id=number, name="Per Hansen", home_municipality_number=NR, resident_since=date(2020, 1, 1)
    )


def test_a_citizen_is_added_only_with_a_valid_number_and_synthetic_ones_only_while_allowed(
    session, monkeypatch
):
    world(session)
    number = rules.synthetic_number(date(1990, 1, 2), 11, male=True)
    added = register.add_citizen(session, actor=KOL, data=_new(number))
    assert (added.birth_date, added.sex) == (date(1990, 1, 2), "male")
    monkeypatch.setattr(get_settings(), "test_identities", False)
    other = rules.synthetic_number(date(1991, 1, 2), 12, male=True)
    with pytest.raises(ValidationFailed):
        register.add_citizen(session, actor=KOL, data=_new(other))


def test_every_read_of_an_identity_is_audited_with_who_and_why(session):
    world(session)
    kari = person(session, on=OPEN)
    found = register.get_citizen(session, actor=KOL, citizen_id=kari, why="telefon fra innbyggeren")
    assert found.places[0].begin_text == "Registrert"
    with session.begin():
        entry = session.query(AuditEntry).filter(AuditEntry.action == "read_identity").one()
        assert (entry.actor, entry.detail) == (KOL.email, {"why": "telefon fra innbyggeren"})


def test_list_lengths_follow_the_memberships_and_show_where_helfo_differs(session):
    world(session)
    person(session, on=OPEN)
    person(session, on=SMALL)
    with session.begin():
        session.add_all(
            [
                ListCount(agreement_id=OPEN, month=date(2027, 4, 1), list_length=1),
                ListCount(agreement_id=SMALL, month=date(2027, 4, 1), list_length=3),
            ]
        )
    report = register.list_lengths(session, actor=KOL, municipality_number=NR, month=date(2027, 4, 15))
    assert (report.total, report.helfo_total, report.differing) == (2, 4, [SMALL])


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    world(open_session())
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_command_line_switches_by_fodselsnummer_and_runs_with_rule_ids(cli, open_session):
    session = open_session()
    kari = person(session, on=SMALL)
    newcomer = person(session, since=date(2026, 1, 1))
    with session.begin():
        number = session.get(Citizen, kari).national_id
    code, out, _ = cli(
        "citizens", "switch", number, "--agreement", str(OPEN), "--date", "2027-03-10", "--json"
    )
    assert (
        code == 0
        and json.loads(out)["effective"] == "2027-04-01"
        and json.loads(out)["rule_id"] == "CIT-SWITCH"
    )
    code, out, _ = cli("citizens", "run", "daily", NR, "--date", "2027-03-10", "--json")
    moves = json.loads(out)["moves"]
    assert code == 0 and [(m["citizen_id"], m["rule_id"]) for m in moves] == [(newcomer, "CIT-UNASSIGNED")]
    code, out, _ = cli("citizens", "waiting", NR, "--json")
    assert code == 0 and {row["agreement_id"] for row in json.loads(out)} == {OPEN, SMALL, 103}
    code, _, err = cli("citizens", "switch", number, "--agreement", str(OPEN), "--date", "2027-03-10")
    assert code == 1 and "CIT-SWITCH" in err


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_daily_job_runs_every_municipality_with_citizens_and_twice_is_once(engine, open_session):
    session = open_session()
    world(session)
    person(session)
    job = JobRead(
        id=1,
        kind="citizens.runs",
        record_id=None,
        municipality_number=None,
        payload={"day": "2027-03-10"},
        status="running",
        progress=None,
        result=None,
        error=None,
        attempts=1,
        claimed_by="test",
        heartbeat_at=None,
        created_at="2027-03-10T06:00:00Z",
        started_at=None,
        finished_at=None,
    )
    reports = []
    first = jobs.run(session_factory(engine), job, reports.append)
    second = jobs.run(session_factory(engine), job, reports.append)
    assert first["daily"]["municipalities"][NR]["by_reason"] == {"assigned": 1}
    assert second["daily"]["municipalities"][NR]["moved"] == 0
    assert any(report.get("phase") == "assign" for report in reports)


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_citizen_file_round_trips_with_parents_and_places_and_a_bad_line_writes_nothing(
    cli, open_session, tmp_path
):
    session = open_session()
    mother = person(session, on=OPEN)
    person(session, born=date(2019, 5, 1), on=OPEN, parents=(mother,))
    out = tmp_path / "vefsn.jsonl"
    code, _, _ = cli("citizens", "export", NR, "-o", str(out), "--why", "flytting til nytt system")
    lines = out.read_text().splitlines()
    assert (
        code == 0
        and len(lines) == 3
        and json.loads(lines[2])["parents"] == [json.loads(lines[1])["national_id"]]
    )
    code, again, _ = cli("citizens", "import", str(out), "--json")
    assert code == 0 and (json.loads(again)["added"], json.loads(again)["already"]) == (0, 2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines[0] + "\n" + lines[1].replace('"national_id": "', '"national_id": "9') + "\n")
    code, _, err = cli("citizens", "import", str(bad), "--json")
    assert code == 1 and "linje 2" in err
    new = json.loads(lines[1]) | {
        "national_id": rules.synthetic_number(date(1970, 3, 3), 5, male=True),
        "parents": [],
    }
    fresh = tmp_path / "new.jsonl"
    fresh.write_text(lines[0] + "\n" + json.dumps(new) + "\n")
    code, added, _ = cli("citizens", "import", str(fresh), "--json")
    assert code == 0 and (json.loads(added)["added"], json.loads(added)["places"]) == (1, 1)
