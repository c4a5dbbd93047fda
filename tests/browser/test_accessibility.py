"""Every role's start page and every page of its menu: axe-core finds nothing, and nothing scrolls
sideways on a phone.

A menu page another role's walk already checked in this run (the same path, another municipality's number
aside) is not checked again: the roles share the templates of the inbox, the calendar and the deadlines,
and Kragerø's kommuneoverlege has Vefsn's menu. Each role's start page is always checked."""

import re

import pytest
from playwright.sync_api import Browser

from legetjeneste.demo import DEMO_LOGINS
from tests.browser.checks import axe_violations, sideways_overflow
from tests.browser.conftest import LiveServer, _new_context, log_in

ROLES = [login for login in DEMO_LOGINS if login.email != "lege2@vefsn.example"]
CHECKED: set[str] = set()  # the menu pages checked so far in this run (one worker runs the whole file)


def page_kind(path: str) -> str:
    return re.sub(r"/kommuner/\d{4}", "/kommuner/NNNN", path)


@pytest.mark.parametrize("login", ROLES, ids=[login.email for login in ROLES])
def test_the_start_page_and_each_menu_page_of_every_role_pass_axe_and_fit_a_phone(
    browser: Browser, live_server: LiveServer, login
):
    context = _new_context(browser, live_server)
    page = context.new_page()
    log_in(page, login)
    page.wait_for_url(lambda url: "/logg-inn" not in url)
    menu = page.locator("nav[aria-label='Hovedmeny'] a").evaluate_all("links => links.map(a => a.pathname)")
    problems = []
    unchecked = [path for path in dict.fromkeys(menu) if page_kind(path) not in CHECKED]
    CHECKED.update(page_kind(path) for path in unchecked)
    for path in [page.url.removeprefix(live_server.url), *unchecked]:
        page.goto(path)
        problems += [f"{path}: {found}" for found in axe_violations(page)]
        page.set_viewport_size({"width": 360, "height": 740})
        if (overflow := sideways_overflow(page)) > 0:
            problems.append(f"{path}: {overflow} px wider than a phone")
        page.set_viewport_size({"width": 1280, "height": 800})
    context.close()
    assert not problems, "\n".join(problems)
