"""The web tests' logged-out client on the demo and the shared browser, for the pages of this package."""

from tests.browser.conftest import browser  # noqa: F401
from tests.web.conftest import browser_client, csrf_of  # noqa: F401
