"""Use cases for users, passwords, API tokens and permission checks."""

import hashlib
import re
import secrets
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import queries, rules
from legetjeneste.auth.models import ApiToken, User
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo
from legetjeneste.errors import Forbidden, NotAuthenticated, NotFound, Problem, ValidationFailed
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Municipality
from legetjeneste.settings import get_settings

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WRONG_LOGIN = "Feil e-postadresse eller passord."


@lru_cache
def _hasher() -> PasswordHasher:
    fast = get_settings().password_hashing == "fast"
    return PasswordHasher.from_parameters(profiles.CHEAPEST if fast else profiles.RFC_9106_LOW_MEMORY)


def require(actor: Actor, permission: str) -> None:
    if not rules.can(actor, permission):
        raise Forbidden(f"Du har ikke tilgang til å {rules.PERMISSION_NAMES_NB[permission]}.")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
) -> tuple[User, str | None]:
    """Create a local account; returns the user and, when asked for, a new bearer token (shown once).

    An office administrator belongs to one office, given by its organisation number; a doctor user may
    be linked to the doctor it is, given by HPR number, so that it can act for itself (e.g. volunteer).
    """
    with session.begin():
        problems = _user_problems(session, email=email, role=role, municipality_number=municipality_number)
        office_id, office_problems = _office_of(session, role, office, municipality_number)
        doctor_id, doctor_problems = _doctor_of(session, role, doctor, municipality_number)
        if problems or office_problems or doctor_problems:
            raise ValidationFailed(problems + office_problems + doctor_problems)
        user = User(
            office_id=office_id,
            doctor_id=doctor_id,
            email=email.lower(),
            role=role,
            municipality_number=municipality_number if rules.needs_municipality(role) else None,
            password_hash=_hasher().hash(password) if password else None,
            is_active=True,
            created_at=now_oslo(),
        )
        session.add(user)
        session.flush()
        token = _new_token(session, user) if with_token else None
        audit_service.record(
            session,
            actor=rules.SYSTEM,
            action="create",
            entity="user",
            record_ids=[user.id],
            municipality_number=user.municipality_number,
            detail={"role": role},
        )
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


def new_calendar_token(session: Session, *, actor: Actor) -> str:
    """A new API token for the logged-in user, for calendar apps that cannot log in; shown once, only its
    hash is stored. It reads what the user may read, like any of the user's API tokens."""
    if actor.user_id is None:
        raise Forbidden("Bare en innlogget bruker kan lage en kalendernøkkel.")
    with session.begin():
        user = session.get(User, actor.user_id)
        if user is None or not user.is_active:
            raise NotAuthenticated("Økten er utløpt. Logg inn på nytt.")
        token = _new_token(session, user)
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="api_token",
            record_ids=[user.id],
            municipality_number=user.municipality_number,
            detail={"purpose": "calendar"},
        )
    return token


def own_tokens(session: Session, *, actor: Actor) -> list:
    """When each of the user's API tokens (calendar keys among them) was made, oldest first, with its id."""
    if actor.user_id is None:
        return []
    with session.begin():
        return queries.tokens_of_user(session, actor.user_id)


def revoke_own_token(session: Session, *, actor: Actor, token_id: int) -> None:
    """Withdraw one of the user's own API tokens: calendars using it stop updating. Another user's token
    is not found."""
    with session.begin():
        token = session.get(ApiToken, token_id)
        if token is None or actor.user_id is None or token.user_id != actor.user_id:
            raise NotFound("Fant ikke nøkkelen.")
        session.delete(token)
        audit_service.record(
            session,
            actor=actor,
            action="delete",
            entity="api_token",
            record_ids=[actor.user_id],
            municipality_number=actor.municipality_number,
            detail={"token_id": token_id},
        )


def _new_token(session: Session, user: User) -> str:
    token = secrets.token_urlsafe(32)
    queries.add_token(session, user_id=user.id, token_hash=hash_token(token), created_at=now_oslo())
    return token


def actor_of(user: User) -> Actor:
    return Actor(
        email=user.email,
        role=user.role,
        municipality_number=user.municipality_number,
        user_id=user.id,
        office_id=user.office_id,
        doctor_id=user.doctor_id,
    )


def authenticate_password(session: Session, *, email: str, password: str) -> Actor:
    with session.begin():
        user = queries.user_by_email(session, email.strip().lower())
        if user is None or not user.is_active or not user.password_hash:
            raise NotAuthenticated(WRONG_LOGIN)
        try:
            _hasher().verify(user.password_hash, password)
        except (VerificationError, InvalidHashError) as exc:
            raise NotAuthenticated(WRONG_LOGIN) from exc
        actor = actor_of(user)
        audit_service.record(
            session,
            actor=actor,
            action="login",
            entity="user",
            record_ids=[user.id],
            municipality_number=user.municipality_number,
        )
    return actor


def authenticate_token(session: Session, *, token: str) -> Actor:
    with session.begin():
        row = queries.token_by_hash(session, hash_token(token))
        if row is None or not row.user.is_active:
            raise NotAuthenticated("Ugyldig eller tilbakekalt API-nøkkel.")
        return actor_of(row.user)


def actor_for_user(session: Session, *, user_id: int) -> Actor:
    with session.begin():
        user = session.get(User, user_id)
        if user is None or not user.is_active:
            raise NotAuthenticated("Økten er utløpt. Logg inn på nytt.")
        return actor_of(user)
