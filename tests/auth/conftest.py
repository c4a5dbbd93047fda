"""The HTTP fixtures of the page and API tests, for the login pages and the users' API."""

from tests.api.conftest import app, client, tokens  # noqa: F401  (fixtures)
from tests.web.conftest import browser_client, vefsn_client  # noqa: F401  (fixtures)
