"""An app with the breach case routers, for the API and page tests of AGR-BREACH."""

from fastapi import FastAPI

from legetjeneste.main import create_app
from legetjeneste.payments import breach_pages, breach_router


def breach_app(engine) -> FastAPI:
    """create_app's app, with the breach routers added when create_app does not have them yet."""
    app = create_app(engine=engine, secret_key="test-secret")
    paths = {getattr(route, "path", None) for route in app.routes}
    if "/api/v1/breach-cases/{case_id}" not in paths:
        app.include_router(breach_router.router)
    if "/mislighold/{case_id}" not in paths:
        app.include_router(breach_pages.router)
    return app
