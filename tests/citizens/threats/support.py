"""Threat-case tests' people: synthetic citizens (fødselsnummer with month + 80, the tax authority's test
numbers, with valid control digits) on a Vefsn list, and the actors concerned and not concerned."""

from datetime import date

from sqlalchemy import select

from legetjeneste.auth.rules import Actor
from legetjeneste.citizens.models import Citizen
from legetjeneste.citizens.places import queries as places
from legetjeneste.registry.models import Doctor, Office

BREKKAN, HAUGVIK, TVERRAA = "9182402", "9182401", "9182403"  # Vefsn GPs of lists 182402, 182401, 182403
KOL = Actor(email="kol@vefsn.example", role="kommuneoverlege", municipality_number="1824", user_id=None)
SU = Actor(email="su@vefsn.example", role="su_member", municipality_number="1824", user_id=9001)
LISTED_SINCE = date(2020, 1, 1)


def synthetic_national_id(born: date, individual: int) -> str:
    """A synthetic fødselsnummer: the month plus 80, and the two mod-11 control digits."""
    digits = [int(c) for c in f"{born.day:02d}{born.month + 80:02d}{born.year % 100:02d}{individual:03d}"]
    for weights in ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)):
        control = 11 - sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        digits.append(0 if control == 11 else control)
    assert digits[-1] < 10 and digits[-2] < 10, "no valid control digits for this individual number"
    return "".join(map(str, digits))


def patient(session, *, agreement_id: int = 182402, name: str = "Testpasient Trussel", individual: int = 412):
    """A Vefsn citizen on the list since 2020; returns (citizen id, fødselsnummer)."""
    born = date(1980, 5, 17)
    for tried in range(individual, individual + 40):
        national_id = synthetic_national_id(born, tried) if _valid(born, tried) else None
        if national_id:
            break
    with session.begin():
        citizen = Citizen(
            national_id=national_id,
            name=name,
            birth_date=born,
            sex="male",
            home_municipality_number="1824",
            resident_since=LISTED_SINCE,
        )
        session.add(citizen)
        session.flush()
        places.move(
            session, citizen_id=citizen.id, agreement_id=agreement_id, start=LISTED_SINCE, reason="assigned"
        )
        return citizen.id, national_id


def _valid(born: date, individual: int) -> bool:
    try:
        synthetic_national_id(born, individual)
    except AssertionError:
        return False
    return True


def gp(session, hpr: str, *, user_id: int | None = None) -> Actor:
    """The GP with this HPR number as a logged-in doctor."""
    with session.begin():
        doctor_id = session.scalar(select(Doctor.id).where(Doctor.hpr_number == hpr))
    return Actor(
        email=f"{hpr}@vefsn.example",
        role="doctor",
        municipality_number="1824",
        user_id=user_id or 8000,
        doctor_id=doctor_id,
    )


def office_admin(session, organisation_number: str) -> Actor:
    with session.begin():
        office_id = session.scalar(select(Office.id).where(Office.organisation_number == organisation_number))
    return Actor(
        email=f"kontor{organisation_number}@vefsn.example",
        role="office_admin",
        municipality_number="1824",
        user_id=8100,
        office_id=office_id,
    )
