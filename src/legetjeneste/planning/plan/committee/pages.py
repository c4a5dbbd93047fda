"""The plan page's form that sends the plan's current version to the SU (PLAN-DUTY, SU-CASES)."""

from fastapi import APIRouter, Request

from legetjeneste.errors import DomainError, Problem, ValidationFailed
from legetjeneste.planning.plan import rules
from legetjeneste.planning.plan import service as plan_service
from legetjeneste.planning.plan.committee import service
from legetjeneste.planning.plan.pages import plan_of, plan_page
from legetjeneste.web.confirm import ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, Number, SessionDep
from legetjeneste.web.forms import form_values
from legetjeneste.web.pages import redirect_with_message

router = APIRouter(include_in_schema=False)
FIELD_LABELS = {"committee": "Utvalg", "": "Planen"}


def _ask(request, session, actor, number: str, plan_id: int, committee_id: int):
    """Sending asks first (web/confirm.py): a version is sent once, and becomes the committee's case."""
    choices = dict(service.committees_to_send(session, actor=actor, municipality_number=number))
    if committee_id not in choices:
        raise ValidationFailed([Problem("committee", "Velg samarbeidsutvalget", rules.PLAN_DUTY.id)])
    plan = plan_of(plan_service.show_plan(session, actor=actor, plan_id=plan_id), number)
    context = {"plan": plan, "number": number, "committee": (committee_id, choices[committee_id])}
    question = "planning/_send_question.html"
    return ask_first(
        request, actor=actor, title="Sende planen til utvalget?", question=question, context=context
    )


@router.post("/kommuner/{number}/plan/{plan_id}/samarbeidsutvalget")
def send(request: Request, number: Number, plan_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    values = form_values(form)
    try:
        committee = values.get("committee", "")
        if not committee.isdigit():
            raise ValidationFailed([Problem("committee", "Velg samarbeidsutvalget", rules.PLAN_DUTY.id)])
        if not is_confirmed(values.get("confirmed")):
            return _ask(request, session, actor, number, plan_id, int(committee))
        plan = service.send_to_committee(session, actor=actor, plan_id=plan_id, committee_id=int(committee))
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return plan_page(
            request, session, actor, number, plan_id,
            error=error, values=values, form="samarbeidsutvalget", labels=FIELD_LABELS,
        )  # fmt: skip
    sent = next(v for v in plan["versions"] if v["su_sent_on"] is not None)
    title = f"Versjon {sent['number']} av planen er sendt til {sent['su_committee']}."
    return redirect_with_message(request, f"/kommuner/{number}/plan/{plan_id}#samarbeidsutvalget", title)
