"""Pages of decisions: the letter (/vedtak/{id}) with its PDF, the party's appeal, and the deciding body's
handling of it, confirmed before it is stored."""

from fastapi import APIRouter, Request, Response

from legetjeneste.decisions import service
from legetjeneste.decisions.appeals import service as appeal_service
from legetjeneste.decisions.schemas import AppealCreate, AppealHandle
from legetjeneste.errors import Conflict, RuleViolation, ValidationFailed
from legetjeneste.web.confirm import is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {"text": "Klage", "outcome": "Behandling", "reasons": "Begrunnelse", "weighing": "Vektlegging"}
REFUSED = (ValidationFailed, RuleViolation, Conflict)


def _page(request, session, actor, decision_id, *, error=None, values=None, form=None, confirm=False):
    found = appeal_service.decision_page(session, actor=actor, decision_id=decision_id)
    context = {**found, **failure_context(error, values, FIELD_LABELS, form=form), "confirm": confirm}
    status = 422 if error else 200
    return render(request, "decisions/letter.html", context, actor=actor, status_code=status)


@router.get("/kommuner/{number}/vedtak")
def decisions(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    found = service.municipality_decisions(session, actor=actor, municipality_number=number)
    return render(request, "decisions/list.html", {"number": number, "rows": found}, actor=actor)


@router.get("/vedtak/{decision_id}.pdf")
def letter_pdf(decision_id: Id, session: SessionDep, actor: ActorDep):
    name, content = service.letter_pdf(session, actor=actor, decision_id=decision_id)
    headers = {"Cache-Control": "no-store", "Content-Disposition": f'inline; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


@router.get("/vedtak/{decision_id}")
def letter(request: Request, decision_id: Id, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor, decision_id)


@router.post("/vedtak/{decision_id}/klage")
def appeal(request: Request, decision_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(AppealCreate, values)
        appeal_service.appeal(session, actor=actor, decision_id=decision_id, data=data)
    except REFUSED as error:
        return _page(request, session, actor, decision_id, error=error, values=values, form="appeal")
    title = "Klagen er mottatt. Kommunen vurderer først om vedtaket skal omgjøres (DEC-APPEAL)."
    return redirect_with_message(request, f"/vedtak/{decision_id}", title)


@router.post("/vedtak/{decision_id}/klagebehandling")
def handle_appeal(request: Request, decision_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """First the choice, then its confirmation (it cannot be undone): only a confirmed form is stored."""
    values = form_values(form)
    try:
        data = parse_form(AppealHandle, {k: v for k, v in values.items() if k != "confirmed"})
        if not is_confirmed(values.get("confirmed")):
            options = appeal_service.decision_page(session, actor=actor, decision_id=decision_id)["options"]
            appeal_service.check_handling(options, data)
            return _page(request, session, actor, decision_id, values=values, form="handle", confirm=True)
        standing = appeal_service.handle(session, actor=actor, decision_id=decision_id, data=data)
    except REFUSED as error:
        return _page(request, session, actor, decision_id, error=error, values=values, form="handle")
    if standing.id != decision_id:
        title = f"Vedtaket er omgjort. Det nye vedtaket har saksnummer {standing.case_number}."
    else:
        title = f"Klagen er sendt til {standing.appeal_body}."
    return redirect_with_message(request, f"/vedtak/{standing.id}", title)
