"""JSON API for files: import of a municipality file, its export, and Helfo's monthly list."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request

from legetjeneste.municipality_file import service as file_service
from legetjeneste.web.deps import ActorDep, Month, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["files"])


async def _body_text(request: Request) -> str:
    """The request's body as text, read before the handler runs: the handler is a plain `def` (FastAPI's
    thread pool), so the import's transaction never blocks the event loop."""
    return (await request.body()).decode("utf-8", errors="replace")


@router.get("/municipalities/{number}/export")
def export_municipality(number: Number, session: SessionDep, actor: ActorDep):
    return file_service.export_municipality_file(session, actor=actor, municipality_number=number)


@router.post("/municipality-files")
def import_municipality_file(document: Annotated[Any, Body()], session: SessionDep, actor: ActorDep):
    return file_service.import_municipality_file(session, actor=actor, document=document, source="api")


@router.post(
    "/municipalities/{number}/helfo-monthly-lists/{month}",
    openapi_extra={"requestBody": {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def import_helfo_monthly_list(
    number: Number,
    month: Month,
    session: SessionDep,
    actor: ActorDep,
    text: Annotated[str, Depends(_body_text)],
):
    return file_service.import_helfo_monthly_list(
        session, actor=actor, municipality_number=number, month=month, text=text
    )
