"""An application for exemption is decided once: fifty decisions at the same moment, granting and refusing,
store one decision and one audit entry; the others are refused with 409 and a Norwegian message (SQLite and
PostgreSQL)."""

from datetime import date

from sqlalchemy import select

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.errors import Conflict
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionDecide
from legetjeneste.notices.models import Notice
from tests.concurrency import errors, race, values
from tests.legevakt.demo import pending
from tests.support import KRAGERO_KOMMUNEOVERLEGE

GRANT = ExemptionDecide(
    decision="granted",
    reasons="Helsemessige grunner er dokumentert.",
    weighing="Beredskapen ved GKL er vurdert.",
    granted_end=date(2027, 5, 31),
)
REFUSE = ExemptionDecide(
    decision="refused",
    reasons="Beredskapen ved GKL blir for svak.",
    weighing="Beredskapen ved GKL er vurdert mot legens helse (DEC-REASONS).",
)


def decisions_of(session, exemption_id: int) -> list[AuditEntry]:
    with session.begin():
        found = session.scalars(select(AuditEntry).where(AuditEntry.action == "decide")).all()
        return [entry for entry in found if entry.record_ids == [str(exemption_id)]]


def notices(session) -> int:
    with session.begin():
        return len(session.scalars(select(Notice)).all())


def test_fifty_decisions_at_once_store_one_decision_and_the_others_get_409_in_norwegian(demo, engine):
    even = pending(demo, "4014")["9401408"]
    notices_before = notices(demo)

    def decide(session, client: int):
        data = GRANT if client % 2 else REFUSE
        return exemption_service.decide_exemption(
            session, actor=KRAGERO_KOMMUNEOVERLEGE, exemption_id=even, data=data
        )

    outcomes = race(engine, decide)

    [winner] = values(outcomes)
    refused = errors(outcomes)
    assert len(refused) == 49
    assert [error for error in refused if not isinstance(error, Conflict)] == []
    assert {error.status_code for error in refused} == {409}
    assert all(error.message.startswith("Søknaden er allerede avgjort: ") for error in refused)
    stored = exemption_service.get_exemption(demo, actor=SYSTEM, exemption_id=even)
    assert (stored.status, stored.reasons, stored.granted_end) == (
        winner.status,
        winner.reasons,
        winner.granted_end,
    )
    [entry] = decisions_of(demo, even)
    assert entry.detail["decision"] == winner.status
    assert notices(demo) == notices_before


def test_a_second_decision_through_the_api_answers_409_with_the_decision_already_made(client, tokens):
    headers = {"Authorization": f"Bearer {tokens['kragero']}"}
    listed = client.get("/api/v1/municipalities/4014/exemptions?status=pending", headers=headers).json()
    even = next(e["id"] for e in listed if e["doctor_hpr"] == "9401408")
    body = GRANT.model_dump(mode="json")
    first = client.post(f"/api/v1/exemptions/{even}/decision", headers=headers, json=body)
    second = client.post(f"/api/v1/exemptions/{even}/decision", headers=headers, json=body)
    assert first.status_code == 200
    assert second.status_code == 409
    assert second.json()["detail"]["message"].startswith("Søknaden er allerede avgjort: innvilget ")
