"""The citizen register's page and API handlers run in the thread pool: a handler that is an `async def` and
calls a synchronous service blocks the server's event loop while its transaction waits for SQLite's write
lock. Only the login through the identity provider awaits authlib's async client (and hands its database
work to the thread pool), so it stays `async`."""

import importlib
import inspect

from legetjeneste.citizens.feature import FEATURE

AWAITS_THE_PROVIDER = ["log_in", "logged_in"]  # portal/pages.py: authlib's authorize_redirect, its token


def test_every_citizens_handler_but_the_logins_to_the_provider_runs_in_the_thread_pool():
    handlers = [
        route.endpoint
        for module in FEATURE.routers
        for route in importlib.import_module(module).router.routes
    ]
    assert len(handlers) > 30
    assert [h.__qualname__ for h in handlers if inspect.iscoroutinefunction(h)] == AWAITS_THE_PROVIDER
