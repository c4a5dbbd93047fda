"""The yearly statistics through the service on the Vefsn demo: the report with rule ids beside the year
before (STAT-LV, STAT-LV-COST), vacancies from the rosters through Feature.year_figures (STAT-LV-VACANCY),
recording a quality indicator (STAT-QI) and importing fee codes (STAT-LV)."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.errors import Forbidden, ValidationFailed
from legetjeneste.features import Feature
from legetjeneste.planning.statistics import service
from legetjeneste.planning.statistics.fee_codes import service as fee_code_service
from legetjeneste.planning.statistics.quality import service as quality_service
from legetjeneste.planning.statistics.schemas import QualityIndicatorIn
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE, import_demo

ACTOR = VEFSN_KOMMUNEOVERLEGE


def test_the_2025_report_compares_with_2024_and_counts_the_2019_plan_year_at_1_37(session):
    import_demo(session)
    report = service.year_report(session, actor=ACTOR, municipality_number="1824", year=2025)
    assert [h["year"] for h in report["history"]] == [2019, 2024, 2025]
    assert report["history"][0]["legevakt_rate"] == Decimal("1.37") and report["benchmark"] == Decimal("0.9")
    assert report["history"][0]["legevakt_cost_share"] == Decimal("28.6")
    assert (
        report["previous"]["year"] == 2024 and report["current"]["vacancy_source"] == "registrert av kommunen"
    )
    statuses = {q["indicator"]: q["status"] for q in report["quality"]}
    assert statuses["answer_time_116117"] == "met" and statuses["daytime_turnout"] == "not_reported"
    assert statuses["joint_training_ambulance"] == "not_met" and len(statuses) == 6
    vefsn_legesenter = next(
        r for r in report["fee_codes"] if r["year"] == 2025 and r["office"] == "Vefsn legesenter"
    )
    assert vefsn_legesenter["groups"]["1-takstene"] == 2350
    empty = service.year_report(session, actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="4014", year=2025)
    assert (
        empty["current"]["registered"] is False
        and empty["current"]["legevakt_rate"] is None
        and report["alis"]["total"] == Decimal(184800)
    )


def vacancies(session, *, municipality_number, year):
    """What legevakt's rosters would count (Feature.year_figures)."""
    return {"legevakt_shifts": 365, "legevakt_vacant_shifts": 7}


def test_vacant_shifts_come_from_the_rosters_when_a_feature_counts_them(session, monkeypatch):
    import_demo(session)
    probe = Feature(name="legevakt_probe", order=999, year_figures=(f"{__name__}:vacancies",))
    monkeypatch.setattr(service, "features", lambda: (probe,))
    current = service.year_report(session, actor=ACTOR, municipality_number="1824", year=2025)["current"]
    assert (current["vacant_shifts"], current["vacancy_share"], current["vacancy_source"]) == (
        7,
        Decimal("1.9"),
        "vaktlistene",
    )


def test_a_quality_indicator_is_recorded_with_evidence_and_a_gp_may_not(session):
    import_demo(session)
    data = QualityIndicatorIn(
        year=2025,
        indicator="daytime_turnout",
        status="met",
        evidence="Akuttsekk sjekket",
        reported_on=date(2026, 1, 5),
    )
    quality_service.record_quality_indicator(session, actor=ACTOR, municipality_number="1824", data=data)
    report = service.year_report(session, actor=ACTOR, municipality_number="1824", year=2025)
    assert next(q for q in report["quality"] if q["indicator"] == "daytime_turnout")["status"] == "met"
    with pytest.raises(ValidationFailed) as refused:
        quality_service.record_quality_indicator(
            session, actor=ACTOR, municipality_number="1824", data=data.model_copy(update={"evidence": ""})
        )
    assert refused.value.problems[0].rule_id == "STAT-QI"
    with pytest.raises(Forbidden):
        quality_service.record_quality_indicator(
            session, actor=VEFSN_DOCTOR, municipality_number="1824", data=data
        )


def test_a_fee_code_import_replaces_the_offices_year_and_an_unknown_office_writes_nothing(session):
    import_demo(session)
    count = fee_code_service.import_fee_codes(
        session, actor=ACTOR, municipality_number="1824", items=[("991000011", 2025, "2AD", 10000)]
    )
    report = service.year_report(session, actor=ACTOR, municipality_number="1824", year=2025)
    row = next(r for r in report["fee_codes"] if r["year"] == 2025 and r["office"] == "Vefsn legesenter")
    assert count == 1 and row["groups"]["2ad"] == 10000 and row["groups"]["1-takstene"] == 0
    with pytest.raises(ValidationFailed) as refused:
        fee_code_service.import_fee_codes(
            session,
            actor=ACTOR,
            municipality_number="1824",
            items=[("991000011", 2025, "2ad", 1), ("999999999", 2025, "2ad", 1)],
        )
    assert refused.value.problems[0].path == "rad 3, organisasjonsnummer"
    again = service.year_report(session, actor=ACTOR, municipality_number="1824", year=2025)
    assert (
        next(r for r in again["fee_codes"] if r["office"] == "Vefsn legesenter" and r["year"] == 2025)[
            "groups"
        ]["2ad"]
        == 10000
    )
