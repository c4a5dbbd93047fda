"""`legetjeneste plan show NR --json` and `legetjeneste statistics show NR --year Y --json`, `import-fees`
and `import-population`: exactly one JSON document each, rule ids in it, Norwegian errors on stderr."""

import json

import pytest

from legetjeneste.cli import app
from tests.command_line import command_line
from tests.support import import_demo


@pytest.fixture
def cli(engine, monkeypatch, session):
    import_demo(session)
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def test_plan_show_json_gives_needs_measures_and_computed_and_stated_totals_with_the_difference(cli):
    code, out, _ = cli("plan", "show", "1824", "--json")
    plan = json.loads(out)
    assert code == 0 and len(plan["needs"]) == 27 and plan["measures"][0]["need"] == "A"
    assert (
        plan["totals"]["computed_yearly"],
        plan["totals"]["stated_yearly"],
        plan["totals"]["yearly_difference"],
        plan["totals"]["rule_id"],
    ) == ("5618000", "5384000", "234000", "PLAN-COST-TOTAL")
    code, _, err = cli("plan", "show", "4014", "--json")
    assert code == 1 and "ingen plan" in err


def test_statistics_show_json_gives_the_year_with_rule_ids_and_the_imports_report_their_rows(cli, tmp_path):
    code, out, _ = cli("statistics", "show", "1824", "--year", "2025", "--json")
    report = json.loads(out)
    assert code == 0 and report["current"]["year"] == 2025 and report["rule_ids"]["legevakt"] == "STAT-LV"
    assert [q["status"] for q in report["quality"]].count("not_reported") == 2
    fees = tmp_path / "takster.csv"
    fees.write_text("aar;organisasjonsnummer;takst;antall\n2026;991002014;2ad;500\n", encoding="utf-8")
    code, out, _ = cli("statistics", "import-fees", "1824", str(fees), "--json")
    assert code == 0 and json.loads(out) == {"rows": 1}
    population = tmp_path / "07459.csv"
    population.write_text(
        '"region";"alder";"år";"Personer"\n"1824 Vefsn";"081 år";"2026";"90"\n', encoding="utf-8"
    )
    code, out, _ = cli("statistics", "import-population", "1824", str(population), "--json")
    assert code == 0 and json.loads(out)["figures"] == 2


def test_statistics_key_figures_names_the_similar_municipalities_in_text_and_json(cli):
    assert cli("statistics", "load")[0] == 0
    code, out, _ = cli("statistics", "key-figures", "1824", "--json")
    data = json.loads(out)
    assert code == 0 and data["municipality"]["name"] == "Vefsn"
    assert [s["name"] for s in data["similar"]][:2] == ["Nannestad", "Bamble"]
    code, out, _ = cli("statistics", "key-figures", "1824")
    assert code == 0 and "Nannestad (3238)" in out and "KLASS 131" in out
