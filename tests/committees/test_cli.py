"""`legetjeneste committees overview NR [--date D] --json`: one JSON document with the committees, their
members, the composition check with rule ids, the meeting clocks and the open follow-up actions."""

import json

import pytest

from legetjeneste.cli import app
from tests.command_line import command_line
from tests.support import import_demo

# The edges run on SQLite only; tests/committees/test_service.py covers both databases.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    import_demo(open_session())
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def test_committees_overview_json_gives_members_composition_clocks_and_open_actions(cli):
    code, out, _ = cli("committees", "overview", "4014", "--date", "2026-12-04", "--json")
    assert code == 0
    document = json.loads(out)
    [su] = document["committees"]
    assert (su["kind"], len(su["members"]), su["composition"]) == ("su", 9, [])
    overdue = [c for c in document["clocks"] if c["overdue"]]
    assert [(c["rule_id"], c["due"]) for c in overdue] == [("SU-COMPOSITION", "2026-06-30")]
    assert [(a["owner"], a["due"]) for a in document["open_actions"]] == [
        ("Kommunalsjef", "2027-01-15"),
        ("Kommuneoverlegen", "2027-01-31"),
        ("Kommunalsjef", "2027-03-01"),
    ]
    code, _, err = cli("committees", "overview", "4014", "--date", "4.12.2026")
    assert code == 1 and "--date" in err
