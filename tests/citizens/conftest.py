"""The citizen register's page tests: an app on the test's database whose clock for switches is the
tests' day, and whose actor a test sets (`support.act_as`)."""

from datetime import date

import pytest
from fastapi.testclient import TestClient

from legetjeneste.citizens.switching import service as switching
from legetjeneste.main import create_app

DAY = date(2027, 3, 10)


@pytest.fixture
def client(engine, open_session, monkeypatch):
    monkeypatch.setattr(switching, "today_oslo", lambda: DAY)
    app = create_app(engine=engine, secret_key="test")
    with TestClient(app, raise_server_exceptions=False) as made:
        made.app_state = app
        yield made
