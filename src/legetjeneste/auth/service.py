"""Use cases for user accounts: adding, passwords, deactivating and activating, withdrawing tokens, and the
permission check every feature uses."""

import re
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import passwords, queries, rules
from legetjeneste.auth.models import User
from legetjeneste.auth.rules import Actor
from legetjeneste.auth.schemas import UserRead, user_read
from legetjeneste.auth.schemas import actor_of as actor_of  # the actor a user row acts as, for callers
from legetjeneste.auth.sessions import queries as session_queries
from legetjeneste.auth.tokens import queries as token_queries
from legetjeneste.auth.tokens import service as token_service
from legetjeneste.auth.tokens.rules import API
from legetjeneste.dates import now_oslo
from legetjeneste.db import write_transaction
from legetjeneste.errors import Conflict, Forbidden, NotFound, Problem, ValidationFailed
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Municipality

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def require(actor: Actor, permission: str) -> None:
    if not rules.can(actor, permission):
        raise Forbidden(f"Du har ikke tilgang til å {rules.PERMISSION_NAMES_NB[permission]}.")


def add_user(
    session: Session,
    *,
    email: str,
    role: str,
    municipality_number: str | None,
    password: str | None = None,
    with_token: bool = False,
    office: str | None = None,
    doctor: str | None = None,
    check_password: bool = True,
) -> tuple[User, str | None]:
    """Create a local account; returns the user and, when asked for, a new API token (shown once).

    An office administrator belongs to one office, given by its organisation number; a doctor user may
    be linked to the doctor it is, given by HPR number, so that it can act for itself (e.g. volunteer).
    The password meets the length rule; only the demo's published passwords skip it (`check_password`).
    """
    with write_transaction(session):
        problems = _user_problems(session, email=email, role=role, municipality_number=municipality_number)
        office_id, office_problems = _office_of(session, role, office, municipality_number)
        doctor_id, doctor_problems = _doctor_of(session, role, doctor, municipality_number)
        problems += office_problems + doctor_problems
        if password is not None and check_password:
            problems += rules.password_problems(password, email=email)
        if problems:
            raise ValidationFailed(problems)
        user = User(
            office_id=office_id,
            doctor_id=doctor_id,
            email=email.lower(),
            role=role,
            municipality_number=municipality_number if rules.needs_municipality(role) else None,
            password_hash=passwords.hash_password(password) if password else None,
            is_active=True,
            created_at=now_oslo(),
        )
        session.add(user)
        session.flush()
        token = token_service.add_token(session, user, scope=API) if with_token else None
        _audit(session, rules.SYSTEM, "create", user, {"role": role})
    return user, token


def _office_of(
    session: Session, role: str, organisation_number: str | None, municipality_number: str | None
) -> tuple[int | None, list[Problem]]:
    if organisation_number is None:
        if role == "office_admin":
            return None, [Problem("office", "Rollen office_admin må høre til et legekontor (--office ORGNR)")]
        return None, []
    office = registry_queries.office_by_organisation_number(session, organisation_number)
    if office is None or office.municipality_number != municipality_number:
        return None, [Problem("office", f"Legekontor {organisation_number} finnes ikke i kommunen")]
    return office.id, []


def _doctor_of(
    session: Session, role: str, hpr_number: str | None, municipality_number: str | None
) -> tuple[int | None, list[Problem]]:
    if hpr_number is None:
        return None, []
    if role != "doctor":
        return None, [
            Problem("doctor", "Bare en bruker med rollen doctor kan knyttes til en lege (--doctor)")
        ]
    found = queries.doctor_id(session, municipality_number=municipality_number, hpr_number=hpr_number)
    if found is None:
        return None, [Problem("doctor", f"Lege med HPR-nummer {hpr_number} finnes ikke i kommunen")]
    return found, []


def user_exists(session: Session, *, email: str) -> bool:
    with session.begin():
        return queries.user_id_by_email(session, email.lower()) is not None


def _user_problems(
    session: Session, *, email: str, role: str, municipality_number: str | None
) -> list[Problem]:
    problems = []
    if not EMAIL.match(email):
        problems.append(Problem("email", f"«{email}» er ikke en gyldig e-postadresse"))
    elif queries.user_id_by_email(session, email.lower()):
        problems.append(Problem("email", f"Det finnes allerede en bruker med e-postadressen {email}"))
    if role not in rules.ROLES:
        problems.append(
            Problem("role", f"«{role}» er ikke en rolle; gyldige roller: {', '.join(rules.ROLES)}")
        )
    elif rules.needs_municipality(role):
        if not municipality_number:
            problems.append(Problem("municipality", f"Rollen {role} må høre til en kommune (--municipality)"))
        elif session.get(Municipality, municipality_number) is None:
            problems.append(
                Problem("municipality", f"Kommune {municipality_number} finnes ikke i registeret")
            )
    return problems


def set_password(session: Session, *, actor: Actor, user: int | str, password: str) -> UserRead:
    """Give the user (id or e-mail address) a new password; the user's sessions end, so every browser
    logs in again with it."""
    require(actor, "users.manage")
    with write_transaction(session):
        found = _user(session, user)
        problems = rules.password_problems(password, email=found.email)
        if problems:
            raise ValidationFailed(problems)
        found.password_hash = passwords.hash_password(password)
        ended = session_queries.end_sessions_of_user(session, found.id, datetime.now(UTC))
        _audit(session, actor, "update", found, {"password": "changed", "sessions_ended": ended})
        return user_read(found)


def deactivate_user(session: Session, *, actor: Actor, user: int | str) -> UserRead:
    """The user can no longer log in; their sessions end and their tokens are withdrawn at once."""
    require(actor, "users.manage")
    with write_transaction(session):
        found = _user(session, user)
        if actor.user_id == found.id:
            raise Conflict("Du kan ikke deaktivere din egen bruker.")
        found.is_active = False
        ended = session_queries.end_sessions_of_user(session, found.id, datetime.now(UTC))
        revoked = token_queries.delete_tokens_of_user(session, found.id)
        _audit(session, actor, "deactivate", found, {"sessions_ended": ended, "tokens_revoked": revoked})
        return user_read(found)


def activate_user(session: Session, *, actor: Actor, user: int | str) -> UserRead:
    """The user can log in again; withdrawn tokens stay withdrawn."""
    require(actor, "users.manage")
    with write_transaction(session):
        found = _user(session, user)
        found.is_active = True
        _audit(session, actor, "activate", found)
        return user_read(found)


def revoke_tokens(session: Session, *, actor: Actor, user: int | str) -> int:
    """Withdraw every API token and calendar key of the user; how many there were."""
    require(actor, "users.manage")
    with write_transaction(session):
        found = _user(session, user)
        revoked = token_queries.delete_tokens_of_user(session, found.id)
        _audit(session, actor, "delete", found, {"tokens_revoked": revoked}, entity="api_token")
        return revoked


def list_users(session: Session, *, actor: Actor) -> list[UserRead]:
    require(actor, "users.manage")
    with session.begin():
        return [user_read(user) for user in queries.users(session)]


def _user(session: Session, user: int | str) -> User:
    found = session.get(User, user) if isinstance(user, int) else queries.user_by_email(session, user.lower())
    if found is None:
        raise NotFound(f"Fant ingen bruker {user}.")
    return found


def _audit(
    session: Session, actor: Actor, action: str, user: User, detail: dict | None = None, entity: str = "user"
) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity=entity,
        record_ids=[user.id],
        municipality_number=user.municipality_number,
        detail=detail,
    )
