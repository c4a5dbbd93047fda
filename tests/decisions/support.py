"""The decisions tests' look-ups on the demo data: a GP user linked to a Kragerø doctor, a refused
discretionary exemption, a case's decisions and a user's inbox."""

from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.decisions import queries as decision_queries
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.schemas import ExemptionDecide
from legetjeneste.notices.inbox import queries as inbox_queries
from tests.legevakt.demo import pending
from tests.support import KRAGERO_KOMMUNEOVERLEGE

KOL = KRAGERO_KOMMUNEOVERLEGE
EVEN, HAKON = "9401408", "9401407"  # nødnett applications on health and on social grounds
REFUSAL = ExemptionDecide(
    decision="refused",
    reasons="Legeerklæringen viser ikke at nødnettvaktene er uforsvarlige for legen.",
    weighing="Beredskapen ved GKL, der fire av syv søker fritak, er vektlagt mot legens helse.",
)


def gp_user(session, hpr: str, number: str = "4014") -> Actor:
    """A doctor user linked to the doctor with this HPR number, as the Actor its login gives."""
    user, _ = auth_service.add_user(
        session,
        email=f"lege{hpr}@{number}.example",
        role="doctor",
        municipality_number=number,
        password="et langt passord for testen",
        doctor=hpr,
    )
    with session.begin():
        session.refresh(user)
        return Actor(
            email=user.email,
            role="doctor",
            municipality_number=number,
            user_id=user.id,
            doctor_id=user.doctor_id,
        )


def refuse(session, hpr: str = EVEN, data: ExemptionDecide = REFUSAL) -> int:
    """Refuse the doctor's pending Kragerø application; the id of its decision."""
    exemption_id = pending(session, "4014")[hpr]
    exemption_service.decide_exemption(session, actor=KOL, exemption_id=exemption_id, data=data)
    [decision_id] = decision_ids(session, "exemption", exemption_id)
    return decision_id


def decision_ids(session, entity: str, case_id: int) -> list[int]:
    with session.begin():
        return [d.id for d in decision_queries.of_case(session, case_entity=entity, case_id=case_id)]


def inbox(session, actor: Actor) -> list:
    with session.begin():
        found = inbox_queries.of_user(session, actor.user_id)
        return [(n.kind, n.subject, n.body, n.link, n.rule_id) for n in found]
