"""The test kinds of tests/jobs/kinds.py, registered for each test and removed after it."""

import pytest

from legetjeneste.jobs import kinds
from legetjeneste.jobs.kinds import Kind
from tests.jobs import kinds as test_kinds

NAMES = ("echo", "refuse", "crash", "interrupt", "overrun", "silent", "hold")


@pytest.fixture(autouse=True)
def registered_test_kinds():
    for name in NAMES:
        kinds.register(
            f"test.{name}", Kind(run=f"tests.jobs.kinds:{name}", stopped="tests.jobs.kinds:stopped")
        )
    test_kinds.given_up.clear()
    test_kinds.release.clear()
    yield
    test_kinds.release.set()
    for name in NAMES:
        kinds.KINDS.pop(f"test.{name}", None)
