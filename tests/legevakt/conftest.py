"""The API's client and tokens, the pages' logged-in clients and the demo data, for the legevakt tests
(browser tests live in tests/browser, where one session-wide Chromium serves them all)."""

import pytest

from tests.api.conftest import app, client, tokens  # noqa: F401  (fixtures)
from tests.support import import_demo
from tests.web.conftest import browser_client, vefsn_client  # noqa: F401  (fixtures)


@pytest.fixture
def demo(session):
    """The demo data in the test database; the session to use."""
    import_demo(session)
    return session
