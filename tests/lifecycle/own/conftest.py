"""A GP's own side on the demo data: Jonas Brekkan (HPR 9182402, born 1986, agreement 182402, user
lege@vefsn.example) and the demo's other doctors as actors of their own."""

import pytest

from legetjeneste.auth.rules import Actor
from legetjeneste.registry import queries as registry_queries
from tests.support import load_demo

JONAS, MAGNUS, EIRIK = "9182402", "9182403", "9182404"  # 40, 51 and 61 years old at the end of 2026


def doctor_id(session, hpr: str) -> int:
    with session.begin():
        return registry_queries.doctor_by_hpr(session, municipality_number="1824", hpr_number=hpr).id


def gp(session, hpr: str = JONAS, email: str = "lege@vefsn.example") -> Actor:
    return Actor(email=email, role="doctor", municipality_number="1824", doctor_id=doctor_id(session, hpr))


@pytest.fixture
def demo(open_session):
    """The demo data with its users; a fresh session per call."""
    load_demo(open_session())
    return open_session
