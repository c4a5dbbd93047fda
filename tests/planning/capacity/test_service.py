"""Capacity and forecast on the Vefsn demo through the service: the register's capacity, the scenario's list
need, the age horizon with the age limit on its date, importing population, and the GP's panel."""

from datetime import date

import pytest

from legetjeneste.errors import ValidationFailed
from legetjeneste.planning.capacity import rules, service
from legetjeneste.registry import queries as registry_queries
from tests.support import VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE, import_demo

ACTOR = VEFSN_KOMMUNEOVERLEGE


def test_vefsn_capacity_uses_the_register_and_the_plans_projection_labelled_as_built_from_the_plan(session):
    import_demo(session)
    view = service.capacity_view(
        session,
        actor=ACTOR,
        municipality_number="1824",
        target_average=800,
        horizon_year=2030,
        today=date(2026, 12, 4),
    )
    cap = view["capacity"]
    assert cap["listetak_sum"] == sum(row["listetak"] for row in view["lists"]) and cap["listed"] > 0
    assert view["scenario"] == {
        "target_average": 800,
        "new_listetak": 800,
        "horizon_year": 2030,
        "future_population": 13400,
        "projected": True,
    }
    assert view["list_need"]["new_agreements"] == -(
        -(view["list_need"]["new_places"] + view["list_need"]["patients_to_move"]) // 800
    )
    assert "ikke fra en SSB-fil" in view["population"][0]["source"]


def test_the_age_horizon_uses_the_age_limit_in_force_on_the_horizon_date(session):
    import_demo(session)
    before = service.capacity_view(session, actor=ACTOR, municipality_number="1824", today=date(2021, 6, 1))
    after = service.capacity_view(session, actor=ACTOR, municipality_number="1824", today=date(2022, 6, 1))
    assert before["age_horizon"][0]["age_limit"] == 70 and after["age_horizon"][0]["age_limit"] == 72


def test_importing_population_keeps_only_the_municipalitys_rows_and_refuses_a_file_without_them(session):
    import_demo(session)
    counts = [
        rules.PopulationCount("1824", 2035, "80+", 1300),
        rules.PopulationCount("1824", 2035, "total", 13300),
        rules.PopulationCount("4014", 2035, "total", 9999),
    ]
    assert (
        service.import_population(
            session,
            actor=ACTOR,
            municipality_number="1824",
            counts=counts,
            projected=True,
            source="SSB tabell 14288",
        )
        == 2
    )
    view = service.capacity_view(session, actor=ACTOR, municipality_number="1824", horizon_year=2035)
    assert view["scenario"]["future_population"] == 13300
    with pytest.raises(ValidationFailed):
        service.import_population(
            session, actor=ACTOR, municipality_number="1824", counts=counts[2:], projected=True, source="x"
        )


def test_the_gp_panel_shows_their_list_against_the_average_and_the_measures_that_concern_gps(session):
    import_demo(session)
    with session.begin():
        doctor = registry_queries.doctor_by_hpr(session, municipality_number="1824", hpr_number="9182402")
    panel = service.gp_panel(session, actor=VEFSN_DOCTOR, doctor_id=doctor.id)
    assert panel["rule_id"] == "PLAN-PREDICTABILITY" and panel["lists"][0]["doctor_id"] == doctor.id
    assert panel["average_list_length"] > 0 and panel["alis_listetak"] == 800
    assert any(m["need"] == "A" for m in panel["measures"]) and all(
        m["need"] != "I" for m in panel["measures"]
    )
    assert service.gp_panel(session, actor=VEFSN_DOCTOR, doctor_id=None) is None
