"""The import-linter contracts in pyproject.toml hold, and they would catch a deliberate violation: a copy of
the source where a rules module imports SQLAlchemy, a queries module imports its service, auth imports a
feature and a sub-feature imports a sibling it must not know fails each contract by name."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def violating_copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("violation")
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    package = root / "src" / "legetjeneste"
    for module, line in VIOLATIONS.items():
        path = package / module
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return root


VIOLATIONS = {
    "absence/panel/rules/panel.py": "import sqlalchemy  # noqa",
    "payments/runs/queries.py": "from legetjeneste.payments.runs import service  # noqa",
    "auth/service.py": "from legetjeneste.payments.runs import service  # noqa",
    "absence/vacation/service.py": "from legetjeneste.absence.panel import service  # noqa",
}


def test_the_contracts_hold_on_the_source():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_rules_module_that_imports_sqlalchemy_breaks_the_pure_rules_contract(violating_copy):
    result = lint(violating_copy)
    assert result.returncode != 0
    assert "Rules and rostering stay free of infrastructure BROKEN" in result.stdout
    assert "legetjeneste.absence.panel.rules.panel -> sqlalchemy" in result.stdout


def test_a_queries_module_that_imports_its_service_breaks_the_feature_layers(violating_copy):
    result = lint(violating_copy)
    assert "Each feature is layered: edges, service, queries, rules BROKEN" in result.stdout
    assert "legetjeneste.payments.runs.queries -> legetjeneste.payments.runs.service" in result.stdout


def test_auth_importing_a_feature_breaks_the_foundation_contract(violating_copy):
    result = lint(violating_copy)
    assert "The foundation imports no feature above it BROKEN" in result.stdout
    assert "legetjeneste.auth.service -> legetjeneste.payments.runs.service" in result.stdout


def test_a_sub_feature_importing_its_sibling_breaks_their_independence(violating_copy):
    result = lint(violating_copy)
    assert "Sibling sub-features do not know each other BROKEN" in result.stdout
    assert "legetjeneste.absence.vacation.service -> legetjeneste.absence.panel.service" in result.stdout
