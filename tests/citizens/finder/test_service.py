"""«Finn fastlege» on the demo: list lengths from the citizen register, filters, and the public page."""

from datetime import date

import pytest
from sqlalchemy import event

from legetjeneste.citizens.finder import service
from legetjeneste.citizens.finder.models import DoctorProfile
from legetjeneste.citizens.finder.schemas import FinderQuery
from legetjeneste.errors import NotFound
from legetjeneste.registry.models import Agreement
from tests.citizens.people import add_citizen
from tests.support import load_demo

DAY = date(2026, 12, 4)


def _open_a_list(session, agreement_id: int, listetak: int) -> int:
    """Open the list with a small listetak and return its regular GP's doctor id."""
    agreement = session.get(Agreement, agreement_id)
    agreement.list_status, agreement.listetak = "open", listetak
    period = next(p for p in agreement.doctor_periods if p.role == "regular" and p.period.contains(DAY))
    return period.doctor_id


def test_open_places_count_the_lists_members_in_the_register_and_the_filters_narrow_them(session):
    load_demo(session)
    with session.begin():
        doctor_id = _open_a_list(session, 182401, listetak=3)
        session.merge(DoctorProfile(doctor_id=doctor_id, sex="female", languages="engelsk, somali"))
        for n in range(2):
            add_citizen(session, f"Innbygger {n}", date(1990, 1, 1 + n), agreement_id=182401)
    found = service.find(session, query=FinderQuery(kommune="1824"), on=DAY)
    first = found.lists[0]
    assert found.source == "citizen_register"
    assert (first.agreement_id, first.list_length, first.open_places) == (182401, 2, 1)
    assert first.switch_url == "/innbygger/bytt?agreement=182401"
    assert first.doctor_gender == "kvinne" and first.languages == ["engelsk", "somali"]
    assert all(gp.open_places == 0 for gp in found.lists[1:])
    narrowed = service.find(
        session, query=FinderQuery(kommune="1824", kjonn="kvinne", sprak="somali"), on=DAY
    )
    assert [gp.agreement_id for gp in narrowed.lists] == [182401]
    assert (
        service.find(session, query=FinderQuery(kommune="1824", ledig=True), on=DAY).lists == narrowed.lists
    )


def test_without_citizens_the_length_is_helfos_latest_count_and_a_vacant_list_has_no_gp_name(session):
    load_demo(session)
    found = service.find(session, query=FinderQuery(kommune="1824"), on=DAY)
    assert found.source == "helfo"
    assert found.lists and all(gp.list_length is not None for gp in found.lists)
    with session.begin():
        vacant = {
            a.id
            for a in session.query(Agreement).filter(Agreement.municipality_number == "1824")
            if not any(p.role == "regular" and p.period.contains(DAY) for p in a.doctor_periods)
        }
    assert {gp.agreement_id for gp in found.lists if gp.doctor_name is None} == vacant


def test_an_unknown_municipality_answers_not_found(session):
    load_demo(session)
    with pytest.raises(NotFound):
        service.find(session, query=FinderQuery(kommune="9999"), on=DAY)


def test_the_list_query_is_one_statement_per_request_however_many_lists(session):
    load_demo(session)
    statements: list[str] = []
    engine = session.get_bind()

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        service.find(session, query=FinderQuery(kommune="1824"), on=DAY)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # The municipality's name with whether it keeps citizens; the lists with their GPs and counts.
    assert len(selects) == 2
