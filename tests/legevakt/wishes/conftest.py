"""Vefsn's demo register for the wish tests, its GPs as the actors a GP's login gives, and the scheme."""

import pytest
from sqlalchemy import select

from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.legevakt.rosters import service as roster_service
from legetjeneste.registry.models import Doctor
from tests.support import import_demo

JONAS, INGRID, KVALVIK = "9182402", "9182401", "9182406"


def gp(session, hpr: str, email: str = "lege@vefsn.example") -> Actor:
    """The actor a GP's login gives: the doctor role with the GP's own doctor row."""
    doctor_id = session.scalar(
        select(Doctor.id).where(Doctor.municipality_number == "1824", Doctor.hpr_number == hpr)
    )
    return Actor(email=email, role="doctor", municipality_number="1824", doctor_id=doctor_id)


@pytest.fixture
def vefsn(open_session) -> int:
    """The Vefsn demo register; the id of its legevakt scheme."""
    import_demo(open_session())
    return roster_service.find_scheme(
        open_session(), actor=SYSTEM, reference="legevakt", municipality_number="1824"
    )


@pytest.fixture
def jonas(open_session, vefsn) -> Actor:
    return gp(open_session(), JONAS)
