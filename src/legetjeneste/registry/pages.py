"""HTML pages of the register: the municipality overview, office, doctor and agreement pages, import."""

from collections.abc import Callable
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.registry import agreement_service, file_service, service
from legetjeneste.registry.file_format import dump_document, load_document
from legetjeneste.web.deps import get_actor, get_session
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)
SessionDep = Annotated[Session, Depends(get_session)]
ActorDep = Annotated[Actor, Depends(get_actor)]
Id = Annotated[int, Path(ge=1, le=2_147_483_647)]
Number = Annotated[str, Path(pattern=r"^\d{4}$")]
OnDate = Annotated[date | None, Query(alias="dato")]
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@router.get("/")
def home(actor: ActorDep):
    target = f"/kommuner/{actor.municipality_number}" if actor.municipality_number else "/kommuner"
    return RedirectResponse(target, status_code=303)


@router.get("/kommuner")
def municipalities(request: Request, session: SessionDep, actor: ActorDep):
    found = service.list_municipalities(session, actor=actor)
    return render(request, "registry/municipalities.html", {"municipalities": found}, actor=actor)


@router.get("/kommuner/{number}")
def overview(request: Request, number: Number, session: SessionDep, actor: ActorDep, on: OnDate = None):
    data = service.overview(session, actor=actor, municipality_number=number, on=on)
    return render(request, "registry/overview.html", data, actor=actor)


@router.get("/kommuner/{number}/eksport.yaml")
def export(number: Number, session: SessionDep, actor: ActorDep):
    document = file_service.export_municipality_file(session, actor=actor, municipality_number=number)
    headers = {"Content-Disposition": f'attachment; filename="kommune-{number}.yaml"'}
    return Response(dump_document(document), media_type="application/yaml; charset=utf-8", headers=headers)


@router.get("/kontorer/{office_id}")
def office(request: Request, office_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    data = agreement_service.office_details(session, actor=actor, office_id=office_id, on=on)
    return render(request, "registry/office.html", data, actor=actor)


@router.get("/leger/{doctor_id}")
def doctor(request: Request, doctor_id: Id, session: SessionDep, actor: ActorDep):
    data = agreement_service.doctor_details(session, actor=actor, doctor_id=doctor_id)
    return render(request, "registry/doctor.html", data, actor=actor)


@router.get("/avtaler/{agreement_id}")
def agreement(request: Request, agreement_id: Id, session: SessionDep, actor: ActorDep, on: OnDate = None):
    data = agreement_service.agreement_details(session, actor=actor, agreement_id=agreement_id, on=on)
    return render(request, "registry/agreement.html", data, actor=actor)


@router.get("/import")
def import_form(request: Request, actor: ActorDep):
    return render(request, "registry/import.html", {"report": None, "error": None, "kind": None}, actor=actor)


async def _upload_text(upload: UploadFile) -> str:
    content = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationFailed([Problem("file", "filen er større enn 20 MB")])
    return content.decode("utf-8-sig", errors="replace")


def _import_page(
    request: Request, actor: Actor, *, kind: str, filename: str | None, use_case: Callable[[], dict]
) -> HTMLResponse:
    """The import page with the report, or with every problem (422) when nothing was stored."""
    report, error, status = None, None, 200
    try:
        report = use_case()
    except ValidationFailed as failure:
        error, status = failure, 422
    context = {"report": report, "error": error, "kind": kind, "filename": filename}
    return render(request, "registry/import.html", context, actor=actor, status_code=status)


@router.post("/import")
async def import_file(
    request: Request, session: SessionDep, actor: ActorDep, file: Annotated[UploadFile, File()]
):
    text = await _upload_text(file)
    filename = file.filename or ""

    def use_case() -> dict:
        document = load_document(text, filename=filename)
        return file_service.import_municipality_file(session, actor=actor, document=document, source=filename)

    return await run_in_threadpool(
        _import_page, request, actor, kind="municipality", filename=filename, use_case=use_case
    )


@router.post("/import/helfo")
async def import_helfo(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    file: Annotated[UploadFile, File()],
    month: Annotated[str, Form(max_length=7)],
    municipality: Annotated[str, Form(pattern=r"^\d{4}$")],
):
    text = await _upload_text(file)

    def use_case() -> dict:
        return file_service.import_helfo_monthly_list(
            session, actor=actor, municipality_number=municipality, month=month, text=text
        )

    return await run_in_threadpool(
        _import_page, request, actor, kind="helfo", filename=file.filename, use_case=use_case
    )
