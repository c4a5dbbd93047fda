"""Demo users and telling them something, for the notices tests."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.auth.models import User
from legetjeneste.auth.rules import Actor
from legetjeneste.auth.schemas import actor_of
from legetjeneste.notices.inbox import service as inbox_service

BODY = "Søknaden om fritak på grunn av svangerskap er innvilget fra 1. januar 2027."


def user(session: Session, email: str = "lege@vefsn.example") -> User:
    return session.scalars(select(User).where(User.email == email)).one()


def actor(session: Session, email: str = "lege@vefsn.example") -> Actor:
    with session.begin():
        return actor_of(user(session, email))


def tell(session: Session, *, kind: str = "decision_letter", email: str = "lege@vefsn.example", subject=None):
    """One notice to the user, in a transaction of its own; the notices' ids."""
    with session.begin():
        told = inbox_service.tell(
            session,
            municipality_number="1824",
            kind=kind,
            subject=subject or "Vedtak i saken om fritak fra legevakt",
            body=BODY,
            link="/fritak/1",
            rule_id="DEC-NOTIFY",
            user_ids=[user(session, email).id],
        )
        return [notice.id for notice in told]
