"""«Finn fastlege»'s rules: open places (AGR-OPEN) from the register or Helfo, and the filters."""

from dataclasses import replace

from legetjeneste.citizens.finder import rules
from legetjeneste.citizens.finder.rules import Filters, ListFacts

LIST = ListFacts(
    agreement_id=1,
    office_id=10,
    office_name="Sentrum legekontor",
    street_address="Storgata 1",
    postal_code="8656",
    city="Mosjøen",
    phone="",
    is_accessible=True,
    listetak=1000,
    list_status="open",
    doctor_name="Kari Lege",
    doctor_sex="female",
    languages="engelsk, arabisk",
    members=990,
    waiting=3,
    helfo_length=1000,
    helfo_waiting=7,
)


def test_open_places_count_the_register_members_when_the_municipality_keeps_citizens():
    assert rules.open_places(LIST, counts_citizens=True) == 10
    assert rules.waiting_length(LIST, counts_citizens=True) == 3


def test_open_places_fall_back_to_helfos_latest_count_without_citizens():
    assert rules.open_places(LIST, counts_citizens=False) == 0
    assert rules.open_places(replace(LIST, helfo_length=998), counts_citizens=False) == 2
    assert rules.waiting_length(LIST, counts_citizens=False) == 7


def test_a_closed_list_and_a_full_list_have_no_open_places():
    assert rules.open_places(replace(LIST, list_status="closed"), counts_citizens=True) == 0
    assert rules.open_places(replace(LIST, members=1000), counts_citizens=True) == 0
    assert rules.open_places(replace(LIST, members=999), counts_citizens=True) == 1
    assert rules.open_places(replace(LIST, helfo_length=None), counts_citizens=False) == 0


def test_the_filters_match_office_gender_accessibility_language_and_room():
    assert rules.matches(LIST, Filters(), places=0)
    assert rules.matches(
        LIST, Filters(office_id=10, sex="female", accessible=True, language="Arabisk"), places=1
    )
    assert not rules.matches(LIST, Filters(office_id=11), places=1)
    assert not rules.matches(LIST, Filters(sex="male"), places=1)
    assert not rules.matches(replace(LIST, is_accessible=False), Filters(accessible=True), places=1)
    assert not rules.matches(LIST, Filters(language="somali"), places=1)
    assert not rules.matches(LIST, Filters(with_room=True), places=0)
    assert rules.matches(LIST, Filters(with_room=True), places=1)


def test_lists_with_most_room_come_first():
    keys = sorted([(rules.order_key(0, LIST), "none"), (rules.order_key(5, LIST), "five")])
    assert [name for _, name in keys] == ["five", "none"]
