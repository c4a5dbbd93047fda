"""A swap in a real browser (LV-SWAP), on a server of its own with a published Vefsn roster (a short
deterministic solve, arranged in turn, published through the services): Jonas Brekkan (lege@vefsn.example)
proposes to swap his Monday for Ingrid Haugvik's Tuesday from «Mine vakter» on a phone, she accepts, the
kommuneoverlege approves on the roster page after a confirmation, and he sees the new version in his month.
No page scrolls sideways at phone width, and every form field has a label."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from legetjeneste.auth.rules import SYSTEM
from legetjeneste.db import session_factory
from legetjeneste.demo import DEMO_LOGINS
from legetjeneste.legevakt.rosters import service as roster_service
from tests.browser.conftest import LiveServer, demo_engine, demo_login, log_in, serve
from tests.legevakt.rosters.fixtures import make_scheme, solve
from tests.legevakt.swaps.fixtures import IN_TURN, arrange

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}
LABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(field => field.labels.length === 0 && !field.getAttribute('aria-label')).map(field => field.id)"""


@pytest.fixture(scope="module")
def swap_server(sqlite_template, tmp_path_factory) -> Iterator[tuple[LiveServer, int]]:
    """The demo and a published roster of 1–14 March 2027 for four doctors in turn (Brekkan, Haugvik …)."""
    engine = demo_engine(sqlite_template, tmp_path_factory.mktemp("swaps"))
    factory = session_factory(engine)
    scheme_id = make_scheme(factory(), IN_TURN, import_vefsn=False)
    job = solve(factory(), scheme_id, actor=SYSTEM)
    arrange(factory(), job.roster_id)
    roster_service.publish(factory(), actor=SYSTEM, roster_id=job.roster_id)
    with serve(engine, "swap-server") as server:
        yield server, job.roster_id


def _page(browser: Browser, server: LiveServer, email: str, **options) -> Page:
    context = browser.new_context(base_url=server.url, locale="nb-NO", **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, next(login for login in DEMO_LOGINS if login.email == email))
    page.wait_for_load_state()
    return page


def assert_fits_and_is_labelled(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url
    assert page.evaluate(LABELLED) == [], page.url


def test_a_gp_proposes_a_swap_the_colleague_accepts_the_municipality_approves_and_the_gp_sees_it(
    browser: Browser, swap_server
):
    server, roster_id = swap_server
    lege = _page(browser, server, "lege@vefsn.example", viewport=PHONE)
    expect(lege.get_by_role("heading", name="Mine neste vakter")).to_be_visible()
    assert_fits_and_is_labelled(lege)
    lege.goto("/mine-vakter?maaned=2027-03")
    assert_fits_and_is_labelled(lege)
    lege.get_by_role("link", name="Tilby, gi bort eller bytt vakten 1. mars 2027").click()
    assert_fits_and_is_labelled(lege)
    theirs = "Ingrid Haugvik: Hverdagsvakt tirsdag 2. mars 2027"
    lege.get_by_label("Vakten du får i bytte").select_option(label=theirs)
    lege.get_by_role("button", name="Foreslå byttet").click()
    expect(lege.get_by_role("status")).to_contain_text("Venter på kollegaen")

    lege2 = _page(browser, server, "lege2@vefsn.example", viewport=PHONE)
    lege2.goto("/mine-vakter")
    assert_fits_and_is_labelled(lege2)
    lege2.get_by_role("button", name="Godta byttet").click()
    expect(lege2.get_by_role("status")).to_contain_text("Du har godtatt byttet")

    kol = _page(browser, server, demo_login("1824").email)
    kol.goto(f"/vaktlister/{roster_id}")
    expect(kol.get_by_role("heading", name="Vaktbytter som venter på godkjenning (1)")).to_be_visible()
    kol.get_by_role("link", name="Godkjenn eller avvis").click()
    kol.get_by_role("button", name="Ja, godkjenn byttet").click()
    expect(kol.get_by_role("status")).to_contain_text("Byttet er godkjent (LV-SWAP)")
    expect(kol.get_by_role("heading", name="Endringer fra versjon 1 (2)")).to_be_visible()

    lege.goto("/mine-vakter?maaned=2027-03")
    shifts = lege.get_by_role("list", name="Vaktene dine i mars 2027").get_by_role("listitem")
    expect(shifts.filter(has_text="tirsdag 2. mars 2027")).to_contain_text("vaktliste versjon 2")
    expect(shifts.filter(has_text="mandag 1. mars 2027")).to_have_count(0)
    expect(lege.get_by_role("listitem").filter(has_text="Godkjent")).to_have_count(1)
    assert_fits_and_is_labelled(lege)
