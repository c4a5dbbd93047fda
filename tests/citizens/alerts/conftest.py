"""The web tests' logged-out client on the demo, for the alert pages."""

from tests.web.conftest import browser_client  # noqa: F401  (fixture)
