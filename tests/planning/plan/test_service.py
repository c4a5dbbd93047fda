"""The Vefsn plan through the service: computed totals beside the stated ones (PLAN-COST-TOTAL), reordering
a priority with a new version (PLAN-PRIORITY-SERIES), the revision clocks in the deadlines (PLAN-REVISION,
PLAN-LINKED), the PDF, and who may change it."""

from datetime import date
from decimal import Decimal

import pytest

from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from legetjeneste.lifecycle.deadlines import service as deadline_service
from legetjeneste.planning.plan import service
from legetjeneste.planning.plan.measures import service as measure_service
from legetjeneste.planning.plan.schemas import ReorderIn
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE, import_demo


def test_the_vefsn_plan_has_27_needs_and_computes_5618000_against_the_stated_5384000(session):
    import_demo(session)
    plan = service.current_plan(
        session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", on=date(2026, 12, 4)
    )
    assert len(plan["needs"]) == 27 and len(plan["goals"]) == 6 and len(plan["mandate_areas"]) == 7
    totals = plan["totals"]
    assert (totals["computed_yearly"], totals["stated_yearly"], totals["yearly_difference"]) == (
        Decimal(5618000),
        Decimal(5384000),
        Decimal(234000),
    )
    assert (totals["computed_one_off"], totals["one_off_difference"]) == (Decimal(300000), Decimal(0))
    assert plan["revision"]["status"] == "overdue" and plan["revision"]["due"] == date(2024, 12, 31)
    okonomiplan = next(s for s in plan["series"] if s["code"] == "okonomiplan")
    ranks = [e["rank"] for e in okonomiplan["entries"]]
    assert ranks[:10] == [1, 2, 2, 3, 4, 5, 6, 7, 8, 8] and 10 not in ranks and ranks[-1] is None


def test_reordering_a_measure_keeps_other_ties_saves_a_version_and_never_touches_the_stated_total(session):
    import_demo(session)
    plan = service.current_plan(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    entries = next(s for s in plan["series"] if s["code"] == "okonomiplan")["entries"]
    eleventh = next(e for e in entries if e["rank"] == 11)
    after = measure_service.reorder_priority(
        session,
        actor=VEFSN_KOMMUNEOVERLEGE,
        measure_id=eleventh["measure_id"],
        data=ReorderIn(series="okonomiplan", rank=3),
    )
    moved = {
        e["measure_id"]: e["rank"]
        for e in next(s for s in after["series"] if s["code"] == "okonomiplan")["entries"]
    }
    assert moved[eleventh["measure_id"]] == 3
    assert sorted(r for r in moved.values() if r is not None)[:6] == [1, 2, 2, 3, 4, 5]
    assert after["version"] == 2 and after["versions"][0]["note"].startswith(
        "Tiltak A flyttet i Økonomiplan: 11 → 3"
    )
    assert after["totals"]["stated_yearly"] == Decimal(5384000)


def test_a_measure_outside_the_series_and_a_gp_are_refused_a_reordering(session):
    import_demo(session)
    plan = service.current_plan(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    digital = next(s for s in plan["series"] if s["code"] == "digitalisering")["entries"][0]["measure_id"]
    with pytest.raises(RuleViolation) as refused:
        measure_service.reorder_priority(
            session,
            actor=VEFSN_KOMMUNEOVERLEGE,
            measure_id=digital,
            data=ReorderIn(series="okonomiplan", rank=1),
        )
    assert refused.value.rule_id == "PLAN-PRIORITY-SERIES"
    with pytest.raises(Forbidden):
        measure_service.reorder_priority(
            session, actor=VEFSN_DOCTOR, measure_id=digital, data=ReorderIn(series="digitalisering", rank=2)
        )
    with pytest.raises(NotFound):
        measure_service.reorder_priority(
            session,
            actor=KRAGERO_KOMMUNEOVERLEGE,
            measure_id=digital,
            data=ReorderIn(series="digitalisering", rank=2),
        )


def test_the_plan_revision_and_the_linked_plans_are_clocks_in_the_deadlines(session):
    import_demo(session)
    overview = deadline_service.deadlines(
        session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824", on=date(2026, 12, 4)
    )
    mine = {(d.rule_id, d.due_date, d.status) for d in overview.deadlines if d.rule_id.startswith("PLAN")}
    assert ("PLAN-REVISION", date(2024, 12, 31), "overdue") in mine
    assert ("PLAN-LINKED", date(2021, 12, 31), "overdue") in mine
    assert ("PLAN-LINKED", date(2028, 12, 31), "running") in mine


def test_the_plan_prints_as_a_pdf(session):
    import_demo(session)
    plan = service.current_plan(session, actor=VEFSN_KOMMUNEOVERLEGE, municipality_number="1824")
    name, content = service.plan_pdf(session, actor=VEFSN_KOMMUNEOVERLEGE, plan_id=plan["id"])
    assert name == "plan-1824-plan-2020.pdf" and content.startswith(b"%PDF")
