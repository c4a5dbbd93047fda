import pytest

from tests.support import import_demo


@pytest.fixture
def demo(session):
    """The demo municipalities in the test database; the session to use."""
    import_demo(session)
    return session
