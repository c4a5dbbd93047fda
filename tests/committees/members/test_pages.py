"""The pages that set up committees: Bodø, without committees, is offered «Opprett et utvalg»; a composition
against the rules is refused naming the rule and the row's field, keeping what was typed and writing nothing;
the Vefsn SU, whose term ends within half a year, offers «Ny funksjonsperiode», which proposes the members
again, asks for a confirmation, and only then writes. Whom may not change committees is not offered them."""

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.committees import service
from tests.committees.support import BODO, BODO_KOL, BODO_PASSWORD, municipality_without_committees
from tests.web.conftest import browser_client, csrf_of, log_in, vefsn_client  # noqa: F401  (fixtures)

# The edges run on SQLite only; tests/committees/members/test_service.py covers both databases.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def su_rows(page: str, **changes) -> dict:
    """The new-committee form as the page offers it (two a side and as many deputies), with names."""
    form = {"csrf_token": csrf_of(page), "kind": "su", "name": "Samarbeidsutvalget i Bodø"}
    form |= {"constituted_on": "2026-01-01", "rows": "10"}
    shape = [("gps", "member")] * 2 + [("municipality", "member")] * 2
    shape += [("gps", "deputy")] * 2 + [("municipality", "deputy")] * 2
    for n, (side, role) in enumerate(shape, start=1):
        form |= {f"m{n}-name": f"Medlem {n}", f"m{n}-side": side, f"m{n}-role": role}
    return form | changes


def bodo(client):
    with client.app.state.sessionmaker() as session:
        municipality_without_committees(session)
    log_in(client, BODO_KOL, BODO_PASSWORD)
    return client


def bodo_committees(client) -> list:
    with client.app.state.sessionmaker() as session:
        return service.list_committees(session, actor=SYSTEM, municipality_number=BODO)


def test_a_municipality_without_committees_creates_an_su_and_a_refusal_names_the_rule_and_the_row(
    browser_client,  # noqa: F811
):
    client = bodo(browser_client)
    overview = client.get(f"/kommuner/{BODO}/utvalg").text
    assert "Kommunen har ikke registrert noen utvalg." in overview and "Opprett et utvalg" in overview
    page = client.get(f"/kommuner/{BODO}/utvalg/nytt").text
    assert page.count('name="m10-name"') == 1 and 'name="m11-name"' not in page
    refused = client.post(f"/kommuner/{BODO}/utvalg/nytt", data=su_rows(page, **{"m8-name": ""}))
    assert refused.status_code == 422 and "Ikke lagret (SU-COMPOSITION)" in refused.text
    assert "Varamedlemmer: like mange varamedlemmer som medlemmer fra kommunen" in refused.text
    assert 'value="Medlem 7"' in refused.text  # what was typed stays
    unknown = client.post(f"/kommuner/{BODO}/utvalg/nytt", data=su_rows(page, **{"m3-doctor": "9182401"}))
    assert "Medlem 3: HPR-nummer: ingen lege med HPR-nummer 9182401 i kommunen" in unknown.text
    assert bodo_committees(client) == []
    more = client.post(f"/kommuner/{BODO}/utvalg/nytt", data=su_rows(page, flere="1"))
    assert (
        'name="m14-name"' in more.text and 'value="Medlem 8"' in more.text and bodo_committees(client) == []
    )
    saved = client.post(f"/kommuner/{BODO}/utvalg/nytt", data=su_rows(page))
    assert "Samarbeidsutvalget i Bodø er opprettet med 8 medlemmer." in saved.text
    assert "Funksjonstiden (2 år) går ut 31. desember 2027." in saved.text
    assert [c.name for c in bodo_committees(client)] == ["Samarbeidsutvalget i Bodø"]


def test_the_vefsn_su_offers_a_new_term_which_asks_for_a_confirmation_before_it_writes(vefsn_client):  # noqa: F811
    su = vefsn_client.get("/utvalg/1").text
    assert 'href="/utvalg/1/ny-periode">Ny funksjonsperiode' in su
    assert "ny-periode" not in vefsn_client.get("/utvalg/2").text  # the ALU has no term
    page = vefsn_client.get("/utvalg/1/ny-periode").text
    assert 'value="2027-03-01"' in page and "i det første lederåret\n  leder allmennlegene" in page
    assert 'name="m13-name"' in page and 'value="chair" selected' not in page  # the chair as a member
    form = {"csrf_token": csrf_of(page), "constituted_on": "2027-03-01", "rows": "13"}
    names = ["Ingrid Haugvik", "Jonas Brekkan", "Marte Elsfjord", "Stian Grubben", "Randi Mosvold"]
    names += ["Arvid Sørhaug", "Tove Halsan", "Kåre Vefsnmo"]
    roles = ["chair", "member", "deputy", "deputy", "member", "member", "deputy", "deputy"]
    sides = ["gps"] * 4 + ["municipality"] * 4
    for n, (name, role, side) in enumerate(zip(names, roles, sides, strict=True), start=1):
        form |= {f"m{n}-name": name, f"m{n}-role": role, f"m{n}-side": side}
    same_side = vefsn_client.post(
        "/utvalg/1/ny-periode", data=form | {"m1-role": "member", "m5-role": "chair"}
    )
    assert same_side.status_code == 422 and "kommunen har ledelsen to år på rad" in same_side.text
    confirm = vefsn_client.post("/utvalg/1/ny-periode", data=form)
    assert "Bekreft ny funksjonsperiode" in confirm.text and "1. mars 2027–28. februar 2029" in confirm.text
    assert "Setene som slutter 28. februar 2027" in confirm.text
    assert "Konstituert</dt><dd>1. mars 2025" in vefsn_client.get("/utvalg/1").text  # nothing written yet
    back = vefsn_client.post("/utvalg/1/ny-periode", data=form | {"endre": "1"})
    assert back.status_code == 200 and 'value="Kåre Vefsnmo"' in back.text
    done = vefsn_client.post("/utvalg/1/ny-periode", data=form | {"confirmed": "ja"})
    assert "har ny funksjonsperiode 1. mars 2027–28. februar 2029 med 8 medlemmer." in done.text
    assert "Konstituert</dt><dd>1. mars 2027" in done.text and "Sammensetningen følger reglene" in done.text


def test_an_su_member_is_offered_neither_a_new_committee_nor_a_new_term(browser_client):  # noqa: F811
    log_in(browser_client, "su@vefsn.example", "su-demo")
    assert "Opprett et utvalg" not in browser_client.get("/kommuner/1824/utvalg").text
    assert "Ny funksjonsperiode" not in browser_client.get("/utvalg/1").text
    assert browser_client.get("/utvalg/1/ny-periode").status_code == 403
    assert browser_client.get("/kommuner/1824/utvalg/nytt").status_code == 403
