"""Real-browser tests: a live server on the demo data, driven by Debian's Chromium through Playwright.

Never `playwright install`: the browser is the system's `chromium`. Without it the tests are skipped,
except with CI=true, where they fail.
"""

import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from sqlalchemy import Engine

from legetjeneste.db import make_engine, session_factory
from legetjeneste.demo import DEMO_LOGINS, DemoLogin, load_demo
from legetjeneste.main import create_app
from tests.conftest import CHROMIUM, skip_or_fail

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 15
TIMEOUT_MS = 10_000
# An assertion about what a write shows waits up to 30 s: in the full suite on a 2-core machine the other
# xdist worker's 50-client race tests starve the test server for longer than Playwright's 5 s default (the
# hjemfall step of test_lifecycle timed out at 10 s twice). A passing assertion returns at once; only a real
# failure takes the full time to report.
EXPECT_TIMEOUT_MS = 30_000
expect.set_options(timeout=EXPECT_TIMEOUT_MS)


@dataclass(frozen=True)
class LiveServer:
    url: str

    def at(self, path: str) -> str:
        return self.url + path


def demo_login(municipality_number: str | None) -> DemoLogin:
    return next(login for login in DEMO_LOGINS if login.municipality_number == municipality_number)


def _free_socket() -> socket.socket:
    """A bound socket handed to uvicorn, so no other process can take the port in between."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def _wait_until_healthy(url: str, server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError("The test server stopped while starting; see the log above.")
        if server.started:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
        time.sleep(0.05)
    raise RuntimeError(f"The test server did not answer /healthz within {STARTUP_SECONDS} s.")


def demo_engine(sqlite_template: Path, directory: Path) -> Engine:
    """A SQLite database of its own with the demo data: a copy of the session's migrated template."""
    path = directory / "legetjeneste.db"
    shutil.copyfile(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with session_factory(engine)() as session:
        load_demo(session)
    return engine


@contextmanager
def serve(engine: Engine, name: str) -> Iterator[LiveServer]:
    """The app on this engine, served by uvicorn in a thread until the block ends; the engine is disposed."""
    app = create_app(engine=engine, secret_key="test")
    sock = _free_socket()
    host, port = sock.getsockname()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    url = f"http://{host}:{port}"
    try:
        _wait_until_healthy(url, server, thread)
        yield LiveServer(url)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        engine.dispose()


@pytest.fixture(scope="session")
def live_server(sqlite_template, tmp_path_factory) -> Iterator[LiveServer]:
    """The app on a migrated SQLite database with the demo data, served by uvicorn in a thread."""
    with serve(demo_engine(sqlite_template, tmp_path_factory.mktemp("browser")), "live-server") as server:
        yield server


def launch_browser() -> Iterator[Browser]:
    """Chromium through Playwright until the generator is closed: the session fixture `browser` in
    tests/conftest.py, defined there once for every directory (a second sync Playwright cannot start in the
    same thread, so two definitions of the fixture in one worker would fail)."""
    executable = CHROMIUM
    if executable is None:
        skip_or_fail("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_context(browser: Browser, live_server: LiveServer, **options) -> BrowserContext:
    context = browser.new_context(base_url=live_server.url, locale="nb-NO", **options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A fresh page, not logged in."""
    context = _new_context(browser, live_server)
    yield context.new_page()
    context.close()


def log_in(page: Page, login: DemoLogin) -> None:
    page.goto("/logg-inn")
    page.get_by_label("E-postadresse").fill(login.email)
    page.get_by_label("Passord").fill(login.password)
    page.get_by_role("button", name="Logg inn").click()


@pytest.fixture(scope="session")
def vefsn_storage_state(browser: Browser, live_server: LiveServer) -> dict:
    """The Vefsn kommuneoverlege's session cookie, from one login through the form."""
    context = _new_context(browser, live_server)
    page = context.new_page()
    log_in(page, demo_login("1824"))
    page.wait_for_url("**/kommuner/1824")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def vefsn_page(browser: Browser, live_server: LiveServer, vefsn_storage_state: dict) -> Iterator[Page]:
    """A page logged in as Vefsn's kommuneoverlege."""
    context = _new_context(browser, live_server, storage_state=vefsn_storage_state)
    yield context.new_page()
    context.close()
