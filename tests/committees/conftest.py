import pytest

from tests.notices.conftest import smtp, smtp_server  # noqa: F401  (a real SMTP server, for test_email)
from tests.support import load_demo


@pytest.fixture
def demo(session):
    """The demo municipalities with the demo users in the test database; the session to use."""
    load_demo(session)
    return session
