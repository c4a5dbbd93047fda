"""create_app(): the error handlers, every feature's routers and pages in the features' order, and the
in-process job worker for the app's lifetime."""

import importlib

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.middleware.sessions import SessionMiddleware

from legetjeneste.db import get_engine, session_factory
from legetjeneste.features import features
from legetjeneste.jobs import worker as jobs_worker
from legetjeneste.settings import get_settings
from legetjeneste.web import errors, openapi
from legetjeneste.web.limits import BodyLimit
from legetjeneste.web.security import SecurityHeaders


def create_app(*, engine: Engine | None = None, secret_key: str | None = None) -> FastAPI:
    settings = get_settings()
    engine = engine or get_engine()
    app = FastAPI(
        title="legetjeneste",
        description="Kommunens legetjeneste: register over legekontor, leger, fastlegeavtaler og lister.",
        version="0.1.0",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
        lifespan=jobs_worker.lifespan(engine),
    )
    app.state.sessionmaker = session_factory(engine)
    # The signed cookie holds the session key and the CSRF token; the session itself is a row
    # (auth/sessions). HttpOnly and SameSite=Lax here; Secure over HTTPS (web/security.py).
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or settings.resolved_secret_key(),
        session_cookie="legetjeneste_session",
        max_age=settings.session_lifetime_seconds,
        same_site="lax",
    )
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # the outermost: every answer, refusals too, gets the headers
    errors.install(app)
    openapi.install(app)
    for feature in features():
        for module in feature.routers:
            app.include_router(importlib.import_module(module).router)
    return app
