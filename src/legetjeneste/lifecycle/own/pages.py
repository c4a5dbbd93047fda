"""Min side's own life-cycle requests: a form, the check of what sending would do (the confirmation step,
with the notice's consequence and end date), and sending it. A refusal shows the rule that refused."""

from fastapi import APIRouter, Request

from legetjeneste.errors import Conflict, Forbidden, NotFound, RuleViolation, ValidationFailed
from legetjeneste.lifecycle.own import service
from legetjeneste.lifecycle.own.schemas import REQUEST_SHAPES
from legetjeneste.norwegian import day_text
from legetjeneste.web.deps import ActorDep, FormDep, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)

FIELD_LABELS = {
    "agreement_id": "Fastlegeavtale",
    "kind": "Type sak",
    "ground": "Grunn",
    "effective_from": "Skal gjelde fra",
    "listetak": "Listetak",
    "successor": "Etterfølger",
    "start_date": "Nedtrappingen begynner",
    "until": "Nedtrappingen slutter",
    "disability_percent": "Varig uførhet",
    "list_length": "Listelengde",
    "same_office": "Samme legesenter",
    "text": "Merknad",
}
CHECKBOXES = ("same_office",)
Refusal = ValidationFailed | RuleViolation | Conflict | Forbidden


def _kind(kind: str) -> str:
    if kind not in REQUEST_SHAPES:
        raise NotFound("Siden finnes ikke.")
    return kind


def _form_page(request, session, actor, kind, *, values=None, error: Refusal | None = None):
    context = {
        "kind": kind,
        "own": service.request_options(session, actor=actor),
        "preview": None,
        **failure_context(error, values, FIELD_LABELS),
    }
    return render(
        request, "lifecycle/own_request.html", context, actor=actor, status_code=422 if error else 200
    )


def _parsed(kind: str, values: dict):
    return parse_form(REQUEST_SHAPES[kind], values, checkboxes=CHECKBOXES if kind == "deleliste" else ())


@router.get("/min-side/saker/{kind}")
def request_form(request: Request, kind: str, session: SessionDep, actor: ActorDep):
    """The form, prefilled from the query's fields: a duty order offers its list reduction as a link with the
    proposed listetak (DUTY-LIST-REDUCTION)."""
    prefill = {name: value for name, value in request.query_params.items() if name in FIELD_LABELS}
    return _form_page(request, session, actor, _kind(kind), values=prefill)


@router.post("/min-side/saker/{kind}")
def check_request(request: Request, kind: str, session: SessionDep, actor: ActorDep, form: FormDep):
    kind = _kind(kind)
    values = form_values(form)
    try:
        preview = service.check_request(session, actor=actor, kind=kind, request=_parsed(kind, values))
    except (ValidationFailed, RuleViolation, Conflict) as error:
        return _form_page(request, session, actor, kind, values=values, error=error)
    context = {"kind": kind, "preview": preview, "values": values}
    return render(request, "lifecycle/own_request.html", context, actor=actor)


@router.post("/min-side/saker/{kind}/send")
def send_request(request: Request, kind: str, session: SessionDep, actor: ActorDep, form: FormDep):
    kind = _kind(kind)
    values = form_values(form)
    try:
        saved = service.send_request(session, actor=actor, kind=kind, request=_parsed(kind, values))
    except (ValidationFailed, RuleViolation, Conflict) as error:
        return _form_page(request, session, actor, kind, values=values, error=error)
    lines = [
        f"{c.rule_id}: {c.text} – frist {day_text(c.due_date)}" for c in saved.clocks if c.closed_on is None
    ]
    title = f"Sak {saved.id} er sendt til kommunen: {saved.title}."
    return redirect_with_message(request, "/min-side#mine-saker", title, lines)
