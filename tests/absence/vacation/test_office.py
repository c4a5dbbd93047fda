"""The office's part of the SU's vacation overview and its absences going on and coming, on Mitt kontor
(SU-VACATION, ASA 4310 § 4.2.3; ABS-TYPES): only the office's doctors, with who covers."""

from datetime import date

import pytest

from legetjeneste.absence.vacation import service as vacation_service
from legetjeneste.absence.vacation.rules.data import coming_summer
from legetjeneste.auth.rules import SYSTEM, Actor
from legetjeneste.errors import NotFound
from legetjeneste.registry import service as registry_service
from tests.support import KRAGERO_KOMMUNEOVERLEGE, VEFSN_KOMMUNEOVERLEGE, import_demo

TODAY = date(2026, 12, 4)


@pytest.fixture
def demo(session):
    import_demo(session)
    return session


def office_id(session, name: str) -> int:
    return next(o.id for o in registry_service.list_offices(session, actor=SYSTEM) if o.name == name)


def admin_of(session, name: str) -> Actor:
    return Actor("kontor@example", "office_admin", "1824", office_id=office_id(session, name))


def test_su_vacation_the_coming_summer_is_this_years_until_it_is_over_then_next_years():
    assert coming_summer(date(2026, 5, 1)) == (date(2026, 6, 1), date(2026, 8, 31))
    assert coming_summer(date(2026, 8, 31)) == (date(2026, 6, 1), date(2026, 8, 31))
    assert coming_summer(date(2026, 9, 1)) == (date(2027, 6, 1), date(2027, 8, 31))


def test_su_vacation_the_offices_part_has_only_its_doctors_and_the_demo_vacation_of_summer_2027(demo):
    admin = admin_of(demo, "Mosjøen legesenter")
    overview = vacation_service.office_vacation(demo, actor=admin, office_id=admin.office_id, on=TODAY)
    assert (overview.start, overview.end) == (date(2027, 6, 1), date(2027, 8, 31))
    [office] = overview.offices
    assert office.office_name == "Mosjøen legesenter" and overview.gaps == ()
    away = {
        (a.doctor_name, a.start, a.end, a.ground_label, a.cover_text) for w in office.weeks for a in w.away
    }
    assert away == {
        (
            "Anders Øyfjell",
            date(2027, 7, 5),
            date(2027, 7, 25),
            "ferie eller annet ordinært fravær",
            "kollegial fraværsordning",
        )
    }


def test_su_vacation_another_offices_part_does_not_show_mosjoens_vacation(demo):
    admin = admin_of(demo, "Sjøgata legekontor")
    overview = vacation_service.office_vacation(demo, actor=admin, office_id=admin.office_id, on=TODAY)
    assert [o.office_name for o in overview.offices] == ["Sjøgata legekontor"]
    assert all(not week.away for week in overview.offices[0].weeks)


def test_the_offices_absences_are_split_into_going_on_and_coming_with_who_covers(demo):
    admin = admin_of(demo, "Mosjøen legesenter")
    found = vacation_service.office_absences(demo, actor=admin, office_id=admin.office_id, on=TODAY)
    assert found["current"] == [] and found["can_register"]
    assert [(a.doctor_name, a.start, a.cover_text) for a in found["coming"]] == [
        ("Anders Øyfjell", date(2027, 7, 5), "kollegial fraværsordning")
    ]
    during = vacation_service.office_absences(
        demo, actor=admin, office_id=admin.office_id, on=date(2027, 7, 5)
    )
    assert [a.doctor_name for a in during["current"]] == ["Anders Øyfjell"] and during["coming"] == []


def test_abs_types_an_office_administrator_of_another_office_sees_no_ground_of_sickness_and_may_not_register(
    demo,
):
    mosjoen = office_id(demo, "Mosjøen legesenter")
    other = admin_of(demo, "Sjøgata legekontor")
    found = vacation_service.office_absences(demo, actor=other, office_id=mosjoen, on=date(2026, 2, 1))
    lars = next(a for a in found["coming"] if a.doctor_name == "Lars Drevja")
    assert (lars.ground, lars.ground_label) == (None, "annet fravær") and not found["can_register"]
    own = vacation_service.office_absences(
        demo, actor=admin_of(demo, "Mosjøen legesenter"), office_id=mosjoen, on=date(2026, 2, 1)
    )
    assert next(a for a in own["coming"] if a.doctor_name == "Lars Drevja").ground_label == "barns sykdom"


def test_another_municipality_gets_not_found_for_the_offices_part(demo):
    mosjoen = office_id(demo, "Mosjøen legesenter")
    with pytest.raises(NotFound):
        vacation_service.office_vacation(demo, actor=KRAGERO_KOMMUNEOVERLEGE, office_id=mosjoen)
    with pytest.raises(NotFound):
        vacation_service.office_absences(demo, actor=KRAGERO_KOMMUNEOVERLEGE, office_id=mosjoen)
    assert vacation_service.office_vacation(
        demo, actor=VEFSN_KOMMUNEOVERLEGE, office_id=mosjoen, on=TODAY
    ).offices
