from datetime import date

import pytest

from legetjeneste.absence import service
from legetjeneste.absence.schemas import AbsenceCreate
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.registry import service as registry_service
from tests.api.conftest import app, client, tokens  # noqa: F401  (fixtures shared with the API tests)
from tests.web.conftest import browser_client  # noqa: F401


@pytest.fixture
def register_sick_leave(open_session, browser_client):  # noqa: F811
    """Register a 20-day sickness without vikar for a demo doctor; returns the doctor's id."""

    def register(*, hpr: str) -> int:
        session = open_session()
        doctor = next(d for d in registry_service.list_doctors(session, actor=SYSTEM) if d.hpr_number == hpr)
        service.register_absence(
            session,
            actor=SYSTEM,
            data=AbsenceCreate(
                doctor_id=doctor.id,
                ground="own_sickness",
                start=date(2026, 3, 1),
                end=date(2026, 3, 20),
                cover="none",
            ),
        )
        return doctor.id

    return register
