"""The committees' pages: the minutes form records «gyldig forfall» (a reason is required, ALU-MEMBERS) and
«videre prosess»; the minutes are approved at a later meeting; an SU member drafts a statement but cannot
record it as given; a composition against the rules is refused on the page with its rule id."""

import re

import pytest

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.committees.meetings import service as meeting_service
from tests.web.conftest import browser_client, csrf_of, log_in, vefsn_client  # noqa: F401  (fixtures)

# The edges run on SQLite only; tests/committees/test_service.py covers both databases.
pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def su_meetings(client) -> list[dict]:
    session = client.app.state.sessionmaker()
    with session:
        committee = 1  # the demo file's first committee: Vefsn's SU
        return meeting_service.list_meetings(session, actor=SYSTEM, committee_id=committee)


def test_minutes_need_a_reason_for_valid_absence_and_are_approved_at_a_later_meeting(vefsn_client):  # noqa: F811
    first, *_, last = su_meetings(vefsn_client)
    page = vefsn_client.get(f"/utvalg/moter/{last['id']}")
    assert page.status_code == 200 and "Referat – Samarbeidsutvalget i Vefsn" in page.text
    arvid = next(a for a in last["attendees"] if a["name"] == "Arvid Sørhaug")
    form = {"csrf_token": csrf_of(page.text), "chair": "Randi Mosvold", f"status-{arvid['id']}": "excused"}
    refused = vefsn_client.post(f"/utvalg/moter/{last['id']}/referat", data=form)
    assert refused.status_code == 422 and "(ALU-MEMBERS" in refused.text
    form |= {f"reason-{arvid['id']}": "Sykdom", "action-1": "Sende planutkast", "owner-1": "Kommuneoverlegen"}
    saved = vefsn_client.post(f"/utvalg/moter/{last['id']}/referat", data=form | {"due-1": "2027-02-01"})
    assert (
        saved.status_code == 200
        and "Kommuneoverlegen: Sende planutkast – frist 1. februar 2027" in saved.text
    )
    earlier = vefsn_client.get(f"/utvalg/moter/{first['id']}")
    assert "Godkjenn referatet" not in earlier.text  # approved in the demo already
    second = su_meetings(vefsn_client)[1]
    approve = {"csrf_token": csrf_of(earlier.text), "at_meeting": str(last["id"])}
    asked = vefsn_client.post(f"/utvalg/moter/{second['id']}/godkjenn", data=approve)
    assert "Vil du godkjenne referatet fra møtet" in asked.text and "Det kan ikke angres" in asked.text
    done = vefsn_client.post(f"/utvalg/moter/{second['id']}/godkjenn", data=approve | {"confirmed": "ja"})
    assert "referatet er godkjent i møtet 22. oktober 2026" in done.text


def test_an_su_member_drafts_a_statement_and_the_page_refuses_an_unequal_su(browser_client):  # noqa: F811
    log_in(browser_client, "su@vefsn.example", "su-demo")
    overview = browser_client.get("/kommuner/1824/utvalg").text
    case_id = re.search(r'href="/utvalg/saker/(\d+)">Revisjon av plan', overview).group(1)
    page = browser_client.get(f"/utvalg/saker/{case_id}").text
    assert "Skriv utkast til uttalelse" in page and 'name="final"' not in page
    draft = {
        "csrf_token": csrf_of(page),
        "given_on": "2026-12-10",
        "majority_text": "Utkast: ALIS prioriteres.",
    }
    saved = browser_client.post(f"/utvalg/saker/{case_id}/uttalelse", data=draft)
    assert "Utkastet er lagret." in saved.text and "Utkast (su@vefsn.example)" in saved.text
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    page = browser_client.get("/utvalg/1").text
    member = {"csrf_token": csrf_of(page), "name": "Ola Ekstra", "side": "gps", "role": "member"}
    refused = browser_client.post("/utvalg/1/medlemmer", data=member | {"start": "2026-12-01"})
    assert refused.status_code == 422 and "Ikke lagret (SU-COMPOSITION)" in refused.text
