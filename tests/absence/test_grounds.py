"""An absence's ground is health data: every route that shows absences — the API's list and detail, the
vacation overview and its CSV, the calendar feeds, the counters, and the pages — shows the ground only to
the doctor concerned and to those who register absences for the doctor's office (the kommuneoverlege and
the municipality administrator for all, an office administrator for the own office); another doctor and an
SU member see that the doctor is away, not why. Each answer that lists absences is audited."""

import re

import pytest
from sqlalchemy import select

from legetjeneste.absence import service as absence_service
from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import SYSTEM
from legetjeneste.registry import service as registry_service
from tests.support import import_demo

MOSJOEN = "991001018"
# In the Vefsn demo Magnus (9182403, Vefsn legesenter) is ill in March and Lars (9182408, Mosjøen legesenter)
# has a sick child in February.
OWN_SICKNESS, CHILD_SICKNESS = "egen sykdom", "barns sykdom"
ROLES = {
    # name: (role, office, doctor, sees own sickness at Vefsn legesenter, sees child sickness at Mosjøen)
    "another doctor": ("doctor", None, "9182402", False, False),
    "an SU member": ("su_member", None, None, False, False),
    "the office administrator of Mosjøen": ("office_admin", MOSJOEN, None, False, True),
    "the kommuneoverlege": ("kommuneoverlege", None, None, True, True),
    "the municipality administrator": ("municipality_admin", None, None, True, True),
}
YEAR = "fra=2026-01-01&til=2026-12-31"


@pytest.fixture
def readers(open_session) -> dict[str, dict]:
    session = open_session()
    import_demo(session)
    headers = {}
    for number, (name, (role, office, doctor, *_)) in enumerate(ROLES.items()):
        _, token = auth_service.add_user(
            session,
            email=f"absence-reader{number}@test.example",
            role=role,
            municipality_number="1824",
            with_token=True,
            office=office,
            doctor=doctor,
        )
        headers[name] = {"Authorization": f"Bearer {token}"}
    return headers


def routes(session) -> list[str]:
    doctors = {
        d.hpr_number: d.id
        for d in registry_service.list_doctors(session, actor=SYSTEM, municipality_number="1824")
    }
    offices = {
        o.organisation_number: o.id
        for o in registry_service.list_offices(session, actor=SYSTEM, municipality_number="1824")
    }
    absences = [a["id"] for a in absence_ids(session)]
    return [
        "/api/v1/absences?municipality=1824",
        *(f"/api/v1/absences/{a}" for a in absences),
        "/api/v1/municipalities/1824/vacation-overview?from=2026-01-01&to=2026-12-31",
        "/api/v1/municipalities/1824/vacation-overview.csv?from=2026-01-01&to=2026-12-31",
        "/api/v1/municipalities/1824/absences.ics",
        *(f"/api/v1/offices/{office}/absences.ics" for office in offices.values()),
        *(f"/api/v1/doctors/{doctors[hpr]}/absence-counters?year=2026" for hpr in ("9182403", "9182408")),
        "/api/v1/municipalities/1824/absence-counters?year=2026",
        f"/kommuner/1824/fravaer?{YEAR}",
        *(f"/fravaer/{a}" for a in absences),
        f"/kommuner/1824/ferieoversikt?{YEAR}",
        *(f"/leger/{doctors[hpr]}/fravaer?ar=2026" for hpr in ("9182403", "9182408")),
    ]


def absence_ids(session) -> list[dict]:
    found = absence_service.list_absences(session, actor=SYSTEM, municipality_number="1824")
    return [{"id": a.id, "ground": a.ground} for a in found if a.ground in ("own_sickness", "child_sickness")]


def audited_reads(session) -> int:
    with session.begin():
        query = select(AuditEntry).where(AuditEntry.action == "read", AuditEntry.entity == "absence")
        return len(session.scalars(query).all())


def without_forms(html: str) -> str:
    """The page without its <select> lists: the registration form names every ground to choose from."""
    return re.sub(r"<select.*?</select>", "", html, flags=re.S)


@pytest.mark.parametrize("reader", ROLES)
def test_each_route_shows_an_absence_ground_only_to_whom_registers_absences_for_that_office(
    client, readers, session, reader
):
    *_, sees_vefsn, sees_mosjoen = ROLES[reader]
    answered = []
    for url in routes(session):
        before = audited_reads(session)
        answer = client.get(url, headers=readers[reader])
        assert answer.status_code in (200, 403), url
        if answer.status_code == 403:
            assert not (sees_vefsn and sees_mosjoen), f"{reader} is refused {url}"
            continue
        answered.append(url)
        shown = without_forms(answer.content.decode()).lower()
        assert (OWN_SICKNESS in shown) <= sees_vefsn, url
        assert (CHILD_SICKNESS in shown) <= sees_mosjoen, url
        assert audited_reads(session) > before, url
    listed = client.get("/api/v1/absences?municipality=1824", headers=readers[reader]).json()
    labels = {a["doctor_name"].split()[0]: a["ground_label"] for a in listed}
    assert (labels["Magnus"] == OWN_SICKNESS) is sees_vefsn
    assert (labels["Lars"] == CHILD_SICKNESS) is sees_mosjoen
    assert len(answered) >= 8


def test_a_doctor_sees_the_ground_of_an_own_absence_and_not_a_colleagues(client, open_session):
    session = open_session()
    import_demo(session)
    _, token = auth_service.add_user(
        session,
        email="magnus@test.example",
        role="doctor",
        municipality_number="1824",
        with_token=True,
        doctor="9182403",
    )
    listed = client.get("/api/v1/absences?municipality=1824", headers={"Authorization": f"Bearer {token}"})
    labels = {a["doctor_name"].split()[0]: a["ground_label"] for a in listed.json()}
    assert labels["Magnus"] == OWN_SICKNESS
    assert labels["Lars"] != CHILD_SICKNESS
