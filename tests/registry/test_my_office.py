"""Mitt kontor's own part: the office administrator's office, its agreements with listetak, list length and
open places (AGR-OPEN), and who serves each list now and later."""

from datetime import date

import pytest

from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import Forbidden
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.start import service as start_service
from tests.support import VEFSN_KOMMUNEOVERLEGE

DAY = date(2026, 12, 4)


def office_admin(session, name: str) -> Actor:
    office = next(o for o in registry_service.list_offices(session, actor=SYSTEM) if o.name == name)
    return Actor("kontor@example", "office_admin", "1824", office_id=office.id)


def test_mitt_kontor_lists_the_offices_agreements_with_listetak_list_length_and_open_places(demo):
    data = start_service.my_office(demo, actor=office_admin(demo, "Mosjøen legesenter"), on=DAY)
    rows = {row["agreement"].id: row for row in data["office_agreements"]}
    assert data["office"].name == "Mosjøen legesenter"
    assert list(rows) == [182404, 182405, 182406, 182407, 182408, 182409]
    eirik = rows[182404]["agreement"]
    assert (eirik.regular_doctor_name, eirik.listetak, eirik.list_length, eirik.open_places) == (
        "Eirik Sandnesmo",
        1000,
        1032,
        0,
    )
    assert [(s["doctor_name"], s["role"], s["now"]) for s in rows[182404]["serving"]] == [
        ("Eirik Sandnesmo", "regular", True)
    ]


def test_who_serves_a_list_shows_the_vikar_now_and_leaves_out_periods_that_are_over(demo):
    data = start_service.my_office(demo, actor=office_admin(demo, "Vefsn legesenter"), on=DAY)
    serving = next(r["serving"] for r in data["office_agreements"] if r["agreement"].id == 182414)
    assert [(s["doctor_name"], s["role"], s["start"], s["end"]) for s in serving] == [
        ("Stian Grubben", "vikar", date(2026, 7, 1), date(2026, 12, 31))
    ]
    agreement = next(r["agreement"] for r in data["office_agreements"] if r["agreement"].id == 182414)
    assert (agreement.has_regular_doctor, agreement.vikar_names) == (False, ["Stian Grubben"])


def test_only_an_office_administrator_with_an_office_has_mitt_kontor(demo):
    with pytest.raises(Forbidden):
        start_service.my_office(demo, actor=VEFSN_KOMMUNEOVERLEGE)
    with pytest.raises(Forbidden, match="ikke knyttet til et legekontor"):
        start_service.my_office(demo, actor=Actor("kontor@example", "office_admin", "1824"))
