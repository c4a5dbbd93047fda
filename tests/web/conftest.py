import re

import pytest
from fastapi.testclient import TestClient

from legetjeneste import demo as demo_data
from legetjeneste.main import create_app

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    return CSRF.search(html).group(1)


@pytest.fixture
def browser_client(engine, open_session):
    """A logged-out client on an app with the demo data loaded."""
    demo_data.load_demo(open_session())
    with TestClient(
        create_app(engine=engine, secret_key="test-secret"), raise_server_exceptions=False
    ) as client:
        yield client


def log_in(client: TestClient, email: str, password: str, target: str = "/"):
    page = client.get("/logg-inn")
    return client.post(
        "/logg-inn",
        data={"email": email, "password": password, "csrf_token": csrf_of(page.text), "neste": target},
    )


@pytest.fixture
def vefsn_client(browser_client):
    log_in(browser_client, "kommuneoverlege@vefsn.example", "vefsn-demo")
    return browser_client
