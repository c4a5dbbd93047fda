"""`legetjeneste duties overview NR [--date D] --json` and `legetjeneste duties tilsyn NR [--date D] [--days
N] --json`: one JSON document each, with rule ids; tilsyn with the cover while doctors are away and the
year's vikar budget against what is spent (TILSYN-COVER); a bad date names the option."""

import json
from decimal import Decimal

from legetjeneste.cli import app
from tests.command_line import command_line
from tests.support import import_demo


def test_overview_and_tilsyn_print_one_json_document_each_with_rule_ids(engine, open_session, monkeypatch):
    import_demo(open_session())
    with command_line(engine, monkeypatch, app, "duties") as cli:
        code, out, _ = cli("overview", "1824", "--date", "2027-02-01", "--json")
        assert code == 0
        overview = json.loads(out)
        drevja = next(g for g in overview["gps"] if g["doctor_name"] == "Lars Drevja")
        assert [Decimal(drevja[k]) for k in ("cap", "deductions", "orderable")] == [Decimal("7.5"), 3, 0]
        assert {line["rule_id"] for line in drevja["lines"]} == {"DUTY-CAP", "DUTY-SUPERVISION-DEDUCT"}
        code, out, _ = cli("tilsyn", "1824", "--date", "2026-12-04", "--json")
        tilsyn = json.loads(out)
        assert code == 0 and (Decimal(tilsyn["planned"]), Decimal(tilsyn["norm"])) == (
            Decimal("85.75"),
            Decimal("112.84"),
        )
        assert "TILSYN-NORM" in tilsyn["rule_ids"] and len(tilsyn["units"]) == 12
        budget = tilsyn["cover"]["budget"]
        assert tilsyn["cover"]["rule_id"] == "TILSYN-COVER" and budget["year"] == 2026
        figures = [Decimal(budget[k]) for k in ("amount", "spent", "weeks", "left")]
        assert figures == [500000, 364000, 7, 136000]
        code, out, _ = cli("tilsyn", "1824", "--date", "2027-06-14", "--days", "14", "--json")
        cover = json.loads(out)["cover"]
        assert code == 0 and Decimal(cover["uncovered_hours"]) == 74 and len(cover["standins"]) == 3
        code, _, err = cli("overview", "1824", "--date", "1.2.2027")
        assert code == 1 and "--date" in err
