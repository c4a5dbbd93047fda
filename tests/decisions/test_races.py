"""DEC-APPEAL under concurrency, on SQLite and PostgreSQL: twenty appeals at the same moment store one and
refuse the others with 409; twenty handlings of it store one; decisions recorded at the same moment never
share a case number (the counter's upsert)."""

from legetjeneste.decisions import queries as decision_queries
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.appeals import service as appeal_service
from legetjeneste.decisions.schemas import AppealCreate, AppealHandle
from legetjeneste.errors import Conflict
from legetjeneste.registry.models import Doctor
from tests.concurrency import errors, race, values
from tests.decisions.support import EVEN, KOL, gp_user, refuse

CLIENTS = 20


def test_twenty_appeals_at_once_store_one_and_the_others_get_409(demo, engine):
    even = gp_user(demo, EVEN)
    decision_id = refuse(demo)
    appeal = AppealCreate(text="Jeg klager.")
    outcomes = race(
        engine,
        lambda session, _: appeal_service.appeal(session, actor=even, decision_id=decision_id, data=appeal),
        clients=CLIENTS,
    )
    assert len(values(outcomes)) == 1
    assert {type(error) for error in errors(outcomes)} == {Conflict}
    assert len(decision_service.get_decision(demo, actor=KOL, decision_id=decision_id).appeals) == 1

    handling = AppealHandle(outcome="sent_on", reasons="Videre til Statsforvalteren.")
    handled = race(
        engine,
        lambda session, _: appeal_service.handle(session, actor=KOL, decision_id=decision_id, data=handling),
        clients=CLIENTS,
    )
    assert len(values(handled)) == 1 and {type(error) for error in errors(handled)} == {Conflict}


def test_decisions_recorded_at_the_same_moment_get_different_case_numbers(demo, engine):
    with demo.begin():
        doctor = demo.query(Doctor).filter_by(municipality_number="4014", hpr_number=EVEN).one()
        party = (doctor.id, doctor.full_name)

    def record(session, client: int) -> str:
        with session.begin():
            return decision_service.record(
                session,
                actor=KOL,
                municipality_number="4014",
                kind="exemption",
                case=("exemption", client + 1, ""),
                party=party,
                outcome="refused",
                summary="Avslått.",
                reasons=[{"rule_id": "NN-EXEMPT", "citation": "KRAGERØ SU 17.3.2026", "text": "Beredskap."}],
                facts=["Søkt."],
            ).case_number

    numbers = values(race(engine, record, clients=CLIENTS))
    assert len(numbers) == CLIENTS and len(set(numbers)) == CLIENTS
    with demo.begin():
        stored = decision_queries.of_municipality(demo, "4014")
        assert sorted(d.case_number for d in stored) == sorted(numbers)
