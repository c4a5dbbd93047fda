"""The main menu comes from the features' entries: a user sees only the links they may follow."""

from legetjeneste.auth.rules import Actor
from legetjeneste.web.templating import navigation


def labels(role: str, municipality: str | None = "1824", path: str = "/") -> list[str]:
    return [link.label for link in navigation(Actor("x@example.no", role, municipality), path)]


def test_the_kommuneoverlege_sees_every_page_of_the_municipality_in_the_order_of_the_menu():
    assert labels("kommuneoverlege") == [
        "Oversikt",
        "Nøkkeltall",
        "Fravær",
        "Ferieoversikt",
        "Legevakt",
        "Utbetalinger",
        "Mislighold",
        "Saker",
        "Frister",
        "Import",
        "Innboks",
        "Min kalender",
    ]


def test_a_doctor_sees_min_side_first_and_neither_payments_nor_cases_nor_the_import():
    seen = [
        "Min side",
        "Oversikt",
        "Nøkkeltall",
        "Fravær",
        "Ferieoversikt",
        "Legevakt",
        "Innboks",
        "Min kalender",
    ]
    assert labels("doctor") == seen


def test_an_office_administrator_sees_mitt_kontor_first():
    assert labels("office_admin")[0] == "Mitt kontor"


def test_the_su_member_follows_the_cases_and_their_deadlines():
    assert "Saker" in labels("su_member") and "Frister" in labels("su_member")
    assert "Utbetalinger" not in labels("su_member")


def test_the_system_administrator_without_a_municipality_gets_the_list_of_municipalities():
    assert labels("admin", None) == ["Kommuner", "Import", "Innboks", "Min kalender", "Utboks"]


def test_the_link_to_the_page_shown_is_current_and_a_section_counts_its_subpages():
    links = navigation(Actor("x@example.no", "kommuneoverlege", "1824"), "/kommuner/1824/legevakt/3")
    assert [link.label for link in links if link.current] == ["Legevakt"]
    assert next(link for link in links if link.label == "Legevakt").href == "/kommuner/1824/legevakt"
    home = navigation(Actor("x@example.no", "kommuneoverlege", "1824"), "/kommuner/1824")
    assert [link.label for link in home if link.current] == ["Oversikt"]
