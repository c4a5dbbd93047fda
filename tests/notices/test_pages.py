"""The inbox pages, «Varsler på e-post», «Utboks», the header's unread count and the inbox API."""

import re

from tests.notices.support import BODY, tell
from tests.web.conftest import csrf_of, log_in

COUNT = re.compile(r'id="innboks-teller" aria-label="Innboks, \d+ ulest\w?">Innboks(?: \((\d+)\))?<')


UNREAD_TAG = '<span class="ds-tag" data-color="info">Ulest</span>'


def header_count(html: str) -> int:
    found = COUNT.search(html)
    assert found, "the header has no inbox link"
    return int(found.group(1) or 0)


def test_the_header_counts_my_unread_notices_on_every_page_and_says_it_to_screen_readers(
    browser_client, open_session, no_smtp
):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    assert header_count(browser_client.get("/min-side").text) == 0
    tell(open_session()), tell(open_session(), kind="vacancy")
    page = browser_client.get("/min-kalender").text
    assert header_count(page) == 2 and 'aria-label="Innboks, 2 uleste"' in page


def test_opening_a_notice_shows_it_with_its_link_and_marks_it_read(browser_client, open_session, no_smtp):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    [first] = tell(open_session(), subject="Vedtak i saken om fritak fra legevakt")
    [second] = tell(open_session(), kind="vacancy", subject="Ledig vakt 24. desember")
    inbox = browser_client.get("/innboks").text
    assert inbox.index(f'href="/innboks/{second}"') < inbox.index(f'href="/innboks/{first}"')
    assert inbox.count(UNREAD_TAG) == 2 and "Du har 2 uleste meldinger" in inbox
    opened = browser_client.get(f"/innboks/{first}")
    assert opened.status_code == 200 and "Vedtak i saken om fritak fra legevakt" in opened.text
    assert (
        BODY in opened.text
        and '<a class="ds-button" data-variant="primary" href="/fritak/1">Gå til saken</a>' in opened.text
    )
    assert "Vedtaksbrev til meg" in opened.text and "DEC-NOTIFY" in opened.text
    assert header_count(opened.text) == 1
    assert browser_client.get("/innboks").text.count(UNREAD_TAG) == 1


def test_another_users_notice_is_not_found(browser_client, open_session, no_smtp):
    [theirs] = tell(open_session(), email="lege2@vefsn.example")
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    assert browser_client.get(f"/innboks/{theirs}").status_code == 404


def test_mark_all_read_needs_the_csrf_token_and_then_empties_the_count(browser_client, open_session, no_smtp):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    tell(open_session()), tell(open_session())
    assert browser_client.post("/innboks/les-alle", data={}).status_code == 403
    page = browser_client.get("/innboks").text
    done = browser_client.post("/innboks/les-alle", data={"csrf_token": csrf_of(page)})
    assert done.status_code == 200 and "Alle meldingene er merket som lest." in done.text
    assert header_count(done.text) == 0 and "Merk alle som lest" not in done.text


def test_a_user_chooses_which_kinds_reach_them_by_email(browser_client, no_smtp):
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/innboks/innstillinger").text
    checked = set(re.findall(r'value="(\w+)" checked', page))
    assert checked == {"decision_letter", "swap", "deadline", "committee_meeting"}
    assert '<label class="ds-label" for="by_email_vacancy">En ledig vakt jeg kan ta</label>' in page
    saved = browser_client.post(
        "/innboks/innstillinger", data={"csrf_token": csrf_of(page), "by_email": ["vacancy", "deadline"]}
    )
    assert saved.status_code == 200 and "Valgene dine er lagret." in saved.text
    assert set(re.findall(r'value="(\w+)" checked', saved.text)) == {"vacancy", "deadline"}
    refused = browser_client.post(
        "/innboks/innstillinger", data={"csrf_token": csrf_of(page), "by_email": ["sladder"]}
    )
    assert refused.status_code == 422 and "Ukjent type melding" in refused.text


def test_the_outbox_is_shown_to_the_system_administrator_only_and_only_they_see_its_link(
    browser_client, open_session, no_smtp
):
    tell(open_session())
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    page = browser_client.get("/min-side").text
    assert 'href="/innboks">Innboks</a>' in page
    assert 'href="/utboks"' not in page
    assert browser_client.get("/utboks").status_code == 403
    browser_client.cookies.clear()
    log_in(browser_client, "admin@legetjeneste.example", "admin-demo")
    outbox = browser_client.get("/utboks")
    assert outbox.status_code == 200 and 'href="/utboks"' in outbox.text
    assert "LEGETJENESTE_SMTP_HOST mangler" in outbox.text
    assert "lege@vefsn.example" in outbox.text and "Venter: 1" in outbox.text and BODY not in outbox.text


def test_the_inbox_api_lists_my_notices_and_marks_one_read(browser_client, open_session, no_smtp):
    [mine] = tell(open_session())
    [theirs] = tell(open_session(), email="lege2@vefsn.example")
    log_in(browser_client, "lege@vefsn.example", "lege-demo")
    listed = browser_client.get("/api/v1/inbox").json()
    assert [(n["id"], n["kind"], n["read_at"]) for n in listed] == [(mine, "decision_letter", None)]
    csrf = csrf_of(browser_client.get("/innboks").text)
    read = browser_client.post(f"/api/v1/inbox/{mine}/read", headers={"X-CSRF-Token": csrf})
    assert read.status_code == 200 and read.json()["read_at"] is not None
    assert (
        browser_client.post(f"/api/v1/inbox/{theirs}/read", headers={"X-CSRF-Token": csrf}).status_code == 404
    )
