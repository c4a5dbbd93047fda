"""The pages' logged-in clients for the planning tests."""

from tests.web.conftest import browser_client, vefsn_client  # noqa: F401  (fixtures)
