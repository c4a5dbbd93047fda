"""Reads and writes of the letters waiting for the post; never commits."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from legetjeneste.citizens.models import Citizen, CitizenLetter

POST = "post"


def _waiting(municipality_number: str, up_to: int | None):
    found = (
        (CitizenLetter.municipality_number == municipality_number)
        & (CitizenLetter.channel == POST)
        & CitizenLetter.sent_at.is_(None)
    )
    return found if up_to is None else found & (CitizenLetter.id <= up_to)


def waiting(
    session: Session, municipality_number: str, *, up_to: int | None = None
) -> list[tuple[CitizenLetter, Citizen]]:
    """The municipality's letters on the channel «post» not yet sent (those up to the id named), oldest first,
    each with its citizen."""
    query = (
        select(CitizenLetter, Citizen)
        .join(Citizen, Citizen.id == CitizenLetter.citizen_id)
        .where(_waiting(municipality_number, up_to))
        .order_by(CitizenLetter.id)
    )
    return [(letter, citizen) for letter, citizen in session.execute(query)]


def mark_sent(session: Session, municipality_number: str, *, up_to: int, at: datetime) -> list[int]:
    """Set `sent_at` on the waiting letters up to the id named; their ids."""
    ids = list(session.scalars(select(CitizenLetter.id).where(_waiting(municipality_number, up_to))))
    if ids:
        session.execute(
            update(CitizenLetter)
            .where(CitizenLetter.id.in_(ids))
            .values(sent_at=at)
            .execution_options(synchronize_session=False)
        )
    return ids
