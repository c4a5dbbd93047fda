import pytest
from fastapi.testclient import TestClient

from legetjeneste.auth import service as auth_service
from legetjeneste.main import create_app
from tests.support import import_demo


@pytest.fixture
def app(engine):
    return create_app(engine=engine, secret_key="test-secret")


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def tokens(open_session):
    """Demo municipalities and a bearer token per role we need."""
    session = open_session()
    import_demo(session)
    made = {}
    for name, role, municipality in (
        ("vefsn", "kommuneoverlege", "1824"),
        ("kragero", "kommuneoverlege", "4014"),
        ("vefsn_doctor", "doctor", "1824"),
        ("admin", "admin", None),
        ("vefsn_admin", "municipality_admin", "1824"),
    ):
        _, made[name] = auth_service.add_user(
            session,
            email=f"{name}@test.example",
            role=role,
            municipality_number=municipality,
            with_token=True,
        )
    return made


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
