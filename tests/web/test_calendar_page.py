"""«Min kalender»: a user's own iCalendar feeds, with a calendar key made on the page and shown once."""

import re

import icalendar

from tests.web.conftest import csrf_of, log_in

URL = re.compile(r"<code>(http[^<]+)</code>")


def feeds(html: str) -> list[str]:
    return [url.replace("&amp;", "&") for url in URL.findall(html)]


def test_a_gp_makes_a_calendar_key_and_subscribes_to_its_own_roster(browser_client):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/min-kalender")
    assert page.status_code == 200 and "Mine legevakt- og nødnettvakter" in page.text
    assert all(url.endswith("?token=API-NØKKELEN-DIN") for url in feeds(page.text))
    made = browser_client.post("/min-kalender", data={"csrf_token": csrf_of(page.text)})
    assert made.status_code == 200 and "Den vises bare nå" in made.text
    roster_feed = next(url for url in feeds(made.text) if "/roster.ics?token=" in url)
    browser_client.cookies.clear()  # a calendar app has no session: the token alone must do
    answer = browser_client.get(roster_feed.removeprefix("http://testserver"))
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/calendar")
    assert icalendar.Calendar.from_ical(answer.content).get("X-WR-CALNAME") is not None
    assert "Lag en ny kalendernøkkel" not in made.text
    assert browser_client.get("/api/v1/doctors/1/roster.ics?token=feil").status_code == 401


def test_the_kommuneoverlege_gets_the_absence_and_deadline_feeds_but_no_roster_of_its_own(vefsn_client):
    html = vefsn_client.get("/min-kalender").text
    titles = re.findall(r"<dt>([^<]+)</dt>", html)
    assert titles == ["Fravær i kommunen", "Frister i sakene om fastlegeavtalene"]


def test_making_a_calendar_key_needs_the_csrf_token(vefsn_client):
    assert vefsn_client.post("/min-kalender", data={}).status_code == 403


def test_a_revoked_calendar_key_no_longer_opens_the_feed_and_only_the_owner_can_revoke_it_once_confirmed(
    browser_client, open_session
):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/min-kalender")
    made = browser_client.post("/min-kalender", data={"csrf_token": csrf_of(page.text)})
    feed = next(url for url in feeds(made.text) if "/roster.ics?token=" in url).removeprefix(
        "http://testserver"
    )
    assert browser_client.get(feed).status_code == 200
    listed = browser_client.get("/min-kalender").text
    revoke = re.findall(r'action="(/min-kalender/nokler/\d+/trekk-tilbake)"', listed)
    assert len(revoke) == 1
    browser_client.cookies.clear()
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    other = browser_client.get("/min-kalender").text
    for answer in ("", "ja"):
        refused = browser_client.post(revoke[0], data={"csrf_token": csrf_of(other), "confirmed": answer})
        assert refused.status_code == 404
    assert browser_client.get(feed).status_code == 200
    browser_client.cookies.clear()
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    mine = browser_client.get("/min-kalender").text
    assert "Ja, trekk tilbake kalendernøkkelen" in mine  # asked by the key first
    asked = browser_client.post(revoke[0], data={"csrf_token": csrf_of(mine)})
    assert asked.status_code == 200 and "Trekke tilbake nøkkelen?" in asked.text
    assert "Kalendere som bruker nøkkelen, slutter å oppdateres. Det kan ikke angres" in asked.text
    assert '<a class="ds-link" href="/min-kalender">Avbryt</a>' in asked.text
    assert browser_client.get(feed).status_code == 200  # not withdrawn yet
    answer = browser_client.post(
        revoke[0], data={"csrf_token": csrf_of(mine), "confirmed": "ja"}, follow_redirects=True
    )
    assert "Nøkkelen er trukket tilbake." in answer.text and "Nøklene dine" not in answer.text
    browser_client.cookies.clear()
    assert browser_client.get(feed).status_code == 401
