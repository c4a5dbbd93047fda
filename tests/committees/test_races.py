"""The committees' invariants under races (docs/adr/0010), ten clients at the same moment on SQLite and
PostgreSQL: a statement is given once (SU-CASES) and the originating case hears of it once; a replaced member
is replaced once, so the sides stay equal (SU-COMPOSITION); minutes written at once keep one item per
number; a municipality gets one committee of a name; a term is constituted once."""

from datetime import date

from sqlalchemy import func, select

from legetjeneste.committees import service
from legetjeneste.committees.cases import service as case_service
from legetjeneste.committees.meetings import service as meeting_service
from legetjeneste.committees.members import service as member_service
from legetjeneste.committees.models import AgendaItem, Committee, CommitteeMember
from legetjeneste.committees.schemas import (
    CaseCreate,
    MemberCreate,
    MemberIn,
    MinutesIn,
    StatementIn,
    TermCreate,
)
from legetjeneste.errors import Conflict, RuleViolation, ValidationFailed
from legetjeneste.lifecycle import service as lifecycle_service
from tests.committees.support import (
    BODO,
    actor,
    committee_id,
    municipality_without_committees,
    new_agreement_case,
    new_su,
    su_members,
)
from tests.concurrency import errors, race, values

KOL = "kommuneoverlege@vefsn.example"
CLIENTS = 10


def test_ten_statements_given_at_once_give_one_and_the_life_cycle_case_one_step(demo, engine):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    lifecycle_id = new_agreement_case(demo, kol)
    case = case_service.raise_case(
        demo, actor=kol, data=CaseCreate(committee=su, origin_kind="lifecycle_case", origin_id=lifecycle_id)
    )
    statement = StatementIn(given_on=date(2026, 12, 10), votes_for=4, majority_text="SU støtter avtalen.")

    def give(session, client):
        return case_service.record_statement(session, actor=kol, case_id=case.id, data=statement)

    outcomes = race(engine, give, clients=CLIENTS)
    assert len(values(outcomes)) == 1
    assert {type(e) for e in errors(outcomes)} == {Conflict}
    assert {e.rule_id for e in errors(outcomes) if isinstance(e, Conflict)} == {"SU-CASES"}
    assert len(lifecycle_service.get_case(demo, actor=kol, case_id=lifecycle_id).steps) == 1


def test_ten_replacements_of_one_member_at_once_keep_the_sides_equal(demo, engine):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    with demo.begin():
        jonas = demo.scalar(select(CommitteeMember.id).where(CommitteeMember.name == "Jonas Brekkan"))

    def replace(session, client):
        data = MemberCreate(name=f"Ny lege {client}", side="gps", start=date(2027, 1, 1), replaces=jonas)
        return member_service.add_member(session, actor=kol, committee_id=su, data=data)

    outcomes = race(engine, replace, clients=CLIENTS)
    assert len(values(outcomes)) == 1
    assert {(type(e), getattr(e, "rule_id", None)) for e in errors(outcomes)} == {
        (RuleViolation, "SU-COMPOSITION")
    }
    with demo.begin():
        new = demo.scalar(select(func.count()).where(CommitteeMember.name.like("Ny lege %")))
    assert new == 1


def test_minutes_written_at_once_keep_one_item_per_number(demo, engine):
    kol, su = actor(demo, KOL), committee_id(demo, "su")
    last = meeting_service.list_meetings(demo, actor=kol, committee_id=su)[-1]
    number = len(last["items"]) + 1
    minutes = MinutesIn(items=[{"number": number, "title": "Eventuelt", "conclusion": "Ingen saker."}])

    def write(session, client):
        return meeting_service.record_minutes(session, actor=kol, meeting_id=last["id"], data=minutes)

    outcomes = race(engine, write, clients=CLIENTS)
    assert not errors(outcomes)
    with demo.begin():
        numbers = demo.scalars(select(AgendaItem.number).where(AgendaItem.meeting_id == last["id"])).all()
    assert sorted(numbers) == list(range(1, number + 1))


def test_ten_committees_of_one_name_created_at_once_give_one(demo, engine):
    kol = municipality_without_committees(demo)

    def create(session, client):
        return service.add_committee(
            session, actor=kol, municipality_number=BODO, data=new_su(date(2026, 1, 1))
        )

    outcomes = race(engine, create, clients=CLIENTS)
    assert len(values(outcomes)) == 1
    assert {type(e) for e in errors(outcomes)} == {ValidationFailed}
    assert {p.path for e in errors(outcomes) if isinstance(e, ValidationFailed) for p in e.problems} == {
        "name"
    }
    with demo.begin():
        assert demo.scalar(select(func.count(Committee.id)).where(Committee.municipality_number == BODO)) == 1


def test_ten_new_terms_of_one_committee_at_once_constitute_it_once(demo, engine):
    kol = municipality_without_committees(demo)
    su = service.add_committee(demo, actor=kol, municipality_number=BODO, data=new_su(date(2026, 1, 1))).id
    members = [
        MemberIn(**m.model_dump(include=set(MemberIn.model_fields))) for m in su_members(date(2028, 1, 1))
    ]
    term = TermCreate(constituted_on=date(2028, 1, 1), members=members)

    def constitute(session, client):
        return member_service.start_term(session, actor=kol, committee_id=su, data=term)

    outcomes = race(engine, constitute, clients=CLIENTS)
    assert len(values(outcomes)) == 1
    assert {type(e) for e in errors(outcomes)} == {ValidationFailed}
    with demo.begin():
        seats = demo.scalar(select(func.count(CommitteeMember.id)).where(CommitteeMember.committee_id == su))
    assert seats == 16
