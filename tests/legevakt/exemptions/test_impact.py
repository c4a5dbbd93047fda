"""Impact before deciding (NN-EXEMPT, LV-EXEMPT-*): Kragerø's four GKL applications leave three doctors,
one of them a vikar; the same numbers from the service, the CLI (`roster impact NR --json`) and the API."""

import json

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.cli import app
from legetjeneste.legevakt.exemptions import service as exemption_service
from tests.command_line import command_line
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo


def group(found: dict, office_name: str) -> dict:
    return next(g for s in found["schemes"] for g in s["groups"] if g["office_name"] == office_name)


def test_granting_the_four_gkl_applications_leaves_three_doctors_one_of_them_a_vikar(demo):
    found = exemption_service.impact(demo, actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="4014")
    assert len(found["applications"]) == 4 and found["months"][0] == "2026-12"
    december = group(found, "GKL legekontor")["months"][0]
    assert december["shifts"] == 13
    assert (december["before"]["participants"], december["after"]["participants"]) == (7, 3)
    assert december["after"]["vikars"] == 1
    assert [d["name"] for d in december["after"]["doctors"] if d["is_vikar"]] == ["Mari Helle"]
    assert (december["before"]["shifts_per_participant"], december["after"]["shifts_per_participant"]) == (
        1.9,
        4.3,
    )


def test_the_other_office_is_shown_unchanged(demo):
    found = exemption_service.impact(demo, actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="4014")
    kls = group(found, "KLS legesenter")
    assert kls["weekdays"] == ["monday", "tuesday"]
    assert all(m["before"]["participants"] == m["after"]["participants"] == 4 for m in kls["months"])


def test_the_impact_of_one_application_counts_only_that_one(demo):
    all_found = exemption_service.impact(demo, actor=SYSTEM, municipality_number="4014")
    even = next(a["id"] for a in all_found["applications"] if a["doctor_hpr"] == "9401408")
    found = exemption_service.impact(demo, actor=SYSTEM, municipality_number="4014", application_ids=[even])
    december = group(found, "GKL legekontor")["months"][0]
    assert (december["before"]["participants"], december["after"]["participants"]) == (7, 6)


def test_a_legevakt_application_from_the_middle_of_a_month_counts_part_of_that_month(demo):
    found = exemption_service.impact(demo, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    months = found["schemes"][0]["groups"][0]["months"]
    july = months[0]
    assert july["month"] == "2027-07" and july["shifts"] == 31
    # 10 GPs (Eirik Sandnesmo is exempt, over 60; Thomas Kvalvik left when his notice period ended) and the
    # LIS1; Siri Halsøy is away from 20 July: 12 of July's 31 days.
    assert july["before"]["participants"] == 11 and july["after"]["participants"] == 10.61


@pytest.fixture
def cli(engine, open_session, monkeypatch):
    import_demo(open_session())
    with command_line(engine, monkeypatch, app) as invoke:
        yield invoke


def test_roster_impact_json_prints_one_document_with_seven_to_three_at_gkl(cli):
    code, out, _ = cli("impact", "4014", "--json")
    assert code == 0
    found = json.loads(out)
    december = group(found, "GKL legekontor")["months"][0]
    assert (december["before"]["participants"], december["after"]["participants"]) == (7, 3)


def test_roster_impact_without_json_prints_a_readable_summary_in_norwegian(cli):
    code, out, _ = cli("impact", "4014", "--months", "1")
    assert code == 0
    assert "GKL legekontor (onsdag, torsdag, fredag)" in out
    assert "2026-12: 13 vakter; deltakere 7 → 3 (vikarer 1 → 1); vakter per deltaker 1,9 → 4,3" in out


def test_roster_impact_of_an_unknown_municipality_or_month_is_a_norwegian_error(cli):
    code, _, err = cli("impact", "9999")
    assert code == 1 and "Kommune 9999 finnes ikke" in err
    code, _, err = cli("impact", "4014", "--from", "2026-13")
    assert code == 1 and "ÅÅÅÅ-MM" in err


def test_an_application_without_an_end_is_shown_for_half_a_year(demo):
    all_found = exemption_service.impact(demo, actor=SYSTEM, municipality_number="4014")
    knut = next(a["id"] for a in all_found["applications"] if a["doctor_hpr"] == "9401405")
    found = exemption_service.impact(demo, actor=SYSTEM, municipality_number="4014", application_ids=[knut])
    assert found["months"] == ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05"]
    assert all(m["after"]["participants"] == 6 for m in group(found, "GKL legekontor")["months"][:4])
