"""Reading and writing API tokens and calendar keys; never commits."""

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, joinedload

from legetjeneste.auth.models import ApiToken


def tokens_of_user(session: Session, user_id: int) -> list:
    """(id, created_at, scope, expires_at, last_used_at) of the user's tokens, oldest first."""
    return list(
        session.execute(
            select(
                ApiToken.id, ApiToken.created_at, ApiToken.scope, ApiToken.expires_at, ApiToken.last_used_at
            )
            .where(ApiToken.user_id == user_id)
            .order_by(ApiToken.created_at, ApiToken.id)
        ).all()
    )


def token_by_hash(session: Session, token_hash: str) -> ApiToken | None:
    return session.scalar(
        select(ApiToken).options(joinedload(ApiToken.user)).where(ApiToken.token_hash == token_hash)
    )


def add_token(
    session: Session, *, user_id: int, token_hash: str, scope: str, created_at: datetime, expires_at: datetime
) -> ApiToken:
    token = ApiToken(
        user_id=user_id, token_hash=token_hash, scope=scope, created_at=created_at, expires_at=expires_at
    )
    session.add(token)
    return token


def touch_token(session: Session, token_id: int, now: datetime) -> None:
    session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))


def delete_tokens_of_user(session: Session, user_id: int) -> int:
    """Every token of the user; how many there were."""
    deleted = session.execute(delete(ApiToken).where(ApiToken.user_id == user_id))
    return deleted.rowcount or 0  # type: ignore[attr-defined]
