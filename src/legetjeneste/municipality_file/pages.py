"""Pages for files: the import page (municipality file, Helfo's monthly list) and the export download."""

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from legetjeneste.auth.rules import Actor
from legetjeneste.errors import ValidationFailed
from legetjeneste.municipality_file import service as file_service
from legetjeneste.municipality_file.document import MAX_FILE_BYTES, read_document, text_of
from legetjeneste.municipality_file.format import dump_document
from legetjeneste.web.deps import ActorDep, Number, SessionDep
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/kommuner/{number}/eksport.yaml")
def export(number: Number, session: SessionDep, actor: ActorDep):
    document = file_service.export_municipality_file(session, actor=actor, municipality_number=number)
    headers = {"Content-Disposition": f'attachment; filename="kommune-{number}.yaml"'}
    return Response(dump_document(document), media_type="application/yaml; charset=utf-8", headers=headers)


@router.get("/import")
def import_form(request: Request, actor: ActorDep):
    return render(
        request, "municipality_file/import.html", {"report": None, "error": None, "kind": None}, actor=actor
    )


def _upload(upload: UploadFile) -> bytes:
    """The file's bytes, at most one more than the limit (document.text_of refuses a larger file). The
    upload is already received (spooled) before the handler runs; the handlers are plain `def`s, run in
    FastAPI's thread pool, so reading it and importing never block the event loop."""
    return upload.file.read(MAX_FILE_BYTES + 1)


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
    return render(request, "municipality_file/import.html", context, actor=actor, status_code=status)


@router.post("/import")
def import_file(request: Request, session: SessionDep, actor: ActorDep, file: Annotated[UploadFile, File()]):
    raw = _upload(file)
    filename = file.filename or ""

    def use_case() -> dict:
        document = read_document(raw, filename=filename)
        return file_service.import_municipality_file(session, actor=actor, document=document, source=filename)

    return _import_page(request, actor, kind="municipality", filename=filename, use_case=use_case)


@router.post("/import/helfo")
def import_helfo(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    file: Annotated[UploadFile, File()],
    month: Annotated[str, Form(max_length=7)],
    municipality: Annotated[str, Form(pattern=r"^\d{4}$")],
):
    raw = _upload(file)

    def use_case() -> dict:
        return file_service.import_helfo_monthly_list(
            session, actor=actor, municipality_number=municipality, month=month, text=text_of(raw)
        )

    return _import_page(request, actor, kind="helfo", filename=file.filename, use_case=use_case)
