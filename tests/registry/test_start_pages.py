from legetjeneste.auth.rules import Actor
from legetjeneste.registry.start.rules import start_path


def test_a_gp_linked_to_a_doctor_starts_on_min_side():
    assert start_path(Actor("a@x", "doctor", "1824", doctor_id=7)) == "/min-side"


def test_an_office_administrator_starts_on_mitt_kontor():
    assert start_path(Actor("a@x", "office_admin", "1824", office_id=3)) == "/mitt-kontor"


def test_the_kommuneoverlege_starts_on_the_municipality_overview():
    assert start_path(Actor("a@x", "kommuneoverlege", "1824")) == "/kommuner/1824"


def test_the_system_administrator_starts_on_the_list_of_municipalities():
    assert start_path(Actor("a@x", "admin", None)) == "/kommuner"


def test_a_gp_not_yet_linked_to_a_doctor_starts_in_the_inbox_not_on_a_page_they_may_not_see():
    assert start_path(Actor("a@x", "doctor", "1824")) == "/innboks"
