import pytest

from tests.support import import_demo


@pytest.fixture
def demo(session):
    import_demo(session)
    return session
