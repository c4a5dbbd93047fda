"""The main menu comes from the features' entries: each role sees a menu made for it, only the links it may
follow (DESIGN.md, "Privacy and security"). Other features add entries of their own, so beyond the
kommuneoverlege's whole menu these tests say what a role's menu begins with, holds and must not hold."""

from legetjeneste.auth.rules import ROLES, Actor, can
from legetjeneste.features import features
from legetjeneste.web.templating import navigation

MUNICIPALITY_PAGES = ["Oversikt", "Nøkkeltall", "Fravær", "Ferieoversikt", "Legevakt"]
EDITORS_ONLY = {"Utbetalinger", "Mislighold", "Import"}


def labels(role: str, municipality: str | None = "1824", path: str = "/", **who) -> list[str]:
    return [link.label for link in navigation(Actor("x@example.no", role, municipality, **who), path)]


def in_order(seen: list[str], expected: list[str]) -> bool:
    """`expected` appear in `seen` in this order (others may stand between them)."""
    rest = iter(seen)
    return all(label in rest for label in expected)


def test_the_kommuneoverlege_sees_every_page_of_the_municipality_in_the_order_of_the_menu():
    assert in_order(
        labels("kommuneoverlege"),
        [*MUNICIPALITY_PAGES, "Utbetalinger", "Mislighold", "Saker", "Frister", "Import", "Min kalender"],
    )
    assert "Min side" not in labels("kommuneoverlege") and "Mitt kontor" not in labels("kommuneoverlege")


def test_a_gp_starts_the_menu_on_min_side_and_sees_neither_payments_nor_cases_nor_the_import():
    seen = labels("doctor", doctor_id=1)
    assert seen[:2] == ["Min side", "Mine vakter"]
    assert in_order(seen, [*MUNICIPALITY_PAGES, "Min kalender"])
    assert not set(seen) & (EDITORS_ONLY | {"Saker", "Frister", "Mitt kontor", "Kommuner"})


def test_a_user_not_linked_to_a_doctor_or_an_office_is_not_offered_min_side_or_mitt_kontor():
    assert "Min side" not in labels("doctor") and "Min side" in labels("doctor", doctor_id=1)
    assert "Mitt kontor" not in labels("office_admin")
    assert "Mitt kontor" in labels("office_admin", office_id=1)


def test_an_office_administrator_starts_on_mitt_kontor_and_sees_no_editors_page():
    seen = labels("office_admin", office_id=1)
    assert seen[0] == "Mitt kontor"
    assert in_order(seen, [*MUNICIPALITY_PAGES, "Min kalender"])
    assert not set(seen) & (EDITORS_ONLY | {"Saker", "Frister", "Min side"})


def test_the_su_member_follows_the_cases_and_their_deadlines_but_not_the_money_nor_the_import():
    seen = labels("su_member")
    assert in_order(seen, [*MUNICIPALITY_PAGES, "Saker", "Frister", "Min kalender"])
    assert not set(seen) & (EDITORS_ONLY | {"Min side", "Mitt kontor"})


def test_a_citizen_sees_none_of_the_staffs_pages_not_even_the_calendar_feeds():
    staff = {*MUNICIPALITY_PAGES, *EDITORS_ONLY, "Saker", "Frister", "Min side", "Mitt kontor"}
    staff.add("Min kalender")
    assert not set(labels("citizen")) & staff


def test_the_system_administrator_without_a_municipality_gets_the_list_of_municipalities():
    seen = labels("admin", None)
    assert in_order(seen, ["Kommuner", "Import", "Innboks", "Min kalender", "Utboks"])
    assert not set(seen) & {*MUNICIPALITY_PAGES, "Min side", "Mitt kontor"}


def test_every_menu_entry_a_role_sees_is_one_it_has_the_permission_for():
    entries = {entry.label: entry for feature in features() for entry in feature.navigation}
    for role in ROLES:
        for label in labels(role):
            permission = entries[label].permission
            assert permission is None or can(Actor("x@example.no", role, "1824"), permission), (role, label)


def test_every_role_has_an_inbox_and_only_the_system_administrator_the_outbox():
    for role in ROLES:
        seen = labels(role, None if role == "admin" else "1824")
        assert "Innboks" in seen, role
        assert ("Utboks" in seen) == (role == "admin"), role


def test_the_link_to_the_page_shown_is_current_and_a_section_counts_its_subpages():
    links = navigation(Actor("x@example.no", "kommuneoverlege", "1824"), "/kommuner/1824/legevakt/3")
    assert [link.label for link in links if link.current] == ["Legevakt"]
    assert next(link for link in links if link.label == "Legevakt").href == "/kommuner/1824/legevakt"
    home = navigation(Actor("x@example.no", "kommuneoverlege", "1824"), "/kommuner/1824")
    assert [link.label for link in home if link.current] == ["Oversikt"]
