"""«Varsler på e-post» (each user chooses the kinds that reach them by e-mail) and «Utboks» (the system
administrator's view of the e-mail outbox and its delivery log)."""

from fastapi import APIRouter, Request

from legetjeneste.notices.email import service
from legetjeneste.notices.email.rules import MAX_ATTEMPTS, RETRY_DELAYS, STATUS_NAMES_NB
from legetjeneste.notices.inbox.rules import moment_text
from legetjeneste.web.deps import ActorDep, FormDep, SessionDep
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)


@router.get("/innboks/innstillinger")
def settings(request: Request, session: SessionDep, actor: ActorDep):
    choices = service.preferences(session, actor=actor)
    return render(request, "notices/email_settings.html", {"choices": choices}, actor=actor)


@router.post("/innboks/innstillinger")
def choose(request: Request, session: SessionDep, actor: ActorDep, form: FormDep):
    chosen = [value for value in form.getlist("by_email") if isinstance(value, str)]
    service.choose(session, actor=actor, by_email=chosen)
    return redirect_with_message(request, "/innboks/innstillinger", "Valgene dine er lagret.")


@router.get("/utboks")
def outbox(request: Request, session: SessionDep, actor: ActorDep):
    found = service.outbox(session, actor=actor)
    context = {
        "outbox": found,
        "status_names": STATUS_NAMES_NB,
        "delays": [int(delay.total_seconds() // 60) for delay in RETRY_DELAYS],
        "max_attempts": MAX_ATTEMPTS,
        "when": moment_text,
    }
    return render(request, "notices/outbox.html", context, actor=actor)
