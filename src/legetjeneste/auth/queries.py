"""Reading and writing user accounts; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.auth.models import User
from legetjeneste.registry.models import Doctor


def user_by_email(session: Session, email: str) -> User | None:
    """`email` as stored: lower case."""
    return session.scalar(select(User).where(User.email == email))


def user_id_by_email(session: Session, email: str) -> int | None:
    return session.scalar(select(User.id).where(User.email == email))


def users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.email)))


def doctor_id(session: Session, *, municipality_number: str | None, hpr_number: str) -> int | None:
    return session.scalar(
        select(Doctor.id).where(
            Doctor.municipality_number == municipality_number, Doctor.hpr_number == hpr_number
        )
    )


def user_of_citizen(session: Session, citizen_id: int) -> User | None:
    """The user a citizen's login made before, if any."""
    return session.scalar(select(User).where(User.citizen_id == citizen_id))
