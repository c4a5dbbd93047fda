"""The legevakt tests' look-ups on the demo data: a scheme by code, the pending applications by HPR number,
the user a doctor of the demo logs in as."""

from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.schemes import queries
from legetjeneste.registry import queries as registry_queries


def scheme_id(session, number: str, code: str) -> int:
    with session.begin():
        return queries.scheme_by_code(session, municipality_number=number, code=code).id


def pending(session, number: str) -> dict[str, int]:
    found = exemption_service.list_exemptions(
        session, actor=SYSTEM, municipality_number=number, status="pending"
    )
    return {e.doctor_hpr: e.id for e in found}


def doctor_actor(session, hpr: str, number: str = "1824") -> Actor:
    """A doctor user linked to the doctor with this HPR number (acting for themselves)."""
    with session.begin():
        doctor = registry_queries.doctor_by_hpr(session, municipality_number=number, hpr_number=hpr)
    return Actor(
        email=f"lege{hpr}@test.example", role="doctor", municipality_number=number, doctor_id=doctor.id
    )
