"""The legevakt tests' look-ups on the demo data: a scheme by code, the pending applications by HPR number."""

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.schemes import queries


def scheme_id(session, number: str, code: str) -> int:
    with session.begin():
        return queries.scheme_by_code(session, municipality_number=number, code=code).id


def pending(session, number: str) -> dict[str, int]:
    found = exemption_service.list_exemptions(
        session, actor=SYSTEM, municipality_number=number, status="pending"
    )
    return {e.doctor_hpr: e.id for e in found}
