import pytest

from tests.support import import_demo
from tests.web.conftest import browser_client  # noqa: F401  (fixture)


@pytest.fixture
def demo(session):
    """The demo municipalities in the test database; the session to use."""
    import_demo(session)
    return session
