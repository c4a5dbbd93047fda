"""What cannot be undone on the committees' pages asks first with what follows (issue 13, web/confirm.py) and
writes nothing until confirmed: convening a meeting, approving minutes, a follow-up action marked done, a
member who replaces another (the seat ends), a statement recorded as given; a new term is in
members/test_pages.py."""

import re
from datetime import date

import pytest

from tests.committees.test_pages import su_meetings
from tests.web.conftest import browser_client, csrf_of, vefsn_client  # noqa: F401  (fixtures)

pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def test_convening_and_approving_minutes_ask_first_and_write_only_when_confirmed(vefsn_client):  # noqa: F811
    csrf = csrf_of(vefsn_client.get("/utvalg/1").text)
    meeting = {"csrf_token": csrf, "date": "2027-01-14", "starts": "14:00", "place": "Mosjøen rådhus"}
    asked = vefsn_client.post("/utvalg/1/moter", data=meeting | {"agenda": "Referat\nPlanen"})
    assert "Vil du kalle inn til møte i Samarbeidsutvalget i Vefsn 14. januar 2027 kl. 14.00" in asked.text
    assert "kan ikke trekkes tilbake" in asked.text and len(su_meetings(vefsn_client)) == 3  # none convened
    convened = vefsn_client.post("/utvalg/1/moter", data=meeting | {"confirmed": "ja"})
    assert "Møtet er innkalt: Samarbeidsutvalget i Vefsn 14.01.2027." in convened.text
    *_, last, new = su_meetings(vefsn_client)
    assert last["approved_on"] is None and new["date"] == date(2027, 1, 14)
    approve = {"csrf_token": csrf, "at_meeting": str(new["id"])}
    asked = vefsn_client.post(f"/utvalg/moter/{last['id']}/godkjenn", data=approve)
    assert asked.status_code == 200 and "Vil du godkjenne referatet fra møtet 22. oktober 2026" in asked.text
    assert "godkjent i møtet 14. januar 2027" in asked.text and "Det kan ikke angres" in asked.text
    assert f'name="at_meeting" value="{new["id"]}"' in asked.text
    assert su_meetings(vefsn_client)[-2]["approved_on"] is None  # nothing written
    done = vefsn_client.post(f"/utvalg/moter/{last['id']}/godkjenn", data=approve | {"confirmed": "ja"})
    assert "Referatet er godkjent." in done.text
    assert su_meetings(vefsn_client)[-2]["approved_on"] == date(2027, 1, 14)


def done_on(client, action_id: int) -> date | None:
    return next(a["done_on"] for a in su_meetings(client)[-1]["actions"] if a["id"] == action_id)


def test_a_follow_up_action_asks_in_the_minutes_and_on_a_page_before_it_is_done(vefsn_client):  # noqa: F811
    *_, last = su_meetings(vefsn_client)
    page = vefsn_client.get(f"/utvalg/moter/{last['id']}").text
    minutes = {"csrf_token": csrf_of(page), "chair": last["chair"] or "Randi Mosvold"}
    minutes |= {f"status-{a['id']}": a["status"] for a in last["attendees"]}
    minutes |= {f"reason-{a['id']}": a["absence_reason"] or "Sykdom" for a in last["attendees"]}
    minutes |= {"action-1": "Sende planutkast", "owner-1": "Kommuneoverlegen", "due-1": "2027-02-01"}
    saved = vefsn_client.post(f"/utvalg/moter/{last['id']}/referat", data=minutes)
    assert "Vil du merke oppfølgingen «Sende planutkast» (Kommuneoverlegen) som utført?" in saved.text
    action = next(a for a in su_meetings(vefsn_client)[-1]["actions"] if a["text"] == "Sende planutkast")
    asked = vefsn_client.post(f"/utvalg/oppfolging/{action['id']}/utfort", data={"csrf_token": csrf_of(page)})
    assert asked.status_code == 200 and "Fristen 1. februar 2027 lukkes" in asked.text
    assert action["done_on"] is None and done_on(vefsn_client, action["id"]) is None  # nothing written
    done = vefsn_client.post(
        f"/utvalg/oppfolging/{action['id']}/utfort", data={"csrf_token": csrf_of(page), "confirmed": "ja"}
    )
    assert "Oppfølgingen er merket som utført." in done.text
    assert done_on(vefsn_client, action["id"]) is not None


def test_a_member_who_replaces_another_asks_first_since_the_seat_ends(vefsn_client):  # noqa: F811
    page = vefsn_client.get("/utvalg/1").text
    jonas = re.search(r'<option value="(\d+)">Jonas Brekkan', page).group(1)
    member = {"csrf_token": csrf_of(page), "name": "Siri Halsøy", "doctor": "9182405", "side": "gps"}
    member |= {"role": "member", "start": "2027-01-01", "replaces": jonas}
    asked = vefsn_client.post("/utvalg/1/medlemmer", data=member)
    assert asked.status_code == 200 and "Vil du erstatte Jonas Brekkan" in asked.text
    assert "Setet til Jonas Brekkan slutter 31. desember 2026" in asked.text
    assert (
        'name="name" value="Siri Halsøy"' in asked.text
        and "Siri Halsøy" not in vefsn_client.get("/utvalg/1").text
    )
    done = vefsn_client.post("/utvalg/1/medlemmer", data=member | {"confirmed": "ja"})
    assert "Siri Halsøy er lagt til i" in done.text


def test_a_statement_recorded_as_given_is_checked_then_asked_then_written(vefsn_client):  # noqa: F811
    overview = vefsn_client.get("/kommuner/1824/utvalg").text
    case = re.search(r'href="(/utvalg/saker/\d+)">Revisjon av plan', overview).group(1)
    page = vefsn_client.get(case).text
    given = re.search(r'name="given_on"[^>]*value="([^"]+)"', page)
    statement = {
        "csrf_token": csrf_of(page),
        "given_on": given.group(1) if given else date.today().isoformat(),
    }
    statement |= {"votes_for": "3", "votes_against": "1", "majority_text": "Utvalget støtter planen."}
    statement |= {"final": "on"}
    refused = vefsn_client.post(f"{case}/uttalelse", data=statement)  # the minority's view is required
    assert (
        refused.status_code == 422 and "SU-CASES" in refused.text and "Vil du registrere" not in refused.text
    )
    statement |= {"minority_text": "Mindretallet vil vente."}
    asked = vefsn_client.post(f"{case}/uttalelse", data=statement)
    assert asked.status_code == 200 and "Vil du registrere uttalelsen fra" in asked.text
    assert "(3 for, 1 mot)" in asked.text and "Den kan ikke endres etterpå." in asked.text
    assert 'name="minority" ' not in asked.text and "Registrer uttalelsen" in vefsn_client.get(case).text
    done = vefsn_client.post(f"{case}/uttalelse", data=statement | {"confirmed": "ja"})
    assert "Uttalelsen er registrert." in done.text and "Registrer uttalelsen" not in done.text
