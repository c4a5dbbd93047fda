"""JSON API for the system administrator: the users, deactivating and activating one, and withdrawing a
user's tokens. Each endpoint is one service call; the service checks the permission (`users.manage`)."""

from fastapi import APIRouter

from legetjeneste.auth import service
from legetjeneste.auth.schemas import TokensRevoked, UserRead
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["users"])


@router.get("/users", response_model=list[UserRead])
def list_users(session: SessionDep, actor: ActorDep):
    return service.list_users(session, actor=actor)


@router.post("/users/{user_id}/deactivate", response_model=UserRead)
def deactivate(user_id: Id, session: SessionDep, actor: ActorDep):
    """The user can no longer log in; their sessions end and their API tokens and calendar keys are
    withdrawn at once."""
    return service.deactivate_user(session, actor=actor, user=user_id)


@router.post("/users/{user_id}/activate", response_model=UserRead)
def activate(user_id: Id, session: SessionDep, actor: ActorDep):
    """The user can log in again; withdrawn tokens stay withdrawn."""
    return service.activate_user(session, actor=actor, user=user_id)


@router.delete("/users/{user_id}/tokens", response_model=TokensRevoked)
def revoke_tokens(user_id: Id, session: SessionDep, actor: ActorDep):
    """Withdraw every API token and calendar key of the user."""
    return TokensRevoked(revoked=service.revoke_tokens(session, actor=actor, user=user_id))
