"""`legetjeneste backup FILE` and `legetjeneste restore FILE`: one JSON document with --json, Norwegian
errors with exit code 1."""

import json

import pytest

from legetjeneste.cli import app
from tests.backup.conftest import every_row, fill
from tests.command_line import command_line


@pytest.fixture
def cli(engine, monkeypatch):
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def test_backup_and_restore_with_json_report_the_tables_and_rows(engine, target, monkeypatch, tmp_path):
    fill(engine)
    path = tmp_path / "kopi.tar.gz"
    with command_line(engine, monkeypatch, app) as invoke:
        code, out, err = invoke("backup", str(path), "--json")
    taken = json.loads(out)
    assert code == 0 and taken["rows"] == sum(taken["tables"].values())
    with command_line(target, monkeypatch, app) as invoke:
        code, out, _ = invoke("restore", str(path), "--json")
    restored = json.loads(out)
    assert code == 0 and restored["tables"] == taken["tables"] and restored["verified"] is True
    assert (restored["source"], restored["target"]) == (engine.dialect.name, target.dialect.name)
    assert every_row(target)["doctor"] == every_row(engine)["doctor"]


def test_without_json_the_backup_warns_that_it_holds_health_data(cli, engine, tmp_path):
    fill(engine)
    code, out, err = cli("backup", str(tmp_path / "kopi.tar.gz"))
    assert code == 0 and out.startswith("Sikkerhetskopi skrevet til ")
    assert "helseopplysninger: krypter den" in err


def test_a_refused_restore_exits_1_with_the_reason_and_no_traceback(cli, engine, tmp_path):
    fill(engine)
    cli("backup", str(tmp_path / "kopi.tar.gz"))
    code, out, err = cli("restore", str(tmp_path / "kopi.tar.gz"), "--json")
    assert (code, out) == (1, "") and err.startswith("Feil: Databasen er ikke tom:")
    assert "Traceback" not in err
