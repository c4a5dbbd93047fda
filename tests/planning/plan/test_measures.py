"""Changing the Vefsn plan's measures and needs through the service: add, change and remove a measure, add a
need — each under the plan's lock, each saving a version that says what changed (PLAN-DUTY); the totals are
computed again and the stated figure never moves (PLAN-COST-TOTAL); the series keep their ties and gaps
(PLAN-PRIORITY-SERIES); a refusal names the field and its rule."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from legetjeneste.errors import Forbidden, NotFound, ValidationFailed
from legetjeneste.planning.plan import service
from legetjeneste.planning.plan.measures import service as measures
from legetjeneste.planning.plan.measures.schemas import MeasureChange, MeasureCreate, NeedCreate
from legetjeneste.planning.plan.models import PlanVersion
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_DOCTOR, VEFSN_KOMMUNEOVERLEGE, import_demo

ACTOR = VEFSN_KOMMUNEOVERLEGE


@pytest.fixture
def plan(session) -> dict:
    import_demo(session)
    return service.current_plan(session, actor=ACTOR, municipality_number="1824")


def measure(plan: dict, starts: str) -> dict:
    return next(m for m in plan["measures"] if m["text"].startswith(starts))


def ranks(plan: dict, series: str) -> dict[int, int | None]:
    entries = next(s for s in plan["series"] if s["code"] == series)["entries"]
    return {e["measure_id"]: e["rank"] for e in entries}


def change_of(m: dict, **changes) -> MeasureChange:
    return MeasureChange(**{**{k: m[k] for k in MeasureChange.model_fields}, **changes})


def problems_of(refused: pytest.ExceptionInfo) -> set[tuple[str, str | None]]:
    return {(p.path, p.rule_id) for p in refused.value.problems}


def test_a_new_measure_joins_its_need_and_a_series_and_the_computed_total_follows(session, plan):
    data = MeasureCreate(
        need="A", text="Nytt ALIS-løp i Mosjøen", first_year=2026, last_year=2028, yearly_cost="215 000",
        one_off_cost="20 000,50", funding="okonomiplan", owner="Kommuneoverlegen", series="okonomiplan",
        rank=2,
    )  # fmt: skip
    after = measures.add_measure(session, actor=ACTOR, plan_id=plan["id"], data=data)

    new = measure(after, "Nytt ALIS-løp")
    assert (new["need"], new["yearly_cost"], new["one_off_cost"]) == (
        "A",
        Decimal(215000),
        Decimal("20000.5"),
    )
    assert after["needs"][0]["measures"][-1] == new["id"]
    series = ranks(after, "okonomiplan")
    assert series[new["id"]] == 2 and series[measure(plan, "LIS1 på alle")["id"]] == 8
    assert sorted(r for r in series.values() if r)[:4] == [1, 2, 3, 3]
    assert after["totals"]["computed_yearly"] == Decimal(5618000 + 215000)
    assert after["totals"]["stated_yearly"] == Decimal(5384000)
    assert (after["version"], after["versions"][0]["note"]) == (
        2,
        "Tiltak lagt til under behov A: Nytt ALIS-løp i Mosjøen",
    )


def test_changing_a_measure_saves_a_version_naming_what_changed_and_can_move_it_to_another_need(
    session, plan
):
    alis = measure(plan, "16. legehjemmel")
    data = change_of(alis, need="C", yearly_cost=Decimal(450000), status="started", progress=40)
    after = measures.update_measure(session, actor=ACTOR, measure_id=alis["id"], data=data)

    moved = measure(after, "16. legehjemmel")
    assert (moved["need"], moved["yearly_cost"], moved["status"], moved["progress"]) == (
        "C",
        450000,
        "started",
        40,
    )
    assert moved["priorities"] == {"okonomiplan": 9}
    assert after["versions"][0]["note"] == "Tiltak A endret: behov, årlig kostnad, status, framdrift"
    assert after["totals"]["computed_yearly"] == Decimal(5618000 + 20000)

    same = measures.update_measure(session, actor=ACTOR, measure_id=alis["id"], data=change_of(moved))
    assert same["version"] == after["version"]


def test_removing_a_measure_takes_it_out_of_the_totals_and_moves_those_after_it_up(session, plan):
    lis1 = measure(plan, "LIS1 på alle")
    after = measures.remove_measure(session, actor=ACTOR, measure_id=lis1["id"])

    assert lis1["id"] not in {m["id"] for m in after["measures"]}
    series = ranks(after, "okonomiplan")
    assert (
        series[measure(plan, "16. legehjemmel")["id"]] == 8 and series[measure(plan, "500 flere")["id"]] == 10
    )
    assert after["totals"]["computed_yearly"] == Decimal(5618000 - 742000)
    assert after["versions"][0]["note"].startswith("Tiltak A fjernet: LIS1 på alle legekontor")
    first = session.scalars(select(PlanVersion).where(PlanVersion.number == 1)).one()
    assert first.note == "Planen slik den ble registrert" and str(lis1["id"]) in first.snapshot


def test_a_new_need_comes_last_and_a_letter_the_plan_has_is_refused(session, plan):
    data = NeedCreate(letter="AA", title="Beredskap for legemangel", mandate_area="Legevakt", chapter="5.5")
    after = measures.add_need(session, actor=ACTOR, plan_id=plan["id"], data=data)
    assert after["needs"][-1] | {"measures": []} == {
        "letter": "AA", "title": "Beredskap for legemangel", "text": "", "chapter": "5.5",
        "mandate_area": "Legevakt", "measures": [],
    }  # fmt: skip
    assert after["versions"][0]["note"] == "Behov AA lagt til: Beredskap for legemangel"
    with pytest.raises(ValidationFailed) as refused:
        measures.add_need(
            session, actor=ACTOR, plan_id=plan["id"], data=NeedCreate(letter="Æ", title="Igjen")
        )
    assert problems_of(refused) == {("letter", "PLAN-DUTY")}


def test_a_measure_with_a_bad_need_period_progress_or_funding_is_refused_field_by_field(session, plan):
    data = MeasureCreate(
        need="ZZ",
        text="",
        first_year=2028,
        last_year=2026,
        funding="lotto",
        progress=150,
        series="okonomiplan",
    )
    with pytest.raises(ValidationFailed) as refused:
        measures.add_measure(session, actor=ACTOR, plan_id=plan["id"], data=data)
    assert problems_of(refused) == {
        ("need", "PLAN-DUTY"),
        ("text", "PLAN-DUTY"),
        ("last_year", "PLAN-DUTY"),
        ("funding", "PLAN-DUTY"),
        ("progress", "PLAN-DUTY"),
    }
    unchanged = service.show_plan(session, actor=ACTOR, plan_id=plan["id"])
    assert (unchanged["version"], len(unchanged["measures"])) == (1, len(plan["measures"]))


def test_only_the_municipality_that_owns_the_plan_and_may_write_it_changes_it(session, plan):
    alis = measure(plan, "16. legehjemmel")
    with pytest.raises(Forbidden):
        measures.remove_measure(session, actor=VEFSN_DOCTOR, measure_id=alis["id"])
    with pytest.raises(NotFound):
        measures.remove_measure(session, actor=KRAGERO_KOMMUNEOVERLEGE, measure_id=alis["id"])
    with pytest.raises(Forbidden):
        measures.editable_plan(session, actor=VEFSN_DOCTOR, plan_id=plan["id"])
