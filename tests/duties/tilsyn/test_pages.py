"""The tilsyn page's cover and budget for the kommuneoverlege (TILSYN-COVER): the sykehjemslege's and the
kommuneoverlege's absence with the days lacking a substitute, the vikar budget against what is spent with its
chart, and the forms — a refused one shows the page again naming the field by its label, writing nothing."""

import re
from html import unescape

from tests.web.conftest import browser_client, csrf_of, vefsn_client  # noqa: F401  (fixtures)

PAGE = "/kommuner/1824/tilsyn"


def plain(html: str) -> str:
    """The page's text as read, spaces in numbers («500 000») plain."""
    return unescape(html).replace("\xa0", " ").replace("\u202f", " ")


def test_the_page_shows_who_is_away_in_june_2027_and_the_budget_against_what_is_spent(vefsn_client):  # noqa: F811
    page = vefsn_client.get(PAGE, params={"dato": "2027-06-14"})
    assert page.status_code == 200
    text = plain(page.text)
    assert "Ingvild Storhaug (sykehjemslege)" in text and "Stedfortreder for kommuneoverlegen" in text
    assert "Per Aksel Rønning (kommuneoverlege)" in text
    assert "81,5 t står udekket" in text and "33 dager uten stedfortreder der det trengs" in text
    assert "2027: brukt 104 000 kr av 500 000 kr" in text and "uker × ukesats" in text
    assert "Vikarbudsjett for kommunale leger og forbruk per år" in text


def test_the_forms_add_an_absence_a_stand_in_and_spending_and_a_refusal_names_the_field(vefsn_client):  # noqa: F811
    page = vefsn_client.get(PAGE, params={"dato": "2027-06-14"})
    csrf = csrf_of(page.text)
    kommuneoverlege = re.search(r'name="municipal_doctor_id" value="(\d+)"', page.text).group(1)
    sykehjemslege = re.search(r'<option value="(\d+)"[^>]*>Ingvild Storhaug', page.text).group(1)
    refused = vefsn_client.post(
        PAGE + "/vikarbudsjett/forbruk",
        data={"csrf_token": csrf, "dato": "2027-06-14", "year": "2027", "text": "Vikar", "weeks": "to"},
    )
    assert refused.status_code == 422
    assert "Vikaruker:" in plain(refused.text) and 'value="to"' in refused.text
    spent = vefsn_client.post(
        PAGE + "/vikarbudsjett/forbruk",
        data={"csrf_token": csrf, "dato": "2027-06-14", "year": "2027", "text": "Vikar juli", "weeks": "1,5"},
    )
    assert spent.status_code == 200  # followed the redirect
    assert "brukt 182 000 kr av 500 000 kr" in plain(spent.text)
    budget = vefsn_client.post(
        PAGE + "/vikarbudsjett",
        data={"csrf_token": csrf, "dato": "2027-06-14", "year": "2028", "amount": "450 000", "week_rate": ""},
    )
    assert budget.status_code == 200 and "Vikarbudsjettet for 2028 er lagret" in plain(budget.text)
    standin = vefsn_client.post(
        PAGE + "/stedfortreder-funksjon",
        data={
            "csrf_token": csrf,
            "dato": "2027-06-14",
            "municipal_doctor_id": kommuneoverlege,
            "day": "2027-06-21",
            "name": "Smittevernlegen",
        },
    )
    assert "Smittevernlegen er stedfortreder for kommuneoverlege" in plain(standin.text)
    overlapping = vefsn_client.post(
        PAGE + "/kommunale-leger/fravaer",
        data={
            "csrf_token": csrf,
            "dato": "2027-06-14",
            "municipal_doctor_id": sykehjemslege,
            "start": "2027-06-20",
            "end": "2027-06-30",
        },
    )
    assert overlapping.status_code == 422
    assert "Borte fra: overlapper fraværet 14. juni 2027–25. juni 2027" in plain(overlapping.text)
