"""Use cases of orders (tilplikting): order a GP to take hours of an announced task the lawful way
(DUTY-VOLUNTARY, DUTY-CAP, DUTY-EXEMPT), as an enkeltvedtak with its letter (decisions), an uneven order with
a warning showing the equal share (DUTY-EQUAL-SHARE), the proportional list reduction offered
(DUTY-LIST-REDUCTION); order a whole proposed distribution at once; reverse an order on appeal."""

from decimal import Decimal

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import WEEKDAY_NAMES_NB, now_oslo
from legetjeneste.decisions import service as decision_service
from legetjeneste.decisions.rules import IMPOSED, Reason
from legetjeneste.duties import queries, rules
from legetjeneste.duties import service as duty_service
from legetjeneste.duties.distribution import rules as distribution_rules
from legetjeneste.duties.distribution import service as distribution_service
from legetjeneste.duties.models import DutyAssignment, DutyOrder, DutyTask
from legetjeneste.duties.orders.schemas import OrderIn, OrderRead, ProposalOrderIn
from legetjeneste.duties.schemas import GpStanding
from legetjeneste.errors import Conflict, Problem, ValidationFailed
from legetjeneste.norwegian import day_text, joined, number

KIND = "duty_order"
RULE_IDS = [
    "DUTY-VOLUNTARY",
    "DUTY-CAP",
    "DUTY-EXEMPT",
    "DUTY-EQUAL-SHARE",
    "DUTY-LIST-REDUCTION",
    "DUTY-ISSUER",
]


def order_read(order: DutyOrder, listetak: int | None = None) -> OrderRead:
    return OrderRead(
        id=order.id,
        task_id=order.task_id,
        task_name=order.task.name,
        doctor_id=order.doctor_id,
        doctor_name=order.doctor.full_name,
        hours_per_week=order.hours_per_week,
        notified_on=order.notified_on,
        first_day=order.first_day,
        status=order.status,
        decision_id=order.decision_id,
        listetak=listetak,
        proposed_listetak=order.proposed_listetak,
        warning=order.warning,
        rule_ids=RULE_IDS,
    )


def _gp(gps: list[GpStanding], doctor_id: int) -> GpStanding:
    found = next((gp for gp in gps if gp.doctor_id == doctor_id), None)
    if found is None:
        raise ValidationFailed(
            [Problem("doctor_id", "legen har ingen fastlegeavtale i kommunen på første arbeidsdag")]
        )
    return found


def _check_period(task: DutyTask, data: OrderIn) -> None:
    if data.first_day < task.start or (task.end is not None and data.first_day > task.end):
        message = f"første arbeidsdag må være i oppgavens periode, fra {day_text(task.start)}"
        raise ValidationFailed([Problem("first_day", message)])


def _checked(session: Session, task: DutyTask, data: OrderIn) -> tuple[list[GpStanding], GpStanding]:
    """DUTY-VOLUNTARY — the order checked (nothing written): the GPs' standings and the ordered GP's."""
    _check_period(task, data)
    gps = duty_service.standings(session, municipality_number=task.municipality_number, on=data.first_day)
    gp = _gp(gps, data.doctor_id)
    rules.check_order(
        announced_on=task.announced_on,
        informed_on=task.informed_on,
        notified_on=data.notified_on,
        first_day=data.first_day,
        notice_days=int(parameters.value("duties/order_notice_days", on=data.notified_on)),
        order_hours=data.hours_per_week,
        orderable=gp.orderable,
        exempt=gp.exempt,
    )
    return gps, gp


def check_order(session: Session, *, actor: Actor, task_id: int, data: OrderIn) -> str:
    """What `order_duty` would refuse, refused before the question that asks first; the GP's name."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        return _checked(session, duty_service.task_of(session, actor, task_id), data)[1].doctor_name


def _order(
    session: Session, actor: Actor, task: DutyTask, data: OrderIn, share: Decimal | None = None
) -> DutyOrder:
    """One order in the caller's transaction: checked, the assignment written, the decision recorded. The
    equal share is the proposal's when a proposal is ordered, else that of the GPs who may be ordered now."""
    gps, gp = _checked(session, task, data)
    if share is None:
        eligible = [g for g in gps if g.orderable > 0 or g.doctor_id == gp.doctor_id]
        share = rules.equal_share(
            total_hours=sum((duty_service.counted(g) for g in eligible), Decimal(0)) + data.hours_per_week,
            gps=len(eligible),
        )
    after = duty_service.counted(gp) + data.hours_per_week
    warning = rules.uneven_warning(load_after=after, share=share, name=gp.doctor_name)
    full_time = duty_service.decimal_parameter("full_time_hours_per_week", data.first_day)
    proposed = None
    if gp.listetak is not None:
        cut = rules.list_reduction(
            listetak=gp.listetak, post_hours=data.hours_per_week, full_time_hours=full_time
        )
        proposed = gp.listetak - cut
    assignment = DutyAssignment(
        municipality_number=task.municipality_number,
        doctor_id=gp.doctor_id,
        task_id=task.id,
        kind=task.kind,
        title=task.name,
        hours_per_week=data.hours_per_week,
        start=data.first_day,
        end=task.end,
        place=task.place,
        weekdays=list(task.weekdays),
        basis=rules.ORDERED_BASIS,
        issuer=task.issuer,
        issuer_name=task.issuer_name,
        pay_form=task.pay_form,
    )
    session.add(assignment)
    session.flush()
    order = DutyOrder(
        municipality_number=task.municipality_number,
        task=task,
        doctor_id=gp.doctor_id,
        assignment_id=assignment.id,
        hours_per_week=data.hours_per_week,
        notified_on=data.notified_on,
        first_day=data.first_day,
        proposed_listetak=proposed,
        warning=warning.message if warning else "",
        created_at=now_oslo(),
        created_by=actor.email,
    )
    session.add(order)
    session.flush()
    session.refresh(order, ["doctor"])
    decision = _decide(session, actor, order, task, gp, share)
    order.decision_id = decision.id
    duty_service.audit(session, actor, "create", "duty_order", order.id, task.municipality_number)
    return order


def _decide(session: Session, actor: Actor, order: DutyOrder, task: DutyTask, gp: GpStanding, share: Decimal):
    """The order as an enkeltvedtak, with its letter to the GP (DEC-REASONS, DEC-NOTIFY)."""
    days = joined([WEEKDAY_NAMES_NB[d] for d in task.weekdays])
    hours = rules.hours_text(order.hours_per_week)
    issuer = task.issuer_name or rules.ISSUERS[task.issuer]
    reasons = [
        Reason(
            rules.CAP.id,
            rules.CAP.citation,
            f"Fastlegen kan pålegges inntil {rules.hours_text(gp.cap)} per uke andre allmennlegeoppgaver; "
            f"etter fradrag og det legen allerede har, kunne legen "
            f"pålegges {rules.hours_text(gp.orderable)}.",
        ),
        Reason(
            rules.VOLUNTARY.id,
            rules.VOLUNTARY.citation,
            "Oppgaven er kunngjort og legene som kan pålegges er informert før pålegget, og pålegget er "
            "varslet minst fire uker før første arbeidsdag.",
        ),
        Reason(rules.ISSUER.id, rules.ISSUER.citation, f"Pålegget gis av {issuer}."),
    ]
    if order.proposed_listetak is not None and gp.listetak is not None:
        full_time = duty_service.decimal_parameter("full_time_hours_per_week", order.first_day)
        cut = f"{number(gp.listetak)} × {hours} ÷ {rules.hours_text(full_time)}"
        reasons.append(
            Reason(
                rules.LIST_REDUCTION.id,
                rules.LIST_REDUCTION.citation,
                f"Du har rett til forholdsmessig reduksjon av listen: {cut} = "
                f"{number(gp.listetak - order.proposed_listetak)} pasienter, så foreslått listetak er "
                f"{number(order.proposed_listetak)} (fra {number(gp.listetak)}). Be om listereduksjonen "
                "på Min side under «Mine kommunale oppgaver»; den behandles som en sak om fastlegeavtalen.",
            )
        )
    facts = [
        f"Oppgaven «{task.name}» ble kunngjort {day_text(task.announced_on)} og legene informert "  # type: ignore[arg-type]
        f"{day_text(task.informed_on)}.",  # type: ignore[arg-type]
        f"Pålegget er varslet {day_text(order.notified_on)}; første "
        f"arbeidsdag er {day_text(order.first_day)}.",
        f"Arbeidssted og tid: {task.place}, {days}.",
    ]
    weighing = f"Kommunen tilstreber lik fordeling: lik andel er {rules.hours_text(share)} per uke per lege."
    if order.warning:
        weighing += f" {order.warning}."
    return decision_service.record(
        session,
        actor=actor,
        municipality_number=task.municipality_number,
        kind=KIND,
        case=(
            "duty_order",
            order.id,
            f"/kommuner/{task.municipality_number}/kommunale-oppgaver/oppgaver/{task.id}",
        ),
        party=(order.doctor_id, order.doctor.full_name),
        outcome=IMPOSED,
        summary=f"Du pålegges {hours} per uke {task.name.lower()} fra {day_text(order.first_day)}.",
        reasons=reasons,
        facts=facts,
        weighing=weighing,
        discretion=True,
        decided_on=order.notified_on,
    )


def order_duty(session: Session, *, actor: Actor, task_id: int, data: OrderIn) -> OrderRead:
    """DUTY-VOLUNTARY — order one GP to take hours of the task; refused unless announced and informed,
    notified at least 28 days ahead, and within what may be ordered; uneven orders carry a warning."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        task = duty_service.task_of(session, actor, task_id)
        order = _order(session, actor, task, data)
        return order_read(order, _listetak(session, order))


def _listetak(session: Session, order: DutyOrder) -> int | None:
    periods = queries.gp_periods(session, municipality_number=order.municipality_number, on=order.first_day)
    return next((p.agreement.listetak for p in periods if p.doctor_id == order.doctor_id), None)


def order_proposal(session: Session, *, actor: Actor, task_id: int, data: ProposalOrderIn) -> list[OrderRead]:
    """DUTY-EQUAL-SHARE — order the proposed distribution of the task's open hours, every share in one
    transaction (all or nothing). Volunteers' shares are recorded as voluntary, not ordered."""
    auth_service.require(actor, "duties.write")
    with session.begin():
        task = duty_service.task_of(session, actor, task_id)
        gps = duty_service.standings(session, municipality_number=task.municipality_number, on=data.first_day)
        taken = sum((a.hours_per_week for a in queries.assigned_hours_of_task(session, task.id)), Decimal(0))
        model = distribution_service.model_gps(
            gps, task=task.code, volunteers=task.volunteers, qualified=task.qualified
        )
        proposal = distribution_rules.propose(
            model, [distribution_rules.Task(task.code, task.name, task.hours_per_week - taken)]
        )
        if not proposal.shares:
            raise Conflict(
                "Ingen lege kan pålegges mer nå, og ingen har meldt seg: oppgaven kan ikke fordeles."
            )
        orders = []
        for share in proposal.shares:
            data_one = OrderIn(
                doctor_id=share.gp,
                hours_per_week=share.hours,
                notified_on=data.notified_on,
                first_day=data.first_day,
            )
            orders.append(_order(session, actor, task, data_one, proposal.equal_share))
        return [order_read(o, _listetak(session, o)) for o in orders]


def list_orders(session: Session, *, actor: Actor, municipality_number: str) -> list[OrderRead]:
    auth_service.require(actor, "duties.read")
    with session.begin():
        duty_service.scope.municipality(session, actor, municipality_number)
        return [order_read(o) for o in queries.orders(session, municipality_number=municipality_number)]


def reverse_on_appeal(session: Session, *, actor: Actor, case_id: int, reasons: str, weighing: str) -> dict:
    """DEC-APPEAL — the municipality withdraws an order on appeal, in the appeal's transaction: the ordered
    hours are removed from the GP's duties."""
    order = duty_service.scope.row(
        session, actor, DutyOrder, case_id, missing=f"Pålegg {case_id} finnes ikke."
    )
    if order.status != "ordered":
        raise Conflict("Pålegget er allerede trukket tilbake.")
    if order.assignment_id is not None:
        assignment = session.get(DutyAssignment, order.assignment_id)
        order.assignment_id = None
        session.flush()
        session.delete(assignment)
    order.status = "reversed"
    duty_service.audit(session, actor, "reverse", "duty_order", order.id, order.municipality_number)
    return {
        "outcome": "granted",
        "summary": f"Pålegget om {order.task.name.lower()} trekkes tilbake.",
        "reasons": [{"rule_id": rules.VOLUNTARY.id, "citation": rules.VOLUNTARY.citation, "text": reasons}],
        "facts": [f"Pålegget ble varslet {day_text(order.notified_on)}.", "Legen har klaget på pålegget."],
        "weighing": weighing,
    }
