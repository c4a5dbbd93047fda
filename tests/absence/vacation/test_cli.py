"""`legetjeneste vacation-overview NR --from D --to D [--json]` (SU-VACATION)."""

import json
from datetime import date

import pytest

from legetjeneste.absence import service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.cli import app
from legetjeneste.registry import service as registry_service
from tests.absence.vacation_support import without_absences
from tests.command_line import command_line
from tests.support import import_demo


@pytest.fixture
def cli(engine, session, monkeypatch):
    """The demo register with one uncovered vacation, and the CLI on the test database."""
    import_demo(session)
    without_absences(session)
    doctor = next(
        d for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == "9182404"
    )
    data = AbsenceCreate(
        doctor_id=doctor.id, ground="ordinary", start=date(2026, 7, 6), end=date(2026, 7, 26), cover="none"
    )
    service.register_absence(session, actor=SYSTEM, data=data)
    with command_line(engine, monkeypatch, app, "vacation-overview") as invoke:
        yield invoke


def test_with_json_it_prints_exactly_one_json_document(cli):
    code, out, _ = cli("1824", "--from", "2026-07-01", "--to", "2026-07-31", "--json")
    assert code == 0
    overview = json.loads(out)
    assert (overview["municipality_number"], overview["start"], overview["end"]) == (
        "1824",
        "2026-07-01",
        "2026-07-31",
    )
    assert [gap["kind"] for gap in overview["gaps"]] == ["no_cover"]


def test_without_json_it_prints_the_gaps_and_who_is_away_per_office_and_week(cli):
    code, out, _ = cli("1824", "--from", "2026-07-01", "--to", "2026-07-31")
    assert code == 0
    assert out.startswith(
        "Ferieoversikt for Vefsn (1824) 2026-07-01–2026-07-31 (SU-VACATION, ASA 4310 § 4.2.3)"
    )
    assert "Hull i dekningen: 1" in out and "Eirik Sandnesmo (avtale 182404) er borte uten dekning" in out
    assert (
        "  uke 28 (6.–12. juli)\n    Eirik Sandnesmo: 6.–26. juli, ferie eller annet ordinært fravær" in out
    )


def test_a_bad_date_or_period_is_a_norwegian_error_with_exit_code_1(cli):
    code, out, err = cli("1824", "--from", "2026-13-01")
    assert (code, out) == (1, "") and "--from: «2026-13-01» er ikke en dato på formen ÅÅÅÅ-MM-DD" in err
    code, _, err = cli("1824", "--from", "2026-08-01", "--to", "2026-07-01")
    assert code == 1 and "to: til-datoen er før fra-datoen" in err
    code, _, err = cli("9999", "--from", "2026-07-01", "--to", "2026-07-31")
    assert code == 1 and "finnes ikke" in err
