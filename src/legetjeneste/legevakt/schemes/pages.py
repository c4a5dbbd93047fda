"""Pages of legevakt and nødnett schemes: the municipality's schemes, applications and local parameters; a
scheme with its participants and the application form; «Ny ordning» and the scheme's edit page. Every
edit form builds the whole scheme (as read + the change) and saves it through `service.save_scheme`, so
the checks are the API's and the municipality file's."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.datastructures import FormData

from legetjeneste.auth import rules as auth_rules
from legetjeneste.dates import WEEKDAY_NAMES_NB
from legetjeneste.errors import DomainError, RuleViolation, ValidationFailed
from legetjeneste.legevakt.exemptions import service as exemption_service
from legetjeneste.legevakt.exemptions.pages import FIELD_LABELS as PAGE_FIELD_LABELS
from legetjeneste.legevakt.exemptions.pages import LABELS as PAGE_LABELS
from legetjeneste.legevakt.exemptions.rules import PENDING
from legetjeneste.legevakt.exemptions.schemas import ExemptionApply
from legetjeneste.legevakt.schemes import forms as scheme_forms
from legetjeneste.legevakt.schemes import rules, service
from legetjeneste.legevakt.schemes.schemas import LocalParameterIn
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
Action = Annotated[str, Path(max_length=30)]
FIELD_LABELS = {
    "code": "Kode",
    "name": "Navn",
    "kind": "Type",
    "description": "Beskrivelse",
    "start": "Fra",
    "end": "Til",
    "partners": "Samarbeidskommuner",
    "day_kind": "Dager",
    "is_night": "Natt",
    "is_alternative": "Alternativ vakt",
    "has_bakvakt": "Bakvakt",
    "doctor": "Lege",
    "municipality": "Kommune",
    "participation_percentage": "Deltakelse",
    "office": "Legekontor",
    "every_nth": "Hver n-te",
    "weekdays": "Ukedager",
    "office_days": "Kontorenes dager",
    "day": "Dag",
    "shift_templates": "Vakter",
    "participants": "Deltakere",
    "targets": "Mål",
    "bakvakt_days": "Bakvaktdager",
    "max_wishes_per_month": "Ønsker per måned",
}
REMOVAL_TITLES = {
    "fjern-vakt": "Fjerne vakten?",
    "fjern-mal": "Fjerne målet?",
    "fjern-bakvakt": "Fjerne bakvakten?",
}
LABELS = {"kinds": rules.KINDS, "day_kinds": rules.DAY_KINDS, "weekdays": WEEKDAY_NAMES_NB}


def _overview_page(request, session, actor, number, *, error=None, values=None):
    context = {
        "number": number,
        "can_write": auth_rules.can(actor, "legevakt.write"),
        "schemes": service.list_schemes(session, actor=actor, municipality_number=number),
        "pending": exemption_service.list_exemptions(
            session, actor=actor, municipality_number=number, status=PENDING
        ),
        "parameters": service.list_parameters(session, actor=actor, municipality_number=number),
        **PAGE_LABELS,
        **failure_context(error, values, PAGE_FIELD_LABELS),
    }
    return render(request, "legevakt/overview.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/kommuner/{number}/legevakt")
def overview(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _overview_page(request, session, actor, number)


@router.post("/kommuner/{number}/legevakt/parametere")
def set_parameter(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(LocalParameterIn, values)
        service.set_local_parameter(session, actor=actor, municipality_number=number, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _overview_page(request, session, actor, number, error=error, values=values)
    title = f"Kommunens verdi {data.value} gjelder fra {data.since:%d.%m.%Y}."
    return redirect_with_message(request, f"/kommuner/{number}/legevakt", title)


def _scheme_page(request, session, actor, scheme_id, *, error=None, values=None):
    context = {
        "scheme": service.get_scheme(session, actor=actor, scheme_id=scheme_id, with_exemptions=True),
        "can_apply": auth_rules.can(actor, "exemption.apply"),
        "can_write": auth_rules.can(actor, "legevakt.write"),
        **PAGE_LABELS,
        **failure_context(error, values, PAGE_FIELD_LABELS),
    }
    return render(request, "legevakt/scheme.html", context, actor=actor, status_code=422 if error else 200)


@router.get("/ordninger/{scheme_id}")
def scheme(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    return _scheme_page(request, session, actor, scheme_id)


@router.post("/ordninger/{scheme_id}/fritak")
def apply(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        data = parse_form(ExemptionApply, values)
        saved = exemption_service.apply_for_exemption(session, actor=actor, scheme_id=scheme_id, data=data)
    except (ValidationFailed, RuleViolation) as error:
        return _scheme_page(request, session, actor, scheme_id, error=error, values=values)
    title = f"Søknaden om fritak fra {saved.doctor_name} er registrert og venter på vedtak."
    return redirect_with_message(request, f"/fritak/{saved.id}", title)


def _field(path: str) -> str:
    """«participants[3].office» → «office»: the form's field the problem is about."""
    return path.rsplit(".", 1)[-1].split("[", 1)[0]


def _problems(error: DomainError) -> list[str]:
    if isinstance(error, ValidationFailed):
        return [
            f"{FIELD_LABELS.get(_field(p.path), p.path)}: {p.message}"
            + (f" ({p.rule_id})" if p.rule_id else "")
            for p in error.problems
        ]
    if error.rule_id:
        return [f"{error.message} ({error.rule_id}{', ' + error.citation if error.citation else ''})"]
    return [error.message]


def _form(form: FormData) -> dict:
    """The form's text fields, stripped, and the weekdays ticked."""
    values: dict = {k: v.strip() for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    values["weekdays"] = [w for w in form.getlist("weekdays") if isinstance(w, str)]
    return values


def _failure(error: DomainError | None, values: dict | None, form: str | None) -> dict:
    bad = [_field(p.path) for p in error.problems] if isinstance(error, ValidationFailed) else []
    return {
        "problems": _problems(error) if error else [],
        "bad": bad,
        "values": values or {},
        "failed": form,
    }


def _new_page(request, session, actor, number, *, error=None, values=None):
    context = {
        "number": number,
        "offices": service.new_scheme_choices(session, actor=actor, municipality_number=number),
        **LABELS,
        **_failure(error, values, "new"),
    }
    return render(
        request, "legevakt/scheme_new.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/kommuner/{number}/legevakt/ny-ordning")
def new_scheme_form(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _new_page(request, session, actor, number)


@router.post("/kommuner/{number}/legevakt/ny-ordning")
def create_scheme(request: Request, number: Number, session: SessionDep, actor: ActorDep, form: FormDep):
    values = _form(form)
    try:
        data = scheme_forms.scheme_in(scheme_forms.new_scheme(values))
        saved = service.save_scheme(session, actor=actor, municipality_number=number, data=data, new=True)
    except (ValidationFailed, RuleViolation) as error:
        return _new_page(request, session, actor, number, error=error, values=values)
    title = f"{saved.kind_text} «{saved.name}» er opprettet. Legg til vakter og deltakere under «Endre»."
    return redirect_with_message(request, f"/ordninger/{saved.id}", title)


def _edit_page(request, session, actor, scheme_id, *, error=None, values=None, form=None):
    choices = service.scheme_choices(session, actor=actor, scheme_id=scheme_id)
    context = {
        "scheme": service.get_scheme(session, actor=actor, scheme_id=scheme_id),
        **choices,
        **LABELS,
        **_failure(error, values, form),
    }
    return render(
        request, "legevakt/scheme_edit.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/ordninger/{scheme_id}/endre")
def edit(request: Request, scheme_id: Id, session: SessionDep, actor: ActorDep):
    return _edit_page(request, session, actor, scheme_id)


@router.post("/ordninger/{scheme_id}/endre/{action}")
def change(
    request: Request, scheme_id: Id, action: Action, session: SessionDep, actor: ActorDep, form: FormDep
):
    """One form's change; a removal asks first (web/confirm.py) and changes nothing until confirmed."""
    values = _form(form)
    try:
        current = service.get_scheme(session, actor=actor, scheme_id=scheme_id)
        removed = scheme_forms.removed_part(current, action, values)
        asks = removed is not None and auth_rules.can(actor, "legevakt.write")  # else refused as before
        if asks and not is_confirmed(values.pop("confirmed", None)):
            context = {
                "removal": action,
                "item": removed,
                "index": values.get("index"),
                "base": f"/ordninger/{scheme_id}/endre/",
                "scheme": current,
            }
            question = "legevakt/_scheme_removal_question.html"
            title = REMOVAL_TITLES[action]
            return ask_first(request, actor=actor, title=title, question=question, context=context)
        data = scheme_forms.change(current, action, values)
        service.save_scheme(
            session,
            actor=actor,
            municipality_number=current.municipality_number,
            data=data,
            keep_published=True,
        )
    except (ValidationFailed, RuleViolation) as error:
        return _edit_page(request, session, actor, scheme_id, error=error, values=values, form=action)
    lines = _published_after_end(session, actor, scheme_id, action, values)
    return redirect_with_message(
        request, f"/ordninger/{scheme_id}/endre", scheme_forms.MESSAGES[action], lines
    )


def _published_after_end(session, actor, scheme_id: int, action: str, values: dict) -> list[str]:
    """After a participation ends: the doctor's shifts in published rosters after the end, to re-plan."""
    if action != "avslutt-deltaker":
        return []
    days = service.published_shifts_after(
        session,
        actor=actor,
        scheme_id=scheme_id,
        doctor=values["doctor"],
        after=date.fromisoformat(values["end"]),
    )
    if not days:
        return []
    listed = ", ".join(f"{day:%d.%m.%Y}" for day in days[:10]) + (" …" if len(days) > 10 else "")
    return [
        f"Legen har {len(days)} vakter i publiserte vaktlister etter sluttdatoen ({listed}). "
        "Planlegg vaktlisten på nytt, så fordeles de på de andre."
    ]
