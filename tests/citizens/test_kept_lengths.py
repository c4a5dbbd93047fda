"""The list length kept per agreement (docs/adr/0014, AGR-OPEN) on SQLite and PostgreSQL: after every kind of
move it equals the memberships counted, on the days around the move; the monthly run reports (and mends) a
difference; the migration fills it from the memberships."""

import json
import time
from datetime import date, timedelta

import pytest
from alembic import command
from sqlalchemy import insert, select

from legetjeneste import migrate
from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.citizens import generate, queries, rules
from legetjeneste.citizens.distribution import service as distribution
from legetjeneste.citizens.exchange import rules as file_rules
from legetjeneste.citizens.exchange import service as exchange
from legetjeneste.citizens.lengths import queries as lengths
from legetjeneste.citizens.models import ListLengthChange
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.runs import service as runs
from legetjeneste.citizens.switching import service as switching
from legetjeneste.errors import RuleViolation
from legetjeneste.registry.models import Agreement
from tests.citizens.support import CLOSED, KOL, NR, OPEN, SMALL, citizen_actor, person, world
from tests.concurrency import errors, race, values

DAY = date(2027, 3, 10)
EFFECT = date(2027, 4, 1)
LISTS = (OPEN, SMALL, CLOSED)
DAYS = (date(2020, 1, 1), date(2027, 3, 9), date(2027, 3, 31), EFFECT, date(2027, 4, 2), date(2028, 1, 1))


def assert_kept_equals_counted(session, agreement_ids=LISTS, days=DAYS) -> None:
    with session.begin():
        for day in days:
            kept = lengths.kept(session, agreement_ids, on=day)
            counted = queries.list_lengths(session, on=day, agreement_ids=agreement_ids)
            assert {a: kept.get(a, 0) for a in agreement_ids} == {
                a: counted.get(a, 0) for a in agreement_ids
            }, day


def test_kept_lengths_follow_switches_children_following_and_a_booked_switch_replaced(session):
    world(session, listetak=(5, 5, 4))
    mother = person(session, on=SMALL)
    child = person(session, born=date(2018, 1, 1), on=SMALL, parents=(mother,))
    other = person(session, on=OPEN)
    done = switching.switch(
        session, actor=citizen_actor(mother), citizen_id=mother, agreement_id=OPEN, on=DAY
    )
    assert done.children == [child]
    assert_kept_equals_counted(session)
    # Changing one's mind before the 1st: the booked places on OPEN are cancelled (the child follows).
    switching.switch(session, actor=citizen_actor(mother), citizen_id=mother, agreement_id=SMALL, on=DAY)
    switching.switch(session, actor=citizen_actor(other), citizen_id=other, agreement_id=SMALL, on=DAY)
    assert_kept_equals_counted(session)
    with session.begin():
        assert lengths.kept(session, LISTS, on=EFFECT) == {OPEN: 0, SMALL: 3, CLOSED: 0}


def test_kept_lengths_follow_the_waiting_list_moved_by_the_daily_run(session):
    world(session, listetak=(5, 2, 4))
    leaving = person(session, on=SMALL)
    person(session, on=SMALL)
    waiting = person(session, on=OPEN)
    switching.join_waiting_list(
        session, actor=citizen_actor(waiting), citizen_id=waiting, agreement_id=SMALL, on=DAY
    )
    switching.switch(session, actor=citizen_actor(leaving), citizen_id=leaving, agreement_id=OPEN, on=DAY)
    done = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert [(m.citizen_id, m.reason) for m in done.moves] == [(waiting, "waiting_list")]
    assert_kept_equals_counted(session)


def test_kept_lengths_follow_a_list_reductions_draw_and_a_vacant_list_distributed(session):
    world(session, listetak=(20, 10, 4))
    parents = [person(session, on=OPEN, male=bool(i % 2)) for i in range(6)]
    for parent in parents[:3]:
        person(session, born=date(2018, 1, 1), on=OPEN, parents=(parent,))
    for _ in range(3):
        person(session, on=CLOSED)
    distribution.reduction_draw(session, actor=KOL, agreement_id=OPEN, count=4, seed="vefsn-1", on=DAY)
    assert_kept_equals_counted(session)
    distribution.distribute_vacant(session, actor=KOL, agreement_id=CLOSED, on=DAY)
    assert_kept_equals_counted(session)


def test_kept_lengths_follow_a_place_ended_mid_month_and_the_places_of_an_ended_agreement(session):
    world(session)
    moving_out = person(session, on=OPEN)
    person(session, on=CLOSED)
    with session.begin():
        places.move(
            session, citizen_id=moving_out, agreement_id=None, start=date(2027, 3, 17), reason="moved_out"
        )
        session.get(Agreement, CLOSED).end = date(2027, 3, 31)
    assert_kept_equals_counted(session, days=(*DAYS, date(2027, 3, 16), date(2027, 3, 17)))
    done = runs.monthly(session, actor=KOL, municipality_number=NR, on=EFFECT)
    assert [m.reason for m in done.moves] == ["gp_left"] and done.kept_lengths_mended == []
    assert_kept_equals_counted(session)


def test_kept_lengths_follow_generated_citizens_and_the_places_of_an_imported_citizen_file(session):
    world(session)
    assert generate.generate(session, municipality_number=NR, today=DAY, lengths={OPEN: 30, SMALL: 12}) == 42
    place = {"agreement": SMALL, "begin_reason": "register", "end_reason": None}
    line = {
        "national_id": rules.synthetic_number(date(1970, 3, 3), 5, male=True),
        "name": "Per Hansen",
        "home_municipality": NR,
        "resident_since": "2020-01-01",
        "parents": [],
        "places": [
            place | {"start": "2020-01-01", "end": "2026-06-14", "end_reason": "switch"},
            place | {"agreement": OPEN, "start": "2026-06-15", "end": None},
        ],
    }
    lines = [json.dumps({"format": file_rules.FORMAT}), json.dumps(line)]
    assert exchange.import_file(session, actor=SYSTEM, lines=lines).places == 2
    assert_kept_equals_counted(session, days=(*DAYS, date(2026, 6, 14), date(2026, 6, 15)))


def test_a_moves_changes_count_inside_its_transaction_and_vanish_with_a_rollback_or_a_savepoint(session):
    world(session)
    kari = person(session, on=SMALL)
    with session.begin():
        places.move(session, citizen_id=kari, agreement_id=OPEN, start=EFFECT, reason="switch")
        assert lengths.kept(session, LISTS, on=EFFECT) == {OPEN: 1, SMALL: 0, CLOSED: 0}
        session.rollback()
    ola = person(session, on=OPEN)
    with session.begin():
        places.move(session, citizen_id=ola, agreement_id=SMALL, start=EFFECT, reason="switch")
        with session.begin_nested() as savepoint:
            places.move(session, citizen_id=kari, agreement_id=CLOSED, start=EFFECT, reason="switch")
            savepoint.rollback()
        with session.begin_nested():
            places.move(session, citizen_id=kari, agreement_id=OPEN, start=EFFECT, reason="switch")
        assert lengths.kept(session, LISTS, on=EFFECT) == {OPEN: 1, SMALL: 1, CLOSED: 0}
    assert_kept_equals_counted(session)
    with session.begin():
        assert lengths.kept(session, LISTS, on=EFFECT) == {OPEN: 1, SMALL: 1, CLOSED: 0}


def test_kept_lengths_follow_a_threat_decisions_move_on_the_day_the_patient_chose(demo):
    from legetjeneste.citizens.threats import service as threats
    from legetjeneste.citizens.threats.decision import service as decision
    from legetjeneste.citizens.threats.schemas import ChoiceIn, DecisionIn, ThreatRequestIn
    from tests.citizens.threats.support import BREKKAN, gp, patient
    from tests.citizens.threats.support import KOL as VEFSN_KOL

    day = date(2026, 12, 4)
    _, national_id = patient(demo)
    brekkan = gp(demo, BREKKAN)
    case = threats.request_help(demo, actor=brekkan, data=ThreatRequestIn(national_id=national_id), on=day)
    threats.demand_decision(demo, actor=brekkan, case_id=case.id, on=day)
    move = DecisionIn(outcome="move", weighing="Trygt hos en annen lege.", target_agreement_id=182403)
    deadline = decision.decide(demo, actor=VEFSN_KOL, case_id=case.id, data=move, on=day).deadline
    decision.record_choice(
        demo, actor=VEFSN_KOL, case_id=case.id, data=ChoiceIn(agreement_id=182401), on=deadline
    )
    with demo.begin():
        vefsn = [a.id for a in queries.agreements_of(demo, "1824", on=day)]
    near = (deadline - timedelta(days=1), deadline, deadline + timedelta(days=1))
    assert_kept_equals_counted(demo, vefsn, days=(*DAYS, day, *near))


def test_the_monthly_run_reports_a_kept_length_that_differs_and_builds_it_again(session):
    world(session)
    person(session, on=OPEN)
    person(session, on=OPEN)
    with session.begin():
        session.execute(insert(ListLengthChange).values(agreement_id=OPEN, day=date(2027, 2, 1), delta=3))
    done = runs.monthly(session, actor=KOL, municipality_number=NR, on=EFFECT)
    assert [(d.agreement_id, d.kept, d.counted) for d in done.kept_lengths_mended] == [(OPEN, 5, 2)]
    assert_kept_equals_counted(session)
    with session.begin():
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "run_monthly").order_by(AuditEntry.id.desc())
        ).first()
        assert entry.detail["kept_lengths_mended"] == [{"agreement_id": OPEN, "kept": 5, "counted": 2}]
    assert runs.monthly(session, actor=KOL, municipality_number=NR, on=EFFECT).kept_lengths_mended == []


def test_the_migration_fills_the_kept_lengths_from_the_memberships(engine, session):
    world(session)
    kari = person(session, on=SMALL)
    person(session, on=OPEN, since=date(2021, 6, 15))
    switching.switch(session, actor=citizen_actor(kari), citizen_id=kari, agreement_id=OPEN, on=DAY)
    session.close()
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "2026_12_04_list_length_kept-1")
    migrate.upgrade(engine)
    assert_kept_equals_counted(session)
    with session.begin():
        rows = session.execute(
            select(ListLengthChange.agreement_id, ListLengthChange.day, ListLengthChange.delta)
        )
        assert sorted(rows) == [
            (OPEN, date(2021, 6, 15), 1),
            (OPEN, EFFECT, 1),
            (SMALL, date(2020, 1, 1), 1),
            (SMALL, EFFECT, -1),
        ]


@pytest.fixture
def demo(session):
    from tests.support import import_demo

    import_demo(session)
    return session


def test_twenty_switches_at_once_onto_the_last_place_give_it_to_one_and_the_kept_length_stays_true(
    engine, session
):
    world(session, listetak=(3, 40, 4))
    for _ in range(2):
        person(session, on=OPEN)
    movers = [person(session, on=SMALL) for _ in range(20)]

    def switch(racing, client):
        citizen_id = movers[client]
        return switching.switch(
            racing, actor=citizen_actor(citizen_id), citizen_id=citizen_id, agreement_id=OPEN, on=DAY
        )

    outcomes = race(engine, switch, clients=20)
    assert len(values(outcomes)) == 1
    refused = errors(outcomes)
    assert {type(e) for e in refused} == {RuleViolation}
    assert all(e.rule_id == "CIT-SWITCH" and "ikke ledig plass" in e.message for e in refused)
    assert_kept_equals_counted(session)
    with session.begin():
        assert lengths.kept(session, LISTS, on=EFFECT) == {OPEN: 3, SMALL: 19, CLOSED: 0}


def test_twenty_crossing_switches_at_once_all_take_effect_and_the_kept_lengths_stay_true(engine, session):
    world(session, listetak=(40, 40, 4))
    movers = [(person(session, on=OPEN), SMALL) for _ in range(10)]
    movers += [(person(session, on=SMALL), OPEN) for _ in range(10)]

    def switch(racing, client):
        citizen_id, target = movers[client]
        return switching.switch(
            racing, actor=citizen_actor(citizen_id), citizen_id=citizen_id, agreement_id=target, on=DAY
        )

    outcomes = race(engine, switch, clients=20)
    assert errors(outcomes) == []
    assert_kept_equals_counted(session)
    with session.begin():
        assert lengths.kept(session, LISTS, on=EFFECT) == {OPEN: 10, SMALL: 10, CLOSED: 0}


@pytest.mark.parametrize("listed", [True, False], ids=["on a list", "on no list"])
def test_two_switches_of_one_citizen_onto_two_lists_at_once_leave_one_place_on_each_day(
    engine, session, monkeypatch, listed
):
    """CIT-SWITCH under concurrency: the moves of one citizen take turns (`places.lock_citizen`), so two
    switches onto two different lists — whose list locks do not meet — never both add a place from the 1st.
    The first holds its locks a while after it has moved the citizen and the second starts meanwhile: without
    the citizen's lock the second reads the places before the first commits, and two places from the 1st are
    left on PostgreSQL. With it the second waits, replaces the first's booking and is the one that holds."""
    world(session, listetak=(40, 40, 4))
    citizen_id = person(session, on=CLOSED if listed else None)
    leave_waiting_list = switching.own.leave_waiting_list_for

    def first_holds_on(racing, **kwargs):
        leave_waiting_list(racing, **kwargs)
        if kwargs["agreement_id"] == OPEN:
            time.sleep(0.3)

    monkeypatch.setattr(switching.own, "leave_waiting_list_for", first_holds_on)

    def switch(racing, client):
        time.sleep(0.1 * client)  # the switch onto SMALL starts while the one onto OPEN holds on
        return switching.switch(
            racing,
            actor=citizen_actor(citizen_id),
            citizen_id=citizen_id,
            agreement_id=(OPEN, SMALL)[client],
            on=DAY,
        )

    outcomes = race(engine, switch, clients=2)
    assert errors(outcomes) == []
    with session.begin():
        held = [
            (place.start, place.end, place.agreement_id)
            for place in places.memberships(session, citizen_id=citizen_id)
        ]
    before = [(date(2020, 1, 1), EFFECT - timedelta(days=1), CLOSED)] if listed else []
    assert held == [*before, (EFFECT, None, SMALL)]
    assert_kept_equals_counted(session)
