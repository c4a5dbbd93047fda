"""A threat case is decided once (docs/adr/0010): ten kommuneoverlege clients deciding at the same moment give
one decision, one letter and one move deadline; the others are refused with THREAT-DECISION."""

from sqlalchemy import func, select

from legetjeneste.citizens.threats.decision import service as decision_service
from legetjeneste.decisions.models import Decision
from legetjeneste.errors import RuleViolation
from tests.citizens.threats.support import KOL
from tests.citizens.threats.test_service import DAY, MOVE, _case
from tests.concurrency import errors, race, values


def test_ten_decisions_at_once_on_one_case_make_one_enkeltvedtak(demo, engine):
    case, _, _ = _case(demo)

    def decide(session, _client):
        return decision_service.decide(session, actor=KOL, case_id=case.id, data=MOVE, on=DAY)

    outcomes = race(engine, decide, clients=10)
    assert len(values(outcomes)) == 1
    assert {type(e) for e in errors(outcomes)} == {RuleViolation}
    assert {e.rule_id for e in errors(outcomes) if isinstance(e, RuleViolation)} == {"THREAT-DECISION"}
    with demo.begin():
        assert demo.scalar(select(func.count(Decision.id)).where(Decision.kind == "threat_move")) == 1
