"""Alert pages: ask for an alert (/varsel/ny), confirm it and unsubscribe through the e-mailed links. Open
to anyone; the forms carry the CSRF token of the visitor's session."""

from typing import Annotated

from fastapi import APIRouter, Form, Request

from legetjeneste.citizens.alerts import service
from legetjeneste.citizens.alerts.schemas import AlertCreate
from legetjeneste.citizens.portal import service as portal_service
from legetjeneste.errors import ValidationFailed
from legetjeneste.web import forms
from legetjeneste.web.deps import FormDep, OptionalActorDep, SessionDep, check_csrf
from legetjeneste.web.pages import render

router = APIRouter(include_in_schema=False)
LABELS = {
    "email": "E-postadresse",
    "agreement_id": "Fastlege",
    "office_id": "Legekontor",
    "municipality_number": "Kommune",
}
Token = Annotated[str, Form(max_length=300)]


def _data(values: dict[str, str]) -> AlertCreate:
    return forms.validate(
        AlertCreate,
        {
            "email": values.get("email", ""),
            "agreement_id": values.get("avtale") or None,
            "office_id": values.get("kontor") or None,
            "municipality_number": values.get("kommune") or None,
        },
    )


@router.get("/varsel/ny")
def new_alert(request: Request, session: SessionDep, actor: OptionalActorDep):
    values = {
        key: value.strip()
        for key, value in request.query_params.items()
        if key in ("avtale", "kontor", "kommune")
    }
    what = service.describe(session, data=_data({**values, "email": "a@b.no"}))
    email = portal_service.own_email(session, actor=actor) if actor is not None else None
    context = {"values": values, "what": what, "email": email or ""}
    return render(request, "citizens/alerts/new.html", context, actor=actor)


@router.post("/varsel/ny")
def subscribe(request: Request, session: SessionDep, actor: OptionalActorDep, form: FormDep):
    values = forms.form_values(form)
    sent = form.get("csrf_token")
    check_csrf(request, sent if isinstance(sent, str) else None)
    keys = {key: values.get(key, "") for key in ("avtale", "kontor", "kommune")}
    try:
        found = service.subscribe(session, actor=actor, data=_data(values))
    except ValidationFailed as error:
        what = service.describe(session, data=_data({**keys, "email": "a@b.no"}))
        context = {
            **forms.failure_context(error, None, LABELS),
            "values": keys,
            "what": what,
            "email": values.get("email", ""),
        }
        return render(request, "citizens/alerts/new.html", context, actor=actor, status_code=422)
    context = {
        "title": "Sjekk e-posten din",
        "lines": [
            f"Vi har sendt en lenke til {values.get('email', '').lower()}. "
            f"Du får varsel {found.what} når du har trykket på lenken."
        ],
    }
    return render(request, "citizens/alerts/done.html", context, actor=actor)


def _ask(request: Request, actor, *, title: str, action: str, token: str, button: str):
    context = {"title": title, "action": action, "token": token, "button": button}
    return render(request, "citizens/alerts/link.html", context, actor=actor)


@router.get("/varsel/bekreft/{token}")
def confirm_form(request: Request, token: str, actor: OptionalActorDep):
    return _ask(
        request,
        actor,
        title="Bekreft varsel",
        action="/varsel/bekreft",
        token=token,
        button="Bekreft varselet",
    )


@router.post("/varsel/bekreft")
def confirm(
    request: Request,
    session: SessionDep,
    actor: OptionalActorDep,
    token: Token,
    csrf_token: Annotated[str, Form()] = "",
):
    check_csrf(request, csrf_token)
    found = service.confirm(session, token=token)
    lines = [
        f"Du får en e-post når det blir ledig plass {found.what}. "
        "Hver e-post har en lenke for å avslutte varselet."
    ]
    return render(
        request, "citizens/alerts/done.html", {"title": "Varselet er bekreftet", "lines": lines}, actor=actor
    )


@router.get("/varsel/avslutt/{token}")
def unsubscribe_form(request: Request, token: str, actor: OptionalActorDep):
    return _ask(
        request,
        actor,
        title="Avslutt varsel",
        action="/varsel/avslutt",
        token=token,
        button="Avslutt varselet",
    )


@router.post("/varsel/avslutt")
def unsubscribe(
    request: Request,
    session: SessionDep,
    actor: OptionalActorDep,
    token: Token,
    csrf_token: Annotated[str, Form()] = "",
):
    check_csrf(request, csrf_token)
    found = service.unsubscribe(session, token=token)
    lines = [f"Du får ikke flere varsler om ledig plass {found.what}."]
    return render(
        request, "citizens/alerts/done.html", {"title": "Varselet er avsluttet", "lines": lines}, actor=actor
    )
