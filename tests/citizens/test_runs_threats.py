"""The daily run, the draw, a vacant list's distribution and an open threat case (THREAT-NEW-GP, ASA 4310
vedlegg II punkt 2): a citizen whose case is open is moved only through the case — neither assigned to a list
nor moved off the waiting list by the run, nor drawn or distributed — and is moved as anyone else once the
case is closed. SQLite and PostgreSQL."""

from datetime import date, datetime

from sqlalchemy import select

from legetjeneste.citizens.distribution import service as distribution
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.runs import service as runs
from legetjeneste.citizens.switching import service as switching
from legetjeneste.citizens.threats.models import ThreatCase
from legetjeneste.dates import OSLO
from legetjeneste.registry.models import Agreement, DoctorPeriod, Office
from tests.citizens.support import CLOSED, KOL, NR, OPEN, SMALL, citizen_actor, person, world

DAY = date(2027, 3, 10)
EFFECT = date(2027, 4, 1)


def _open_case(session, citizen_id: int, agreement_id: int) -> int:
    """A threat case the GP of the list asked for help in, still open."""
    with session.begin():
        doctor_id = session.scalar(
            select(DoctorPeriod.doctor_id).where(DoctorPeriod.agreement_id == agreement_id)
        )
        case = ThreatCase(
            municipality_number=NR,
            citizen_id=citizen_id,
            agreement_id=agreement_id,
            doctor_id=doctor_id,
            office_id=session.scalar(select(Office.id)),
            requested_by="lege@vefsn.example",
            requested_at=datetime(2027, 3, 1, 9, 0, tzinfo=OSLO),
            requested_on=date(2027, 3, 1),
        )
        session.add(case)
        session.flush()
        return case.id


def _close(session, case_id: int) -> None:
    with session.begin():
        session.get(ThreatCase, case_id).closed_on = DAY


def _on(session, citizen_id):
    with session.begin():
        place = places.membership_on(session, citizen_id=citizen_id, on=EFFECT)
        return None if place is None else (place.agreement_id, place.begin_reason)


def test_threat_new_gp_a_citizen_without_a_list_and_an_open_case_is_not_assigned_until_it_closes(session):
    world(session, listetak=(5, 3, 4))
    held = person(session, since=date(2025, 1, 1))
    child = person(session, born=date(2020, 1, 1), since=date(2025, 1, 1), parents=(held,))
    other = person(session, since=date(2026, 1, 1))
    case_id = _open_case(session, held, OPEN)
    done = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert [(m.citizen_id, m.reason) for m in done.moves] == [(other, "assigned")]
    assert done.skipped == {"THREAT-NEW-GP": 1} and done.still_unassigned == 2
    assert _on(session, held) is None and _on(session, child) is None
    _close(session, case_id)
    again = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert {(m.citizen_id, m.reason) for m in again.moves} == {(held, "assigned"), (child, "child")}
    assert again.skipped == {}


def test_threat_new_gp_the_waiting_list_passes_over_a_citizen_with_an_open_case_until_it_closes(session):
    world(session, listetak=(5, 2, 4))
    leaving = person(session, on=SMALL)
    person(session, on=SMALL)
    first = person(session, on=OPEN)
    second = person(session, on=OPEN)
    for waiting in (first, second):
        switching.join_waiting_list(
            session, actor=citizen_actor(waiting), citizen_id=waiting, agreement_id=SMALL, on=DAY
        )
    case_id = _open_case(session, first, OPEN)
    switching.switch(session, actor=citizen_actor(leaving), citizen_id=leaving, agreement_id=OPEN, on=DAY)
    done = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert [(m.citizen_id, m.reason, m.rule_id) for m in done.moves] == [
        (second, "waiting_list", "CIT-WAIT-EFFECT")
    ]
    assert done.skipped == {"THREAT-NEW-GP": 1}
    assert _on(session, first) == (OPEN, "register")
    _close(session, case_id)
    with session.begin():
        session.get(Agreement, SMALL).listetak = 3  # one more place
    again = runs.daily(session, actor=KOL, municipality_number=NR, on=DAY)
    assert [(m.citizen_id, m.reason) for m in again.moves] == [(first, "waiting_list")]
    assert _on(session, first) == (SMALL, "waiting_list")


def test_threat_new_gp_a_draw_never_takes_a_family_whose_member_has_an_open_case(session):
    world(session, listetak=(20, 10, 4))
    parent = person(session, on=OPEN)
    child = person(session, born=date(2018, 1, 1), on=OPEN, parents=(parent,))
    others = [person(session, on=OPEN) for _ in range(3)]
    _open_case(session, parent, OPEN)
    done = distribution.reduction_draw(session, actor=KOL, agreement_id=OPEN, count=3, seed="t", on=DAY)
    assert (done.moved, done.considered) == (3, 3)
    assert _on(session, parent)[0] == OPEN and _on(session, child)[0] == OPEN
    assert all(_on(session, other)[0] != OPEN for other in others)


def test_threat_new_gp_a_vacant_list_is_distributed_without_the_citizen_whose_case_is_open(session):
    world(session, listetak=(5, 5, 4))
    held, free = person(session, on=CLOSED), person(session, on=CLOSED)
    case_id = _open_case(session, held, CLOSED)
    done = distribution.distribute_vacant(session, actor=KOL, agreement_id=CLOSED, on=DAY)
    assert done.moved == 1 and _on(session, free)[1] == "vacant" and _on(session, held)[0] == CLOSED
    _close(session, case_id)
