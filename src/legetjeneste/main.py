"""create_app(): routers, pages and error handlers — nothing else."""

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.middleware.sessions import SessionMiddleware

from legetjeneste.absence import pages as absence_pages
from legetjeneste.absence import router as absence_router
from legetjeneste.absence.panel import pages as panel_pages
from legetjeneste.absence.panel import router as panel_router
from legetjeneste.absence.vacation import pages as vacation_pages
from legetjeneste.absence.vacation import router as vacation_router
from legetjeneste.agreement import router as parameters_router
from legetjeneste.audit import router as audit_router
from legetjeneste.auth import pages as auth_pages
from legetjeneste.db import get_engine, session_factory
from legetjeneste.legevakt import pages as legevakt_pages
from legetjeneste.legevakt import router as legevakt_router
from legetjeneste.legevakt.rosters import pages as roster_pages
from legetjeneste.legevakt.rosters import router as roster_router
from legetjeneste.legevakt.schemes import pages as scheme_pages
from legetjeneste.lifecycle import pages as lifecycle_pages
from legetjeneste.lifecycle import router as lifecycle_router
from legetjeneste.municipality_file import pages as file_pages
from legetjeneste.municipality_file import router as file_router
from legetjeneste.notices import pages as notices_pages
from legetjeneste.notices import router as notices_router
from legetjeneste.payments.breach import pages as breach_pages
from legetjeneste.payments.breach import router as breach_router
from legetjeneste.payments.runs import pages as payments_pages
from legetjeneste.payments.runs import router as payments_router
from legetjeneste.planning import pages as planning_pages
from legetjeneste.planning import router as planning_router
from legetjeneste.registry import pages as registry_pages
from legetjeneste.registry import router as registry_router
from legetjeneste.settings import get_settings
from legetjeneste.web import errors, health, static


def create_app(*, engine: Engine | None = None, secret_key: str | None = None) -> FastAPI:
    settings = get_settings()
    app = FastAPI(
        title="legetjeneste",
        description="Kommunens legetjeneste: register over legekontor, leger, fastlegeavtaler og lister.",
        version="0.1.0",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.sessionmaker = session_factory(engine or get_engine())
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or settings.resolved_secret_key(),
        session_cookie="legetjeneste_session",
        max_age=settings.session_max_age_seconds,
        same_site="lax",
    )
    errors.install(app)
    for module in (
        health,
        static,
        registry_router,
        file_router,
        planning_router,
        audit_router,
        parameters_router,
        absence_router,
        panel_router,
        vacation_router,
        notices_router,
        breach_router,
        payments_router,
        lifecycle_router,
        legevakt_router,
        roster_router,
        auth_pages,
        registry_pages,
        file_pages,
        planning_pages,
        absence_pages,
        panel_pages,
        vacation_pages,
        notices_pages,
        breach_pages,
        payments_pages,
        lifecycle_pages,
        legevakt_pages,
        roster_pages,
        scheme_pages,
    ):
        app.include_router(module.router)
    return app
