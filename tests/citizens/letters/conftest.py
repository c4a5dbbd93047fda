"""The web tests' logged-out client on the demo, for the pages of this package."""

from tests.web.conftest import browser_client  # noqa: F401
