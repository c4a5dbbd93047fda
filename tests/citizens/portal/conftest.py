"""The web tests' logged-out client on the demo, for the pages of this package (the shared browser is
tests/conftest.py's)."""

from tests.web.conftest import browser_client, csrf_of  # noqa: F401
