"""The committees tests' look-ups on the demo: actors of the demo users, Vefsn's SU and ALU, a new-agreement
case of the life cycle, a user's inbox."""

from datetime import date

from legetjeneste.auth import queries as auth_queries
from legetjeneste.auth.rules import Actor
from legetjeneste.committees import service
from legetjeneste.lifecycle import service as lifecycle_service
from legetjeneste.lifecycle.schemas import CaseCreate as LifecycleCaseCreate
from legetjeneste.notices.inbox import queries as inbox_queries


def actor(session, email: str) -> Actor:
    """The Actor a demo user's login gives."""
    with session.begin():
        user = auth_queries.user_by_email(session, email)
        return Actor(
            email=user.email,
            role=user.role,
            municipality_number=user.municipality_number,
            user_id=user.id,
            doctor_id=user.doctor_id,
            office_id=user.office_id,
        )


def committee_id(session, kind: str, number: str = "1824") -> int:
    kol = actor(
        session, "kommuneoverlege@vefsn.example" if number == "1824" else "kommuneoverlege@kragero.example"
    )
    return next(
        c.id
        for c in service.list_committees(session, actor=kol, municipality_number=number)
        if c.kind == kind
    )


def new_agreement_case(session, kol: Actor) -> int:
    """A life-cycle case about a new agreement in Vefsn (AGR-NEW-SU: it needs the SU's statement)."""
    data = LifecycleCaseCreate(
        kind="new_agreement", date=date(2026, 12, 1), title="Ny fastlegeavtale i Mosjøen"
    )
    return lifecycle_service.open_case(session, actor=kol, data=data, municipality_number="1824").id


def inbox(session, who: Actor) -> list[tuple[str, str, str]]:
    with session.begin():
        return [(n.kind, n.subject, n.link) for n in inbox_queries.of_user(session, who.user_id)]
