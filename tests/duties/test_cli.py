"""`legetjeneste duties overview NR [--date D] --json` and `legetjeneste duties tilsyn NR [--date D] --json`:
one JSON document each, with rule ids; a bad date names the option."""

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
        code, _, err = cli("overview", "1824", "--date", "1.2.2027")
        assert code == 1 and "--date" in err
