"""JSON API for files: import of a municipality file, its export, and Helfo's monthly list."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request

from legetjeneste.municipality_file import service as file_service
from legetjeneste.web.deps import ActorDep, Month, Number, SessionDep

router = APIRouter(prefix="/api/v1", tags=["files"])


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
async def import_helfo_monthly_list(
    number: Number,
    month: Month,
    request: Request,
    session: SessionDep,
    actor: ActorDep,
):
    text = (await request.body()).decode("utf-8", errors="replace")
    return file_service.import_helfo_monthly_list(
        session, actor=actor, municipality_number=number, month=month, text=text
    )
