"""/healthz: the service answers and its database does too."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

router = APIRouter()


@router.get(
    "/healthz",
    tags=["health"],
    responses={503: {"description": "Databasen svarer ikke", "content": {"application/json": {}}}},
)
def healthz(request: Request) -> JSONResponse:
    try:
        with request.app.state.sessionmaker() as session:
            session.execute(text("SELECT 1"))
    except Exception:
        return JSONResponse({"status": "feil", "database": "svarer ikke"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})
