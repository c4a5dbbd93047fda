"""Pages of a task and its orders (DUTY-VOLUNTARY): the task, the orders given, an order form, the proposed
even distribution and ordering it (DUTY-EQUAL-SHARE)."""

from datetime import timedelta

from fastapi import APIRouter, Request

from legetjeneste.dates import today_oslo
from legetjeneste.duties import rules, service
from legetjeneste.duties.distribution import service as distribution_service
from legetjeneste.duties.orders import service as order_service
from legetjeneste.duties.orders.schemas import OrderIn, ProposalOrderIn
from legetjeneste.errors import DomainError
from legetjeneste.web.confirm import again, ask_first, is_confirmed
from legetjeneste.web.deps import ActorDep, FormDep, Id, SessionDep
from legetjeneste.web.forms import failure_context, form_values, parse_form
from legetjeneste.web.pages import redirect_with_message, render

router = APIRouter(include_in_schema=False)
NOTICE_DAYS = 28  # the form's suggested first day only; the rule reads duties/order_notice_days
TASK = "/kommuner/{number}/kommunale-oppgaver/oppgaver/{task_id}"
LABELS = {
    "doctor_id": "Lege",
    "hours_per_week": "Timer per uke",
    "notified_on": "Varslet dato",
    "first_day": "Første arbeidsdag",
    "": "Pålegget",
}


def _page(
    request, session, actor, number: str, task_id: int, *, proposal=False, error=None, values=None, form=None
):
    task = next(
        (t for t in service.list_tasks(session, actor=actor, municipality_number=number) if t.id == task_id),
        None,
    )
    found = service.overview(
        session, actor=actor, municipality_number=number, on=task.start if task else None
    )
    if task is None:
        service.task_of(session, actor, task_id)  # 404 when it does not exist here
    orders = [
        o
        for o in order_service.list_orders(session, actor=actor, municipality_number=number)
        if o.task_id == task_id
    ]
    context = {
        "task": task,
        "found": found,
        "orders": orders,
        "hours": rules.hours_text,
        "today": today_oslo(),
        "first_day": max(task.start, today_oslo() + timedelta(days=NOTICE_DAYS)) if task else None,
        "proposal": distribution_service.propose_for_task(session, actor=actor, task_id=task_id)
        if proposal
        else None,
        **failure_context(error, values, LABELS, form=form),
    }
    return render(request, "duties/task.html", context, actor=actor, status_code=422 if error else 200)


@router.get(TASK)
def task_page(
    request: Request, number: str, task_id: Id, session: SessionDep, actor: ActorDep, forslag: int = 0
):
    return _page(request, session, actor, number, task_id, proposal=bool(forslag))


def _submit(request, number: str, task_id: int, session, actor, posted, form: str, model, use_case, whom):
    """One of the order forms: checked, then asked first (web/confirm.py: an order is an enkeltvedtak), and
    given only with confirmed=ja; `whom(data)` checks the order without writing and names who gets it."""
    values = form_values(posted)
    typed = {**values, "hours_per_week": values.get("hours_per_week", "").replace(",", ".")}
    try:
        data = parse_form(model, typed)
        if not is_confirmed(values.get("confirmed")):
            context = {
                "whom": whom(data),
                "data": data,
                "action": TASK.format(number=number, task_id=task_id)
                + ("/palegg" if form == "palegg" else "/palegg-forslag"),
                "hidden": again(values),
                "back_url": TASK.format(number=number, task_id=task_id)
                + ("?forslag=1#fordeling" if form == "forslag" else "#palegg"),
                "hours": rules.hours_text,
            }
            question = "duties/_order_question.html"
            return ask_first(request, actor=actor, title="Gi pålegget?", question=question, context=context)
        made = use_case(session, actor=actor, task_id=task_id, data=data)
    except DomainError as error:
        if error.status_code in (403, 404):
            raise
        return _page(
            request, session, actor, number, task_id,
            proposal=form == "forslag", error=error, values=values, form=form,
        )  # fmt: skip
    made = made if isinstance(made, list) else [made]
    lines = [f"{o.doctor_name}: {rules.hours_text(o.hours_per_week)} per uke" for o in made]
    lines += [f"{o.warning} (DUTY-EQUAL-SHARE)" for o in made if o.warning]
    lines += [
        f"{o.doctor_name} kan be om listereduksjon til {o.proposed_listetak} (DUTY-LIST-REDUCTION)"
        for o in made
        if o.proposed_listetak is not None
    ]
    title = f"Pålegget er gitt som vedtak til {len(made)} lege{'r' if len(made) > 1 else ''}."
    return redirect_with_message(request, TASK.format(number=number, task_id=task_id), title, lines)


@router.post(TASK + "/palegg")
def order(request: Request, number: str, task_id: Id, session: SessionDep, actor: ActorDep, form: FormDep):
    def whom(data):
        return order_service.check_order(session, actor=actor, task_id=task_id, data=data)

    return _submit(
        request, number, task_id, session, actor, form, "palegg", OrderIn, order_service.order_duty, whom
    )


@router.post(TASK + "/palegg-forslag")
def order_proposal(
    request: Request, number: str, task_id: Id, session: SessionDep, actor: ActorDep, form: FormDep
):
    def whom(data):
        return None  # the proposal's GPs, as the page showed them; checked when it is given

    return _submit(
        request, number, task_id, session, actor, form, "forslag", ProposalOrderIn,
        order_service.order_proposal, whom,
    )  # fmt: skip
