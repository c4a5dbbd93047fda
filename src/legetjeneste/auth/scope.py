"""What a user may see, in one place: a row of the user's municipality (another municipality's answers as
if it did not exist), and the municipality a query is limited to. Services load what they act on here."""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from legetjeneste.auth import rules
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import NotFound
from legetjeneste.registry.models import Agreement, Doctor, Municipality, Office

Row = TypeVar("Row")


def require_municipality(actor: Actor, municipality_number: str) -> None:
    """Another municipality's resource answers as if it did not exist."""
    if not rules.can_see_municipality(actor, municipality_number):
        raise NotFound("Fant ikke ressursen.")


def row(
    session: Session,
    actor: Actor,
    model: type[Row],
    key: Any,
    *,
    missing: str,
    municipality_of: Callable[[Row], str] = lambda found: found.municipality_number,  # type: ignore[attr-defined]
    load: Callable[[Session, Any], Row | None] | None = None,
) -> Row:
    """The row of `model` with this key, if the actor may see it; `missing` is the Norwegian «not found».
    `load` reads it with what the use case needs loaded up front (a query function), else `session.get`."""
    found = load(session, key) if load is not None else session.get(model, key)
    if found is None:
        raise NotFound(missing)
    require_municipality(actor, municipality_of(found))
    return found


def municipality(session: Session, actor: Actor, number: str) -> Municipality:
    require_municipality(actor, number)
    return row(
        session,
        actor,
        Municipality,
        number,
        missing=f"Kommune {number} finnes ikke i registeret.",
        municipality_of=lambda found: found.number,
    )


def office(session: Session, actor: Actor, office_id: int) -> Office:
    return row(session, actor, Office, office_id, missing=f"Legekontor {office_id} finnes ikke.")


def doctor(session: Session, actor: Actor, doctor_id: int) -> Doctor:
    return row(session, actor, Doctor, doctor_id, missing=f"Lege {doctor_id} finnes ikke.")


def agreement(session: Session, actor: Actor, agreement_id: int) -> Agreement:
    return row(session, actor, Agreement, agreement_id, missing=f"Fastlegeavtale {agreement_id} finnes ikke.")


def municipality_of(
    session: Session, actor: Actor, *, municipality_number: str | None, agreement_id: int | None
) -> str:
    """The municipality a list asks for: the agreement's when one is named, else the municipality named."""
    if agreement_id is not None:
        return agreement(session, actor, agreement_id).municipality_number
    if municipality_number is not None:
        return municipality(session, actor, municipality_number).number
    raise NotFound("Oppgi kommune eller fastlegeavtale.")


def limited_to(actor: Actor, municipality_number: str | None = None) -> str | None:
    """The municipality a query is limited to: the actor's own, or for an admin the one asked for (or all)."""
    if municipality_number is not None:
        require_municipality(actor, municipality_number)
        return municipality_number
    return None if actor.sees_all_municipalities else actor.municipality_number


def target_municipality(session: Session, actor: Actor, municipality_number: str | None) -> str:
    """The municipality a new row belongs to: the one asked for, or the actor's own."""
    number = municipality_number or actor.municipality_number
    if number is None:
        raise NotFound("Oppgi kommunenummer (municipality_number).")
    municipality(session, actor, number)
    return number
