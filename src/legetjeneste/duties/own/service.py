"""Min side «Mine kommunale oppgaver» (a panel the duties feature adds to the GP's Min side): the GP against
the cap today with deductions and what may still be ordered (DUTY-CAP), the duties held, and the orders
with their letters, appeal deadline and right to appeal (DEC-APPEAL) and the proportional list reduction
they offer, linked to the GP's own list-reduction request prefilled with the proposed size (DUTY-LIST-
REDUCTION)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.decisions import queries as decision_queries
from legetjeneste.decisions import rules as decision_rules
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.models import Decision
from legetjeneste.duties import queries
from legetjeneste.duties import rules as duty_rules
from legetjeneste.duties import service as duty_service
from legetjeneste.duties.models import DutyOrder
from legetjeneste.duties.orders.service import KIND
from legetjeneste.duties.own import rules
from legetjeneste.duties.own.schemas import OwnDuties, OwnOrder
from legetjeneste.duties.schemas import GpStanding
from legetjeneste.errors import Forbidden

# AGR-LISTREDUCE's notice, the life cycle's dated parameter: the earliest day the offered reduction can start.
NOTICE = "lifecycle/list_reduction_notice_months"


def _agreement(session: Session, order: DutyOrder, on: date) -> tuple[int, int] | None:
    """The GP's agreement (id, listetak) on the day, as the order's list reduction concerns it."""
    periods = queries.gp_periods(session, municipality_number=order.municipality_number, on=on)
    found = next((p for p in periods if p.doctor_id == order.doctor_id), None)
    return None if found is None else (found.agreement_id, found.agreement.listetak)


def _appeal_text(decision: Decision | None, replaced: bool) -> str:
    if decision is None:
        return ""
    if decision.appeals:
        return f"Klage: {decision_rules.APPEAL_STATUSES[decision.appeals[-1].status].lower()}"
    return "Omgjort" if replaced else ""


def _own_order(session: Session, order: DutyOrder, decision: Decision | None, replaced: bool, today: date):
    agreement = _agreement(session, order, max(today, order.first_day))
    link = None
    if order.status == "ordered" and order.proposed_listetak is not None and agreement is not None:
        link = rules.list_reduction_link(
            agreement_id=agreement[0],
            listetak=order.proposed_listetak,
            effective_from=rules.earliest_reduction(
                today=today, notice_months=int(parameters.value(NOTICE, on=today)), first_day=order.first_day
            ),
            task_name=order.task.name,
            case_number=decision.case_number if decision else None,
        )
    return OwnOrder(
        id=order.id,
        task_name=order.task.name,
        hours_per_week=order.hours_per_week,
        notified_on=order.notified_on,
        first_day=order.first_day,
        status=order.status,
        decision_id=order.decision_id,
        case_number=decision.case_number if decision else None,
        appeal_deadline=decision.appeal_deadline if decision else None,
        can_appeal=decision is not None
        and decision_service.can_appeal(decision, today=today, replaced=replaced),
        appeal_text=_appeal_text(decision, replaced),
        listetak=agreement[1] if agreement else None,
        proposed_listetak=order.proposed_listetak,
        list_reduction_link=link,
    )


def _standing(session: Session, number: str, doctor_id: int, on: date) -> GpStanding | None:
    gps = duty_service.standings(session, municipality_number=number, on=on)
    return next((g for g in gps if g.doctor_id == doctor_id), None)


def my_duties(session: Session, *, actor: Actor, doctor_id: int | None) -> dict:
    """DUTY-CAP, DUTY-LIST-REDUCTION — the panel «Mine kommunale oppgaver», for the GP alone: the GP against
    the cap today, and every order on the GP, newest first, with its letter."""
    auth_service.require(actor, "minside.read")
    if actor.doctor_id is None or doctor_id != actor.doctor_id:
        raise Forbidden("Bare legen selv kan se sine kommunale oppgaver på Min side.")
    today = today_oslo()
    with session.begin():
        doctor = scope.doctor(session, actor, actor.doctor_id)
        number = doctor.municipality_number
        decisions = {d.id: d for d in decision_queries.of_doctor(session, doctor.id) if d.kind == KIND}
        later = decision_queries.replaced_by(session, list(decisions))
        orders = [
            _own_order(session, o, decisions.get(o.decision_id or 0), o.decision_id in later, today)
            for o in reversed(queries.orders(session, municipality_number=number, doctor_id=doctor.id))
        ]
        later_days = [o.first_day for o in orders if o.status == "ordered" and o.first_day > today]
        found = OwnDuties(
            on=today,
            max_hours=duty_service.decimal_parameter("max_order_hours_per_week", today),
            standing=_standing(session, number, doctor.id, today),
            upcoming=_standing(session, number, doctor.id, max(later_days)) if later_days else None,
            upcoming_on=max(later_days) if later_days else None,
            orders=orders,
        )
        return {"found": found, "hours": duty_rules.hours_text, "bases": duty_rules.BASES}
