"""The citizen's pages for switching GP and the waiting list (CIT-SWITCH, CIT-WAIT): `/innbygger/bytt`
(?agreement=ID, and `for` a child under 16) and `/innbygger/venteliste`. The portal's pages link here."""

from fastapi import APIRouter, Request

from legetjeneste.citizens.switching import service
from legetjeneste.errors import DomainError, Forbidden, Problem, RuleViolation, ValidationFailed
from legetjeneste.web.deps import ActorDep, FormDep, SessionDep
from legetjeneste.web.forms import failure_context, form_values
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
LABELS = {"agreement": "Fastlege", "for": "Hvem gjelder det", "": ""}


def _optional(values: dict, name: str) -> int | None:
    return _number(values, name) if values.get(name, "") else None


def _number(values: dict, name: str) -> int:
    text = values.get(name, "")
    if not text.isdigit():
        raise ValidationFailed([Problem(name, "mangler eller er ikke et tall")])
    return int(text)


def _who(values: dict, actor) -> int:
    """The person acted for: `for` (a child under 16), else the citizen logged in."""
    found = _optional(values, "for") or actor.citizen_id
    if found is None:
        raise Forbidden("Bare en innlogget innbygger kan bytte fastlege her.")
    return found


def _about_the_choice(error: DomainError) -> DomainError:
    """A rule's refusal of a switch or a place on a waiting list (CIT-SWITCH, CIT-WAIT) is about the GP
    chosen: the problem of the field «Fastlege», with the rule's id and citation as a refusal by a rule shows
    them («(CIT-SWITCH, PBR § 6)»), which the error summary links to."""
    if isinstance(error, RuleViolation):
        rule = f"{error.rule_id}, {error.citation}" if error.citation else error.rule_id
        return ValidationFailed([Problem("agreement", error.message, rule)])
    return error


def _page(request, session, actor, template, *, values, error=None, form=None):
    page = service.switch_page(
        session,
        actor=actor,
        citizen_id=_optional(values, "for"),
        agreement_id=_optional(values, "agreement"),
    )
    context = {"page": page, **failure_context(error and _about_the_choice(error), values, LABELS, form=form)}
    return render(request, template, context, actor=actor, status_code=422 if error else 200)


@router.get("/innbygger/bytt")
def switch_form(request: Request, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor, "citizens/switch.html", values=dict(request.query_params))


@router.post("/innbygger/bytt")
def switch(request: Request, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        agreement_id = _number(values, "agreement")
        citizen_id = _who(values, actor)
        done = service.switch(session, actor=actor, citizen_id=citizen_id, agreement_id=agreement_id)
    except DomainError as error:
        if error.status_code in (401, 403, 404):
            raise
        return _page(request, session, actor, "citizens/switch.html", values=values, error=error, form="bytt")
    title = f"Byttet: {done.doctor_name} er fastlegen fra {done.effective_text}."
    lines = [
        f"Bytter i {done.effective.year}: {done.switches_this_year} av {done.max_switches} ({done.rule_id})."
    ]
    if done.children:
        lines.append(f"{len(done.children)} barn under 16 år følger med (CIT-CHILDREN).")
    return redirect_with_message(request, "/innbygger/bytt" + _for(values), title, lines)


def _for(values: dict) -> str:
    return f"?for={values['for']}" if values.get("for", "").isdigit() else ""


@router.get("/innbygger/venteliste")
def waiting_page(request: Request, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor, "citizens/waiting.html", values=dict(request.query_params))


@router.post("/innbygger/venteliste")
def waiting(request: Request, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        citizen_id = _who(values, actor)
        if values.get("action") == "leave":
            left = service.leave_waiting_list(session, actor=actor, citizen_id=citizen_id)
            title = f"Du står ikke lenger på ventelisten til {left.doctor_name}."
        else:
            agreement_id = _number(values, "agreement")
            joined = service.join_waiting_list(
                session, actor=actor, citizen_id=citizen_id, agreement_id=agreement_id
            )
            title = (
                f"Du står på ventelisten til {joined.doctor_name}: nummer {joined.position} av {joined.of}."
            )
    except DomainError as error:
        if error.status_code in (401, 403, 404) and not isinstance(error, ValidationFailed):
            raise
        return _page(
            request, session, actor, "citizens/waiting.html", values=values, error=error, form="vent"
        )
    return redirect_with_message(request, "/innbygger/venteliste" + _for(values), title)
