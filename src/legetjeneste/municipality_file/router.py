"""JSON API for files: import of a municipality file, its export, and Helfo's monthly list."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Request
from sqlalchemy.orm import Session

from legetjeneste.auth.rules import Actor
from legetjeneste.municipality_file import service as file_service
from legetjeneste.web.deps import get_actor, get_session

router = APIRouter(prefix="/api/v1", tags=["files"])
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
Number = Annotated[str, Path(pattern=r"^\d{4}$")]


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
    month: Annotated[str, Path(pattern=r"^\d{4}-\d{2}$")],
    request: Request,
    session: SessionDep,
    actor: ActorDep,
):
    text = (await request.body()).decode("utf-8", errors="replace")
    return file_service.import_helfo_monthly_list(
        session, actor=actor, municipality_number=number, month=month, text=text
    )
