"""The `legetjeneste` command: one JSON document on stdout with --json, Norwegian errors with exit code 1."""

import inspect
import json
import subprocess
import sys

import pytest
import typer
import yaml

from legetjeneste.cli import FeatureGroup, app
from legetjeneste.features import features
from tests.command_line import command_line
from tests.support import KRAGERO_FILE, VEFSN_FILE, document


@pytest.fixture
def cli(engine, monkeypatch):
    """Run the CLI against the test database; returns a function giving (exit code, stdout, stderr)."""
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def test_import_with_json_prints_exactly_one_json_document(cli):
    code, out, _ = cli("import", str(VEFSN_FILE), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["municipality"] == "1824" and report["created"]["agreement"] == 15


def test_a_broken_file_exits_1_and_lists_every_problem_on_stderr(cli, tmp_path):
    doc = document()
    doc["agreements"][3]["listetak"] = 3000
    doc["doctors"][1]["specialist_status"] = "kirurg"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(doc, allow_unicode=True))
    code, out, err = cli("import", str(broken), "--json")
    assert code == 1 and out == ""
    assert "agreements[3].listetak: 3000 er over maksimum 2500 (AGR-LISTETAK)" in err
    assert "doctors[1].specialist_status: «kirurg» må være en av" in err


def test_a_missing_file_is_a_norwegian_error_not_a_traceback(cli, tmp_path):
    code, _, err = cli("import", str(tmp_path / "finnes-ikke.yaml"))
    assert code == 1 and "kan ikke leses" in err


def test_export_writes_the_municipality_file_that_imports_again_unchanged(cli, tmp_path):
    cli("import", str(KRAGERO_FILE))
    target = tmp_path / "kragero.json"
    assert cli("export", "4014", "--output", str(target))[0] == 0
    assert json.loads(target.read_text())["municipality"]["name"] == "Kragerø"
    code, out, _ = cli("import", str(target), "--json")
    assert code == 0 and json.loads(out)["updated"] == {}


def test_exporting_an_unknown_municipality_exits_1(cli):
    code, _, err = cli("export", "9998")
    assert code == 1 and "9998 finnes ikke" in err


def test_user_add_with_token_prints_a_token_that_works_for_the_api(cli, engine):
    cli("import", str(VEFSN_FILE))
    code, out, _ = cli(
        "user", "add", "kol@vefsn.example", "--role", "kommuneoverlege", "--municipality", "1824", "--token"
    )
    token = out.strip()
    assert code == 0 and len(token) > 30
    from fastapi.testclient import TestClient

    from legetjeneste.main import create_app

    with TestClient(create_app(engine=engine, secret_key="t")) as client:
        response = client.get("/api/v1/agreements/182404", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_user_add_with_an_unknown_role_exits_1_naming_the_roles(cli):
    code, _, err = cli("user", "add", "x@y.example", "--role", "sjef")
    assert code == 1 and "gyldige roller" in err


def test_audit_with_json_lists_the_import_and_the_reads(cli):
    cli("import", str(VEFSN_FILE))
    cli("export", "1824")
    code, out, _ = cli("audit", "--json")
    entries = json.loads(out)
    assert code == 0 and [e["action"] for e in entries[:2]] == ["export", "import"]


def test_overview_with_json_gives_the_totals(cli):
    cli("import", str(VEFSN_FILE))
    code, out, _ = cli("overview", "1824", "--date", "2026-11-22", "--json")
    assert code == 0 and json.loads(out)["totals"]["without_regular_doctor"] == 2


def test_helfo_import_with_json_reports_the_rows(cli, tmp_path):
    cli("import", str(VEFSN_FILE))
    csv = tmp_path / "helfo.csv"
    csv.write_text("Avtale-ID;Antall på liste\n182401;720\n182402;810\n", encoding="utf-8")
    code, out, _ = cli("helfo", "import", str(csv), "--municipality", "1824", "--month", "2026-12", "--json")
    assert code == 0 and json.loads(out)["rows"] == 2


def test_demo_load_twice_gives_the_demo_logins_and_changes_nothing_the_second_time(cli):
    assert cli("demo", "load")[0] == 0
    code, out, _ = cli("demo", "load", "--json")
    assert code == 0 and "kommuneoverlege@vefsn.example" in [login["email"] for login in json.loads(out)]
    code, out, _ = cli("statistics", "load", "--json")
    assert code == 0 and json.loads(out)["figures"] > 351 * 10


def test_help_lists_every_command_of_every_feature(cli):
    code, out, _ = cli("--help")
    declared = [command.name for feature in features() for command in feature.commands]
    assert code == 0 and len(declared) == 24
    assert all(f"│ {name} " in out for name in [*declared, "db", "demo", "serve"])


def test_each_command_declares_the_help_its_own_module_gives():
    group = typer.main.get_group(app)
    assert isinstance(group, FeatureGroup)
    for feature in features():
        for declared in feature.commands:
            loaded = group.load(declared)
            assert inspect.cleandoc(loaded.help).split("\n\n")[0].strip() == declared.help, declared.name


def test_the_command_loads_without_the_solver_the_pdf_library_or_the_web_framework():
    heavy = "{'ortools', 'reportlab', 'fastapi'}"
    code = f"import sys, legetjeneste.cli; print(sorted({heavy} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_an_unexpected_error_ends_the_command_with_one_norwegian_line_and_the_traceback_in_the_log(tmp_path):
    environment = {
        "LEGETJENESTE_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2",
        "LEGETJENESTE_VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", "from legetjeneste.cli import main; main()", "overview", "1824", "--json"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("Feil: databasen svarte ikke eller var opptatt.")
    assert "Traceback" not in done.stderr
    assert "OperationalError" in (tmp_path / "log" / "cli.log").read_text()
