"""What the API shows of a user, and the actor a user row acts as."""

from datetime import datetime

from pydantic import BaseModel

from legetjeneste.auth.models import User
from legetjeneste.auth.rules import Actor


class UserRead(BaseModel):
    id: int
    email: str
    role: str
    municipality_number: str | None
    office_id: int | None
    doctor_id: int | None
    is_active: bool
    created_at: datetime


class TokensRevoked(BaseModel):
    revoked: int


class TokenRead(BaseModel):
    """One of the user's own tokens, times in Oslo time (the secret itself is never shown again)."""

    id: int
    scope: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None


def user_read(user: User) -> UserRead:
    return UserRead(
        id=user.id,
        email=user.email,
        role=user.role,
        municipality_number=user.municipality_number,
        office_id=user.office_id,
        doctor_id=user.doctor_id,
        is_active=user.is_active,
        created_at=user.created_at,
    )


def actor_of(user: User) -> Actor:
    return Actor(
        email=user.email,
        role=user.role,
        municipality_number=user.municipality_number,
        user_id=user.id,
        office_id=user.office_id,
        doctor_id=user.doctor_id,
        citizen_id=user.citizen_id,
    )
