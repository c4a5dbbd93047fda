"""The API's client and tokens and the pages' logged-in clients for the planning tests."""

from tests.api.conftest import app, client, tokens  # noqa: F401  (fixtures)
from tests.web.conftest import browser_client, vefsn_client  # noqa: F401  (fixtures)
