"""The Content-Security-Policy in a real browser: the main pages load their scripts and styles without a
single violation, htmx runs, and logging out ends the session for every copy of the cookie."""

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from tests.browser.conftest import LiveServer, _new_context, demo_login, log_in

pytestmark = pytest.mark.browser

PAGES = (
    "/kommuner/1824",
    "/avtaler/182414",
    "/kontorer/1",
    "/leger/1",
    "/import",
    "/kommuner/1824/nokkeltall",
    "/kommuner/1824/fravaer",
    "/kommuner/1824/ferieoversikt",
    "/kommuner/1824/legevakt",
    "/kommuner/1824/saker",
    "/kommuner/1824/frister",
    "/kommuner/1824/utbetalinger",
    "/min-kalender",
)


def watch_for_violations(page: Page) -> list[str]:
    seen: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and (
            "Content Security Policy" in message.text or "Refused to" in message.text
        ):
            seen.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    return seen


def test_the_main_pages_break_no_rule_of_the_content_security_policy_and_htmx_runs(vefsn_page: Page):
    violations = watch_for_violations(vefsn_page)
    for path in PAGES:
        answer = vefsn_page.goto(path)
        assert answer is not None and answer.status == 200, path
        assert "frame-ancestors 'none'" in (answer.header_value("content-security-policy") or "")
        vefsn_page.wait_for_load_state("load")
        assert vefsn_page.evaluate("() => typeof window.htmx === 'object'"), path
    assert violations == []


def test_the_login_page_breaks_no_rule_either(page: Page):
    violations = watch_for_violations(page)
    page.goto("/logg-inn")
    page.wait_for_load_state("load")
    assert violations == []


def test_after_logout_a_second_browser_with_the_same_cookie_is_logged_out_too(
    browser: Browser, live_server: LiveServer
):
    first = _new_context(browser, live_server)
    page = first.new_page()
    log_in(page, demo_login("4014"))
    page.wait_for_url("**/kommuner/4014")
    second = _new_context(browser, live_server, storage_state=first.storage_state())
    copy = second.new_page()
    copy.goto("/kommuner/4014")
    expect(copy).to_have_url(live_server.at("/kommuner/4014"))
    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url("**/logg-inn")
    copy.goto("/kommuner/4014")
    expect(copy.get_by_text("Økten er utløpt. Logg inn på nytt.")).to_be_visible()
    first.close()
    second.close()
