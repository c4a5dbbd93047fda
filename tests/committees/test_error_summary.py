"""A refused form of the committees' pages (issue 13): its error summary links each problem to its field by
the field's label (and the rule id where a rule refused), the field is marked aria-invalid with its message,
and what was typed stays — one refused form of each page module, the member rows' and the minutes' fields by
the paths that refused them."""

import re

import pytest

from tests.committees.test_pages import su_meetings
from tests.duties.test_error_summary import marked
from tests.web.conftest import browser_client, csrf_of, vefsn_client  # noqa: F401  (fixtures)
from tests.web.test_error_summary import summary_links

pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def test_the_annual_meeting_form_links_the_unknown_doctor_and_keeps_the_date(vefsn_client):  # noqa: F811
    page = vefsn_client.get("/kommuner/1824/utvalg").text
    annual = {"csrf_token": csrf_of(page), "doctor": "1234567", "held_on": "2026-11-02", "note": "Årsmøte"}
    refused = vefsn_client.post("/kommuner/1824/utvalg/arlige-moter", data=annual)
    assert refused.status_code == 422
    links = dict(summary_links(refused.text))
    assert links == {"annual-doctor": "Lege (HPR-nummer): ingen lege med HPR-nummer 1234567 i kommunen"}
    assert marked(refused.text, "annual-doctor") and 'value="2026-11-02"' in refused.text


def test_a_new_committees_member_row_is_linked_by_its_row_and_marked(vefsn_client):  # noqa: F811
    page = vefsn_client.get("/kommuner/1824/utvalg/nytt").text
    form = {"csrf_token": csrf_of(page), "kind": "alu_working", "name": "Arbeidsutvalget i Vefsn"}
    form |= {"constituted_on": "2027-01-01", "rows": "10", "m3-name": "Kari Nordmann", "m3-doctor": "12ab"}
    refused = vefsn_client.post("/kommuner/1824/utvalg/nytt", data=form)
    assert refused.status_code == 422
    links = dict(summary_links(refused.text))
    assert "m3-doctor" in links and links["m3-doctor"].startswith("Medlem 3: HPR-nummer:")
    assert marked(refused.text, "m3-doctor") and not marked(refused.text, "m1-doctor")
    assert 'value="12ab"' in refused.text and 'value="Arbeidsutvalget i Vefsn"' in refused.text


def test_the_minutes_link_a_follow_up_actions_refused_field_by_its_row_and_keep_what_was_typed(vefsn_client):  # noqa: F811
    *_, last = su_meetings(vefsn_client)
    page = vefsn_client.get(f"/utvalg/moter/{last['id']}").text
    arvid = next(a for a in last["attendees"] if a["name"] == "Arvid Sørhaug")
    minutes = {"csrf_token": csrf_of(page), "chair": "Randi Mosvold", f"status-{arvid['id']}": "excused"}
    minutes |= {"action-1": "Sende planutkast"}
    refused = vefsn_client.post(f"/utvalg/moter/{last['id']}/referat", data=minutes)
    assert refused.status_code == 422
    links = dict(summary_links(refused.text))
    assert links["owner-1"] == "Ansvarlig 1: kan ikke være tom" and marked(refused.text, "owner-1")
    assert 'value="Sende planutkast"' in refused.text and 'value="Randi Mosvold"' in refused.text


def test_a_case_from_the_kommuneoverlege_links_its_missing_title(vefsn_client):  # noqa: F811
    page = vefsn_client.get("/kommuner/1824/utvalg").text
    committee = re.search(r'id="case-committee" name="committee"[^>]*><option value="(\d+)"', page).group(1)
    case = {"csrf_token": csrf_of(page), "origin_kind": "municipality", "committee": committee}
    refused = vefsn_client.post("/kommuner/1824/utvalg/saker", data=case | {"background": "Bakgrunn"})
    assert refused.status_code == 422
    targets = [target for target, _ in summary_links(refused.text)]
    assert "case-title" in targets and marked(refused.text, "case-title")
    assert ">Bakgrunn</textarea>" in refused.text
