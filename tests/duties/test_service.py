"""Duties and tilsyn use cases on Vefsn's demo (SQLite and PostgreSQL): every GP against the cap, orders the
lawful way as enkeltvedtak, the proposed even distribution ordered at once, tilsyn against the norm with the
plan's versions (cover and the vikar budget: tests/duties/tilsyn/)."""

from datetime import date
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from legetjeneste.decisions.models import Decision
from legetjeneste.duties import service
from legetjeneste.duties.distribution import service as distribution_service
from legetjeneste.duties.orders import service as order_service
from legetjeneste.duties.orders.schemas import OrderIn, ProposalOrderIn
from legetjeneste.duties.tilsyn import service as tilsyn_service
from legetjeneste.errors import RuleViolation
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo

KOL = VEFSN_KOMMUNEOVERLEGE
FIRST_DAY = date(2027, 2, 1)


@pytest.fixture
def demo(open_session):
    import_demo(open_session())
    return open_session


def task_id(open_session) -> int:
    [task] = service.list_tasks(open_session(), actor=KOL, municipality_number="1824")
    return task.id


def test_every_vefsn_gp_stands_against_the_cap_with_deductions_exemptions_and_legevakt_beside_duty_cap(demo):
    found = service.overview(demo(), actor=KOL, municipality_number="1824", on=FIRST_DAY)
    gps = {g.doctor_name: g for g in found.gps}
    assert len(gps) == 13
    drevja = gps["Lars Drevja"]
    assert (drevja.deductions, drevja.voluntary, drevja.orderable) == (D(3), D(15), D(0))
    assert [line.rule_id for line in drevja.lines] == ["DUTY-CAP", "DUTY-SUPERVISION-DEDUCT"]
    assert gps["Siri Halsøy"].exempt.startswith("statlig legearbeid") and gps["Siri Halsøy"].orderable == 0
    assert (gps["Ole Fustvatn"].cap, gps["Ole Fustvatn"].orderable) == (D("5.63"), D("5.63"))
    assert (gps["Jonas Brekkan"].legevakt_and_beside, gps["Jonas Brekkan"].orderable) == (D(14), D("1.87"))
    assert gps["Eirik Sandnesmo"].lines[1].rule_id == "DUTY-PRAKSISKONSULENT"
    assert found.total_orderable == D("13.12")


def test_another_municipality_cannot_see_vefsns_duties(demo):
    with pytest.raises(Exception) as refused:
        service.overview(demo(), actor=KRAGERO_KOMMUNEOVERLEGE, municipality_number="1824")
    assert refused.value.status_code == 404


def test_an_order_notified_21_days_ahead_and_one_beyond_the_cap_are_refused_and_nothing_is_written(demo):
    task, gps = (
        task_id(demo),
        service.overview(demo(), actor=KOL, municipality_number="1824", on=FIRST_DAY).gps,
    )
    ids = {g.doctor_name: g.doctor_id for g in gps}
    early = OrderIn(
        doctor_id=ids["Ole Fustvatn"], hours_per_week=D(2), notified_on=date(2027, 1, 11), first_day=FIRST_DAY
    )
    with pytest.raises(RuleViolation) as refused:
        order_service.order_duty(demo(), actor=KOL, task_id=task, data=early)
    assert refused.value.rule_id == "DUTY-VOLUNTARY"
    beyond = OrderIn(
        doctor_id=ids["Lars Drevja"], hours_per_week=D(1), notified_on=date(2026, 12, 4), first_day=FIRST_DAY
    )
    with pytest.raises(RuleViolation) as refused:
        order_service.order_duty(demo(), actor=KOL, task_id=task, data=beyond)
    assert refused.value.rule_id == "DUTY-CAP"
    assert demo().scalar(select(func.count()).select_from(Decision).where(Decision.kind == "duty_order")) == 0


def test_the_proposed_even_distribution_of_the_new_task_is_ordered_as_enkeltvedtak_duty_equal_share(demo):
    task = task_id(demo)
    proposal = distribution_service.propose_for_task(demo(), actor=KOL, task_id=task, on=FIRST_DAY)
    shares = {r.doctor_name: r.share for r in proposal.rows if r.share}
    assert shares == {"Ole Fustvatn": D("5.63"), "Eirik Sandnesmo": D("1.87")}
    assert proposal.equal_share == D("5.63")
    orders = order_service.order_proposal(
        demo(),
        actor=KOL,
        task_id=task,
        data=ProposalOrderIn(notified_on=date(2026, 12, 4), first_day=FIRST_DAY),
    )
    assert [(o.doctor_name, o.hours_per_week, o.warning) for o in orders] == [
        ("Eirik Sandnesmo", D("1.87"), ""),
        ("Ole Fustvatn", D("5.63"), ""),
    ]
    assert orders[1].proposed_listetak == 700 - 105
    decisions = demo().scalars(select(Decision).where(Decision.kind == "duty_order")).all()
    assert len(decisions) == 2 and {d.outcome for d in decisions} == {"imposed"}
    after = {
        g.doctor_name: g
        for g in service.overview(demo(), actor=KOL, municipality_number="1824", on=FIRST_DAY).gps
    }
    assert (after["Ole Fustvatn"].ordered, after["Ole Fustvatn"].orderable) == (D("5.63"), D(0))


def test_what_if_a_gp_leaves_spreads_their_duties_on_the_others_duty_equal_share(demo):
    gps = service.overview(demo(), actor=KOL, municipality_number="1824", on=FIRST_DAY).gps
    kvalvik = next(g.doctor_id for g in gps if g.doctor_name == "Thomas Kvalvik")
    found = distribution_service.what_if(
        demo(), actor=KOL, municipality_number="1824", on=FIRST_DAY, leaving_doctor_id=kvalvik
    )
    assert found.task_hours == D("7.5") and found.shortfall == 0
    assert sum(r.share for r in found.rows) == D("7.5")
    assert next(r for r in found.rows if r.doctor_id == kvalvik).leaving


def test_vefsns_nursing_homes_get_85_75_hours_against_a_norm_of_112_84_tilsyn_norm(demo):
    found = tilsyn_service.tilsyn(demo(), actor=KOL, municipality_number="1824", on=date(2026, 12, 4))
    assert (found.planned, found.norm, found.planned_with_norm) == (D("85.75"), D("112.84"), D("83.75"))
    assert (found.difference, found.share, found.legevakt_share) == (D("-29.09"), D("74.2"), D("77.4"))
    units = {u.unit: u for u in found.units}
    assert (
        units["LMS ØHD/rehab"].planned,
        units["LMS ØHD/rehab"].norm,
        units["LMS ØHD/rehab"].difference,
    ) == (
        D(20),
        D(18),
        D(2),
    )
    assert units["Fagansvar legetjenester i institusjon"].norm is None
    versions = tilsyn_service.versions(demo(), actor=KOL, municipality_number="1824")
    assert [p.code for p in versions.plans] == ["for-omstrukturering", "etter-omstrukturering"]
    assert versions.totals[1] == D("85.75")
