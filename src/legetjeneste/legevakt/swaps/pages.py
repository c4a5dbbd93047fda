"""Pages of swaps (LV-SWAP): the form to offer, hand over or swap one's own shift; accepting, declining and
withdrawing (asked first); the municipality's confirmation before approving (a new version cannot be
undone), refusing, and the scheme's setting for automatic approval. A refusal shows the rule that breaks."""

from fastapi import APIRouter, Request

from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.legevakt.swaps import service
from legetjeneste.legevakt.swaps.decisions import service as decisions
from legetjeneste.legevakt.swaps.schemas import AutomaticSetting, SwapAnswer, SwapCreate
from legetjeneste.web import forms
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, SessionDep
from legetjeneste.web.forms import form_values, problem_lines
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {
    "kind": "Hva du vil gjøre",
    "shift_id": "Vakten",
    "colleague_id": "Kollega",
    "their_shift_id": "Vakten du får i bytte",
    "reason": "Begrunnelse",
    "message": "Melding",
    "": "Byttet",
}
MY_SHIFTS = "/mine-vakter"


def _refused(request: Request, actor, error: DomainError, back: str):
    if error.status_code in (403, 404):
        raise error
    context = {"problems": problem_lines(error, FIELD_LABELS), "back": back}
    return render(request, "legevakt/swaps/refused.html", context, actor=actor, status_code=error.status_code)


def _form_page(request, session, actor, assignment_id: int, *, error=None, values=None):
    context = service.choices(session, actor=actor, assignment_id=assignment_id)
    context |= {"problems": problem_lines(error, FIELD_LABELS) if error else [], "values": values or {}}
    status = error.status_code if error else 200
    return render(request, "legevakt/swaps/form.html", context, actor=actor, status_code=status)


@router.get("/mine-vakter/vakter/{assignment_id}")
def swap_form(request: Request, assignment_id: Id, session: SessionDep, actor: ActorDep):
    return _form_page(request, session, actor, assignment_id)


@router.post("/mine-vakter/vakter/{assignment_id}")
def propose(request: Request, assignment_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    fields = {
        k: v for k, v in values.items() if k in ("kind", "colleague_id", "their_shift_id", "message") and v
    }
    try:
        data = forms.validate(SwapCreate, {**fields, "shift_id": assignment_id})
        found = service.propose(session, actor=actor, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _form_page(request, session, actor, assignment_id, error=error, values=values)
    return redirect_with_message(request, f"{MY_SHIFTS}?maaned={found.shift.date:%Y-%m}", f"{found.summary}.",
                                 [found.status_label + "."])  # fmt: skip


def _answer(request, actor, action, success: str):
    try:
        found = action()
    except DomainError as error:
        return _refused(request, actor, error, MY_SHIFTS)
    return redirect_with_message(
        request, MY_SHIFTS, success, [f"{found.summary}: {found.status_label.lower()}."]
    )


@router.post("/bytter/{swap_id}/godta")
def accept(request: Request, swap_id: Id, session: SessionDep, actor: ActorDep):
    return _answer(
        request,
        actor,
        lambda: service.accept(session, actor=actor, swap_id=swap_id),
        "Du har godtatt byttet.",
    )


@router.post("/bytter/{swap_id}/avsla")
def decline(request: Request, swap_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    reason = form_values(form).get("reason", "")
    data = SwapAnswer(reason=reason[:1000])
    return _answer(
        request,
        actor,
        lambda: service.decline(session, actor=actor, swap_id=swap_id, data=data),
        "Du har avslått byttet.",
    )


@router.post("/bytter/{swap_id}/trekk")
def withdraw(request: Request, swap_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    """Withdrawing asks first (web/confirm.py): without confirmed=ja a swap that may be withdrawn is asked
    about and nothing changes (one that may not is refused as before)."""
    swap = decisions.get_swap(session, actor=actor, swap_id=swap_id)
    if swap.can_withdraw and not is_confirmed(form_values(form).get("confirmed")):
        question = "legevakt/swaps/_withdraw_question.html"
        title = "Trekke tilbake byttet?"
        return ask_first(request, actor=actor, title=title, question=question, context={"s": swap})
    return _answer(
        request,
        actor,
        lambda: service.withdraw(session, actor=actor, swap_id=swap_id),
        "Byttet er trukket tilbake.",
    )


@router.get("/bytter/{swap_id}/godkjenn")
def confirm(request: Request, swap_id: Id, session: SessionDep, actor: ActorDep):
    """The confirmation before approving: what the swap does and that it makes a new version."""
    swap = decisions.for_decision(session, actor=actor, swap_id=swap_id)
    return render(request, "legevakt/swaps/confirm.html", {"swap": swap}, actor=actor)


@router.post("/bytter/{swap_id}/godkjenn")
def approve(request: Request, swap_id: Id, session: SessionDep, actor: ActorDep):
    try:
        found = decisions.approve(session, actor=actor, swap_id=swap_id)
    except DomainError as error:
        return _refused(request, actor, error, f"/bytter/{swap_id}/godkjenn")
    title = f"Byttet er godkjent (LV-SWAP). Vaktlisten har fått en ny versjon: {found.summary}."
    return redirect_with_message(request, f"/vaktlister/{found.new_roster_id}", title)


@router.post("/bytter/{swap_id}/avvis")
def refuse(request: Request, swap_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    reason = form_values(form).get("reason", "")
    try:
        data = forms.validate(SwapAnswer, {"reason": reason})
        found = decisions.refuse(session, actor=actor, swap_id=swap_id, data=data)
    except DomainError as error:
        return _refused(request, actor, error, f"/bytter/{swap_id}/godkjenn")
    return redirect_with_message(
        request, f"/ordninger/{found.scheme_id}/vaktlister", f"Byttet er avvist: {found.summary}."
    )


@router.post("/ordninger/{scheme_id}/bytter-innstilling")
def set_automatic(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    back = values.get("back", "")
    if not back.startswith("/vaktlister/") or not back[len("/vaktlister/") :].isdigit():
        raise ValidationFailed([Problem("back", "ugyldig side å gå tilbake til")])
    on = values.get("approve_automatically") == "on"
    decisions.set_automatic(
        session, actor=actor, scheme_id=scheme_id, data=AutomaticSetting(approve_automatically=on)
    )
    title = (
        "Bytter godkjennes nå automatisk når alle regler holder."
        if on
        else "Bytter må nå godkjennes av kommunen."
    )
    return redirect_with_message(request, back, title)
