"""The one place that maps errors to HTTP: JSON under /api, an HTML page elsewhere; never a bare 500."""

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from legetjeneste.errors import (
    Conflict,
    DomainError,
    NotAuthenticated,
    NotFound,
    Problem,
    SessionExpired,
    TooManyAttempts,
    ValidationFailed,
)
from legetjeneste.validation import problems_from
from legetjeneste.web.templating import templates

log = logging.getLogger(__name__)

UNSTORABLE = Problem("", "en verdi kan ikke lagres (for lang, ugyldige tegn eller utenfor tillatt område)")
UNREADABLE = Problem("body", "kan ikke leses (ikke gyldig JSON, UTF-8 eller skjemadata)")
HTTP_MESSAGES = {
    404: "Siden eller ressursen finnes ikke.",
    405: "Metoden er ikke tillatt her.",
    401: "Du må logge inn.",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


def _headers(error: DomainError) -> dict[str, str] | None:
    if error.status_code == 401:
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(error, TooManyAttempts):
        return {"Retry-After": str(error.retry_after)}
    return None


def render_error(request: Request, error: DomainError) -> Response:
    if _wants_json(request):
        body = {"detail": error.as_dict()}
        return JSONResponse(body, status_code=error.status_code, headers=_headers(error))
    if isinstance(error, NotAuthenticated):
        expired = "&utlopt=1" if isinstance(error, SessionExpired) else ""
        return RedirectResponse(f"/logg-inn?neste={quote(request.url.path)}{expired}", status_code=303)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"error": error, "actor": None, "csrf": None},
        status_code=error.status_code,
        headers=_headers(error),
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> Response:
        return render_error(request, error)

    @app.exception_handler(RequestValidationError)
    async def request_validation(request: Request, error: RequestValidationError) -> Response:
        problems = problems_from(list(error.errors()))
        return render_error(request, ValidationFailed(problems))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if error.status_code == 400:  # FastAPI or Starlette could not read the body: bad input, like bad JSON
            return render_error(request, ValidationFailed([UNREADABLE]))
        message = HTTP_MESSAGES.get(error.status_code, "Forespørselen kunne ikke behandles.")
        domain = NotFound(message) if error.status_code == 404 else DomainError(message)
        domain.status_code = error.status_code
        return render_error(request, domain)

    @app.exception_handler(DataError)
    async def data_error(request: Request, error: DataError) -> Response:
        log.warning("Database refused a value: %s", error)
        return render_error(request, ValidationFailed([UNSTORABLE]))

    @app.exception_handler(IntegrityError)
    async def integrity_error(request: Request, error: IntegrityError) -> Response:
        log.warning("Database integrity: %s", error)
        return render_error(request, Conflict("Endringen kolliderer med data som allerede er registrert."))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("Unexpected error")
        domain = DomainError(
            "Det oppstod en uventet feil. Ingenting ble lagret. Prøv igjen, eller kontakt brukerstøtte."
        )
        domain.status_code = 500
        return render_error(request, domain)
