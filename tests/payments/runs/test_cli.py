"""`legetjeneste payments run|csv`: one JSON document with --json, Norwegian errors on stderr, exit 1."""

import json
from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.absence import service as absence_service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.payments.hours import service as duty_service
from legetjeneste.payments.hours.schemas import DutyHoursCreate
from legetjeneste.payments.runs.cli import app
from legetjeneste.registry import service as registry_service
from tests.command_line import command_line
from tests.payments.four_eyes import one_person_may_approve
from tests.support import import_demo


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    """The payments commands on the demo data in the test database: (exit code, stdout, stderr)."""
    import_demo(open_session())
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def doctor_id(session, hpr: str) -> int:
    return next(d.id for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)


@pytest.fixture
def eirik_sick(open_session):
    session = open_session()
    absence = AbsenceCreate(
        doctor_id=doctor_id(session, "9182404"),
        ground="own_sickness",
        start=date(2026, 3, 1),
        end=date(2026, 3, 20),
        cover="none",
    )
    absence_service.register_absence(session, actor=SYSTEM, data=absence)


def test_run_with_json_prints_exactly_one_document_with_every_line_and_amounts_as_strings(cli, eirik_sick):
    code, out, _ = cli("run", "1824", "--month", "2026-03", "--json")
    assert code == 0
    run = json.loads(out)
    assert list(run) == ["municipality", "month", "status", "due_date", "total", "lines"]
    assert (run["municipality"], run["month"], run["status"], run["due_date"]) == (
        "1824",
        "2026-03",
        "draft",
        "2026-03-12",
    )
    [deduction] = [line for line in run["lines"] if line["kind"] == "deduction"]
    assert list(deduction) == ["agreement", "payee_hpr", "kind", "amount", "rule_id", "text"]
    assert (deduction["agreement"], deduction["payee_hpr"], deduction["rule_id"]) == (
        182404,
        "9182404",
        "ABS-SICK",
    )
    assert deduction["amount"] == "-9305.06" and "ASA 4310 § 13.4" in deduction["text"]
    assert all(
        isinstance(line["amount"], str) and len(line["amount"].split(".")[1]) == 2 for line in run["lines"]
    )
    assert Decimal(run["total"]) == sum(Decimal(line["amount"]) for line in run["lines"])


def test_run_with_approve_is_refused_under_four_eyes_since_the_command_line_computed_it(cli):
    code, out, err = cli("run", "1824", "--month", "2026-03", "--approve", "--json")
    assert code == 1 and out == "" and "PAY-FOUR-EYES" in err and "en annen person" in err


def test_run_with_approve_approves_and_an_approved_month_is_not_computed_again(cli, open_session):
    one_person_may_approve(open_session())
    code, out, _ = cli("run", "1824", "--month", "2026-03", "--approve", "--json")
    assert code == 0 and json.loads(out)["status"] == "approved"
    code, out, err = cli("run", "1824", "--month", "2026-03")
    assert code == 1 and out == ""
    assert "Kjøringen for mars 2026 er godkjent og kan ikke endres" in err and "(PAY-MONTHLY)" in err


def test_run_without_json_prints_a_readable_table(cli, eirik_sick):
    code, out, _ = cli("run", "1824", "--month", "2026-03")
    assert code == 0
    assert out.startswith(
        "Basistilskudd mars 2026 for kommune 1824: utkast – ikke godkjent, forfall 12.03.2026"
    )
    assert any(
        "182404" in line and "trekk" in line and "-9305.06" in line and "ABS-SICK" in line
        for line in out.splitlines()
    )
    assert "Per mottaker:" in out


@pytest.mark.parametrize("month", ["2026-13", "mars", "2026-3"])
def test_a_malformed_month_is_a_norwegian_error(cli, month):
    code, out, err = cli("run", "1824", "--month", month)
    assert code == 1 and out == "" and "er ikke en måned på formen ÅÅÅÅ-MM" in err


def test_an_unknown_municipality_exits_1(cli):
    code, _, err = cli("run", "9998", "--month", "2026-03")
    assert code == 1 and "9998 finnes ikke" in err


def test_csv_of_a_draft_is_refused(cli):
    cli("run", "1824", "--month", "2026-03")
    code, out, err = cli("csv", "1824", "--month", "2026-03")
    assert code == 1 and out == "" and "må godkjennes før den kan eksporteres" in err and "PAY-MONTHLY" in err


def test_csv_of_an_approved_month_goes_to_stdout_or_a_file_and_warns_of_missing_accounts(
    cli, open_session, tmp_path
):
    session = open_session()
    hours = DutyHoursCreate(doctor_id=doctor_id(session, "9182416"), month="2026-03", hours=Decimal("2"))
    duty_service.register_duty_hours(session, actor=SYSTEM, data=hours)
    one_person_may_approve(session)
    cli("run", "1824", "--month", "2026-03", "--approve")
    code, out, err = cli("csv", "1824", "--month", "2026-03")
    assert code == 0 and out.startswith(
        "\ufeffMottaker;HPR-nummer;Avtale;Kontonummer;Beløp;Forfallsdato;Tekst"
    )
    assert "Stian Grubben (HPR 9182416) mangler kontonummer" in err
    target = tmp_path / "mars.csv"
    code, out, err = cli("csv", "1824", "--month", "2026-03", "-o", str(target))
    assert code == 0 and out == "" and "Skrev 11 rader" in err
    content = target.read_bytes()
    assert (
        content.startswith("\ufeffMottaker;".encode()) and b"\r\n" in content and content.count(b"\r\n") == 12
    )
