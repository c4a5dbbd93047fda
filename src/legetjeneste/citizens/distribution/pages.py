"""The kommuneoverlege's page of the citizen register, `/kommuner/{nr}/innbyggere`: list lengths beside
Helfo's count, waiting lists, citizens without a list, the runs and the recorded draws — counts, no names —
and the forms for a run, automatic assignment, a list reduction's draw and a vacant list's distribution."""

from datetime import date

from fastapi import APIRouter, Request

from legetjeneste.citizens import service
from legetjeneste.citizens.distribution import panels
from legetjeneste.citizens.distribution import service as distribution
from legetjeneste.citizens.runs import service as runs
from legetjeneste.citizens.switching import service as switching
from legetjeneste.citizens.switching.rules import effective_date
from legetjeneste.dates import today_oslo
from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.norwegian import day_text
from legetjeneste.web.confirm import is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Number, SessionDep
from legetjeneste.web.forms import failure_context, form_values
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
LABELS = {
    "agreement": "Fastlegeavtale",
    "count": "Antall",
    "seed": "Trekningsnøkkel",
    "on": "Dato",
    "case": "Sak",
    "": "",
}


def _page(request, session, actor, number, *, error=None, values=None, form=None):
    context = {
        "number": number,
        "lengths": service.list_lengths(session, actor=actor, municipality_number=number, month=today_oslo()),
        "lists": switching.waiting_lists(session, actor=actor, municipality_number=number),
        "overview": runs.overview(session, actor=actor, municipality_number=number),
        "distributions": distribution.distributions(session, actor=actor, municipality_number=number),
        **failure_context(error, values, LABELS, form=form),
    }
    return render(
        request, "citizens/municipality.html", context, actor=actor, status_code=422 if error else 200
    )


@router.get("/kommuner/{number}/innbyggere")
def municipality_page(request: Request, number: Number, session: SessionDep, actor: ActorDep):
    return _page(request, session, actor, number)


def _optional(values: dict, name: str) -> int | None:
    return _int(values, name) if values.get(name, "") else None


def _int(values: dict, name: str) -> int:
    text = values.get(name, "")
    if not text.isdigit():
        raise ValidationFailed([Problem(name, "må være et helt tall")])
    return int(text)


@router.post("/kommuner/{number}/innbyggere/{action}")
def act(request: Request, number: Number, action: str, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        if action in IRREVERSIBLE and not is_confirmed(values.get("confirmed")):
            return _confirm(request, session, actor, number, action, values)
        title = _do(session, actor, number, action, values)
    except DomainError as error:
        if error.status_code in (401, 403, 404) and not isinstance(error, ValidationFailed):
            raise
        return _page(request, session, actor, number, error=error, values=values, form=action)
    return redirect_with_message(request, f"/kommuner/{number}/innbyggere", title)


# A draw and a vacant list's distribution move citizens and send their letters: they cannot be undone, so
# the form first asks (issue 13: a confirmation before what cannot be undone).
IRREVERSIBLE = ("trekning", "ledig")


def _confirm(request, session, actor, number: str, action: str, values: dict):
    """The question before a draw or a vacant list's distribution; the service refuses it as it would refuse
    the distribution (`citizens.distribute`), so nobody is asked about what they may not do."""
    agreement_id = _int(values, "agreement")
    doctor = panels.to_distribute(session, actor=actor, municipality_number=number, agreement_id=agreement_id)
    who = f"listen til {doctor} (avtale {agreement_id})"
    effective = day_text(effective_date(_day(values) or today_oslo()))
    if action == "trekning":
        count = _optional(values, "count")
        how_many = f"{count} innbyggere" if count else "innbyggerne over listetaket"
        question = f"Vil du trekke ut {how_many} fra {who}?"
        consequences = (
            f"De trukne flyttes fra {effective} til lister med plass, familier samlet, og hver får brev. "
            "Trekningen lagres slik at den kan kontrolleres, men den kan ikke angres (CIT-REDUCTION-DRAW)."
        )
        button = "Ja, trekk ut og flytt"
    else:
        question = f"Vil du fordele alle innbyggerne på {who} på de andre listene?"
        consequences = (
            f"Innbyggerne flyttes fra {effective} til listene med mest plass, familier samlet, og hver får "
            "brev. Flyttingen teller ikke som et bytte, og den kan ikke angres (AGR-VACANT)."
        )
        button = "Ja, fordel listen"
    hidden = {k: v for k, v in values.items() if k not in ("csrf_token", "confirmed") and v}
    context = {
        "number": number,
        "question": question,
        "consequences": consequences,
        "action": f"/kommuner/{number}/innbyggere/{action}",
        "button": button,
        "hidden": hidden,
    }
    return render(request, "citizens/confirm_distribution.html", context, actor=actor)


def _day(values: dict) -> date | None:
    """The draw's day from a case's form (a machine value, not typed by the user)."""
    try:
        return date.fromisoformat(values["on"]) if values.get("on") else None
    except ValueError as error:
        raise ValidationFailed([Problem("on", "er ikke en dato")]) from error


def _do(session, actor, number: str, action: str, values: dict) -> str:
    if action == "kjoring":
        ran = runs.daily(session, actor=actor, municipality_number=number, on=today_oslo())
        return f"Daglig kjøring: {ran.moved} innbyggere flyttes fra {day_text(ran.effective)}."
    if action == "tildeling":
        on = values.get("auto_assign") == "on"
        distribution.set_auto_assign(session, actor=actor, municipality_number=number, auto_assign=on)
        return "Automatisk tildeling er slått på." if on else "Automatisk tildeling er slått av."
    if action == "trekning":
        done = distribution.reduction_draw(
            session,
            actor=actor,
            agreement_id=_int(values, "agreement"),
            count=_optional(values, "count"),
            seed=values.get("seed") or None,
            on=_day(values),
            case_id=_optional(values, "case"),
        )
        return (
            f"Trekning {done.id}: {done.moved} innbyggere i {done.families} familier flyttes fra "
            f"{day_text(done.effective)}. Trekningsnøkkel {done.seed}."
        )
    if action == "ledig":
        done = distribution.distribute_vacant(session, actor=actor, agreement_id=_int(values, "agreement"))
        return f"Den ledige listen er fordelt: {done.moved} innbyggere."
    if action == "fordel":
        done = distribution.distribute_unassigned(
            session,
            actor=actor,
            municipality_number=number,
            agreement_id=_int(values, "agreement"),
            count=_int(values, "count"),
        )
        return f"{done.moved} innbyggere uten liste er fordelt."
    raise ValidationFailed([Problem("", "Ukjent handling")])
