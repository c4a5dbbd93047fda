"""What the committees declare: every handler of their pages and API is a plain `def`, which FastAPI runs in
its thread pool, so a transaction waiting for SQLite's write lock never blocks the server's event loop (a
convene form once did, in CI)."""

import importlib
import inspect

from legetjeneste.committees.feature import FEATURE


def test_every_committee_handler_runs_in_the_thread_pool_not_on_the_event_loop():
    handlers = [
        route.endpoint
        for module in FEATURE.routers
        for route in importlib.import_module(module).router.routes
    ]
    assert len(handlers) > 20
    assert [h.__qualname__ for h in handlers if inspect.iscoroutinefunction(h)] == []
