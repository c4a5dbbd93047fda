"""`legetjeneste deadlines NR [--date D] --json` and `legetjeneste lifecycle …`: one JSON document on stdout,
a refusal on stderr with its rule and exit code 1."""

import json

import pytest

from legetjeneste.cli import app
from tests.command_line import command_line
from tests.support import import_demo


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    """The commands on the demo data in the test database: (exit code, stdout, stderr)."""
    import_demo(open_session())
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def test_deadlines_json_gives_each_due_date_rule_case_agreement_and_status(cli):
    code, out, _ = cli("deadlines", "1824", "--date", "2026-11-20", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["municipality"] == "1824" and document["date"] == "2026-11-20"
    first = next(d for d in document["deadlines"] if d["case"])  # the life cycle's own, not the plan's
    assert (first["due_date"], first["rule_id"], first["agreement"], first["status"]) == (
        "2026-06-30",
        "AGR-HJEMFALL",
        182415,
        "overdue",
    )
    assert all(
        {"due_date", "rule_id", "case", "agreement", "status"} <= set(d) for d in document["deadlines"]
    )


def test_a_bad_date_names_the_option(cli):
    code, _, err = cli("deadlines", "1824", "--date", "20.11.2026")
    assert code == 1 and "--date" in err


def test_a_14_day_announcement_from_the_cli_exits_1_with_the_rule(cli):
    _, out, _ = cli("lifecycle", "cases", "1824", "--json")
    case = next(c for c in json.loads(out) if c["agreement_id"] == 182415)
    code, _, err = cli(
        "lifecycle",
        "announce",
        str(case["id"]),
        "--date",
        "2026-09-01",
        "--deadline",
        "2026-09-15",
        "--location",
        "Vefsn legesenter",
        "--listetak",
        "700",
        "--operating-model",
        "salaried",
        "--practice-type",
        "group",
    )
    assert code == 1 and "AGR-ANNOUNCE" in err and "21 dager" in err


def test_a_third_announcement_and_hjemfall_from_the_cli(cli):
    _, out, _ = cli("lifecycle", "cases", "1824", "--json")
    case = str(next(c for c in json.loads(out) if c["agreement_id"] == 182415)["id"])
    code, out, _ = cli(
        "lifecycle",
        "announce",
        case,
        "--date",
        "2026-09-01",
        "--deadline",
        "2026-09-29",
        "--location",
        "Vefsn legesenter",
        "--listetak",
        "700",
        "--operating-model",
        "salaried",
        "--practice-type",
        "group",
        "--json",
    )
    assert code == 0 and json.loads(out)["correct_announcements"] == 3
    code, out, _ = cli("lifecycle", "step", case, "hjemfall", "--date", "2026-10-15", "--json")
    assert code == 0 and json.loads(out)["status"] == "closed"
