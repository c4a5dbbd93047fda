"""`legetjeneste roster solve SCHEME --from D --to D [--time-limit S] --json`, `publish`, `vacancies`."""

import json

import pytest

from legetjeneste.legevakt.cli import app
from tests.command_line import command_line
from tests.legevakt.rosters.fixtures import DOCTORS, make_scheme


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    """The roster commands on the test scheme in the test database: (exit code, stdout, stderr)."""
    make_scheme(open_session())
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


SOLVE = (
    "solve",
    "test-legevakt",
    "--from",
    "2027-03-01",
    "--to",
    "2027-03-14",
    "--time-limit",
    "10",
    "--seed",
    "1",
)


def test_solve_with_json_prints_one_document_with_assignments_counts_vacancies_objective_and_bound(cli):
    code, out, _ = cli(*SOLVE, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["status"] == "done" and document["objective"] == document["bound"]
    assert len(document["assignments"]) == 14
    first = document["assignments"][0]
    assert (first["date"], first["shift"]) == ("2027-03-01", "hverdag") and first["hpr_number"] in DOCTORS
    assert sorted(d["hpr_number"] for d in document["doctors"]) == sorted(DOCTORS)
    assert sum(d["shifts"] for d in document["doctors"]) == 14
    assert document["vacancies"] == []


def test_the_same_seed_gives_the_same_roster(cli):
    first = json.loads(cli(*SOLVE, "--json")[1])["assignments"]
    second = json.loads(cli(*SOLVE, "--json")[1])["assignments"]
    assert first == second


def test_solve_without_json_shows_the_counts_and_publish_freezes_it(cli):
    code, out, _ = cli(*SOLVE)
    assert code == 0
    assert "Testlegevakt 01.03.2027–14.03.2027, versjon 1 (utkast)" in out
    assert "Alle 14 vakter er dekket" in out
    code, out, _ = cli("publish", "1", "--json")
    assert code == 0 and json.loads(out)["status"] == "published"
    code, _, err = cli("publish", "1")
    assert code == 1 and "publisert" in err


def test_an_unknown_scheme_or_a_bad_date_ends_with_a_norwegian_error_and_exit_code_1(cli):
    code, _, err = cli("solve", "finnes-ikke", "--from", "2027-03-01", "--to", "2027-03-14")
    assert code == 1 and "Ordningen «finnes-ikke» finnes ikke" in err
    code, _, err = cli("solve", "test-legevakt", "--from", "2027-13-01", "--to", "2027-03-14")
    assert code == 1 and "--from" in err
    code, _, err = cli("solve", "test-legevakt", "--from", "2027-03-14", "--to", "2027-03-01")
    assert code == 1 and "til-datoen er før fra-datoen" in err


def test_vacancies_counts_per_scheme_as_json(cli):
    cli(*SOLVE)
    cli("publish", "1")
    code, out, _ = cli("vacancies", "1824", "--year", "2027", "--json")
    assert code == 0
    mine = next(c for c in json.loads(out) if c["scheme_name"] == "Testlegevakt")
    assert mine["vacant_at_publication"] == 0
