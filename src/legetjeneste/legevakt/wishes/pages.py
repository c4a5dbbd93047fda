"""Pages of wishes (LV-WISH): «Mine ønsker», where a GP enters, changes and removes wishes for the schemes
they take part in (deleting one asks first); a scheme's wishes for the kommuneoverlege."""

from typing import Annotated

from fastapi import APIRouter, Form, Request

from legetjeneste.errors import DomainError
from legetjeneste.legevakt.wishes import rules, service
from legetjeneste.legevakt.wishes.schemas import WishIn
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {"day": "Dato", "kind": "Ønske", "note": "Merknad", "": "Ønsket"}
MINE = "/mine-onsker"


def _page(request, session, actor, *, error=None, values=None, form=None):
    context = {
        "schemes": service.my_wishes(session, actor=actor),
        "kinds": rules.KINDS,
        **failure_context(error, values, FIELD_LABELS, form=form),
    }
    return render(request, "legevakt/wishes.html", context, actor=actor, status_code=422 if error else 200)


@router.get(MINE)
def my_wishes(request: Request, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor)


def _wish_form(request: Request, session, actor, values: dict[str, str], form: str, use_case, **key):
    """One wish form: the wish as typed, one service call, back to «Mine ønsker» with what happened."""
    try:
        saved = use_case(session, actor=actor, data=parse_form(WishIn, values), **key)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _page(request, session, actor, error=error, values=values, form=form)
    title = f"Ønsket er lagret: {saved.kind_text} {saved.day_text} ({saved.scheme_name})."
    return redirect_with_message(request, f"{MINE}#ordning-{saved.scheme_id}", title)


@router.post(MINE + "/{scheme_id}")
def add_wish(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    return _wish_form(
        request, session, actor, form_values(form), f"ny-{scheme_id}", service.add_wish, scheme_id=scheme_id
    )


@router.post(MINE + "/endre/{wish_id}")
def change_wish(request: Request, wish_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    return _wish_form(
        request, session, actor, form_values(form), f"endre-{wish_id}", service.change_wish, wish_id=wish_id
    )


@router.post(MINE + "/slett/{wish_id}")
def delete_wish(
    request: Request,
    wish_id: Id,
    session: SessionDep,
    actor: ActorDep,
    confirmed: Annotated[str | None, Form(max_length=10)] = None,
):
    """Deleting asks first (web/confirm.py): without confirmed=ja nothing changes."""
    if not is_confirmed(confirmed):
        wish = service.get_wish(session, actor=actor, wish_id=wish_id)
        question = "legevakt/_wish_delete_question.html"
        context = {"w": wish, "back_url": f"{MINE}#ordning-{wish.scheme_id}"}
        return ask_first(request, actor=actor, title="Slette ønsket?", question=question, context=context)
    try:
        gone = service.delete_wish(session, actor=actor, wish_id=wish_id)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _page(request, session, actor, error=error, form=f"endre-{wish_id}")
    title = f"Ønsket er slettet: {gone.kind_text} {gone.day_text} ({gone.scheme_name})."
    return redirect_with_message(request, f"{MINE}#ordning-{gone.scheme_id}", title)


@router.get("/ordninger/{scheme_id}/onsker")
def scheme_wishes(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    found = service.scheme_wishes(session, actor=actor, scheme_id=scheme_id)
    return render(request, "legevakt/wishes_scheme.html", {"found": found}, actor=actor)
