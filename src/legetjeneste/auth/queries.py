"""Reading and writing users and API tokens; never commits."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.auth.models import ApiToken, User
from legetjeneste.registry.models import Doctor


def user_by_email(session: Session, email: str) -> User | None:
    """`email` as stored: lower case."""
    return session.scalar(select(User).where(User.email == email))


def user_id_by_email(session: Session, email: str) -> int | None:
    return session.scalar(select(User.id).where(User.email == email))


def doctor_id(session: Session, *, municipality_number: str | None, hpr_number: str) -> int | None:
    return session.scalar(
        select(Doctor.id).where(
            Doctor.municipality_number == municipality_number, Doctor.hpr_number == hpr_number
        )
    )


def tokens_of_user(session: Session, user_id: int) -> list:
    """(id, created_at) of the user's API tokens, oldest first."""
    return list(
        session.execute(
            select(ApiToken.id, ApiToken.created_at)
            .where(ApiToken.user_id == user_id)
            .order_by(ApiToken.created_at, ApiToken.id)
        ).all()
    )


def token_by_hash(session: Session, token_hash: str) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash))


def add_token(session: Session, *, user_id: int, token_hash: str, created_at: datetime) -> None:
    session.add(ApiToken(user_id=user_id, token_hash=token_hash, created_at=created_at))
