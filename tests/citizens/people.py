"""Synthetic citizens for the tests of «Finn fastlege», «Min fastlege» and alerts: fødselsnumre in the tax
authority's test series (month + 80) with valid check digits, so no real person's number appears."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.citizens.models import Citizen, CitizenParent
from legetjeneste.citizens.places import queries as places

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    rest = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return 0 if rest == 11 else (None if rest == 10 else rest)


def synthetic_national_id(born: date, *, start: int = 100) -> str:
    """The first synthetic number for the birth date from individual number `start` on."""
    for individual in range(start, 500):
        base = f"{born.day:02d}{born.month + 80:02d}{born.year % 100:02d}{individual:03d}"
        digits = [int(c) for c in base]
        first = _digit(digits, _W1)
        if first is None:
            continue
        second = _digit([*digits, first], _W2)
        if second is not None:
            return f"{base}{first}{second}"
    raise ValueError("no synthetic number left")


def add_citizen(
    session: Session,
    name: str,
    born: date,
    *,
    agreement_id: int | None = None,
    since: date = date(2020, 1, 1),
    municipality: str = "1824",
    email: str | None = None,
    start: int = 100,
) -> Citizen:
    """A citizen of the municipality, on `agreement_id`'s list from `since` (assigned), in the caller's
    transaction."""
    citizen = Citizen(
        national_id=synthetic_national_id(born, start=start),
        name=name,
        birth_date=born,
        sex="female",
        home_municipality_number=municipality,
        resident_since=since,
        email=email,
    )
    session.add(citizen)
    session.flush()
    if agreement_id is not None:
        places.move(session, citizen_id=citizen.id, agreement_id=agreement_id, start=since, reason="assigned")
    return citizen


def add_child(session: Session, parent: Citizen, child: Citizen) -> None:
    session.add(CitizenParent(child_id=child.id, parent_id=parent.id, is_primary=True))
    session.flush()
