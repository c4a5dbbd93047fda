"""The kommuneoverlege's page of the letters waiting for the post, `/kommuner/{nr}/innbyggere/brev`: the list,
the batch as a PDF, and «Marker som sendt» after a confirmation (what is marked cannot be unmarked)."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from legetjeneste.citizens.letters.post import service
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.web.deps import ActorDep, FormDep, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
LABELS = {"up_to": "Brevene", "confirmed": "Bekreftelse", "": ""}
CONFIRM = "Bekreft at brevene er skrevet ut og sendt før du markerer dem som sendt."


def _page(request: Request, session, actor, number: str, *, error=None, values=None):
    batch = service.post_letters(session, actor=actor, municipality_number=number)
    context = {"number": number, "batch": batch, **failure_context(error, values, LABELS, form="sendt")}
    status = 422 if error else 200
    return render(request, "citizens/letters/post.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}/innbyggere/brev")
def post_page(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor, number)


@router.get("/kommuner/{number}/innbyggere/brev.pdf")
def post_pdf(number: Number, session: SessionDep, actor: ActorDep, til: int | None = None):
    name, content = service.batch_pdf(session, actor=actor, municipality_number=number, up_to=til)
    headers = {"Cache-Control": "no-store", "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.post("/kommuner/{number}/innbyggere/brev/sendt")
def mark_sent(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        if values.get("confirmed") != "ja":
            raise ValidationFailed([Problem("confirmed", CONFIRM)])
        text = values.get("up_to", "")
        up_to = int(text) if text.isdigit() else None
        done = service.mark_sent(session, actor=actor, municipality_number=number, up_to=up_to)
    except DomainError as error:
        if error.status_code in (401, 403, 404) and not isinstance(error, ValidationFailed):
            raise
        return _page(request, session, actor, number, error=error, values=values)
    title = f"{done.count} brev er markert som sendt."
    return redirect_with_message(request, f"/kommuner/{number}/innbyggere/brev", title)
