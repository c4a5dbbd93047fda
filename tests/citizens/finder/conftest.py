"""A logged-out client on the demo (from the test snapshot, tests/support.py), for the finder's pages."""

import pytest
from fastapi.testclient import TestClient

from legetjeneste.main import create_app
from tests.support import load_demo


@pytest.fixture
def visitor(engine, open_session):
    load_demo(open_session())
    with TestClient(
        create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False
    ) as client:
        yield client
