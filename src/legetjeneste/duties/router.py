"""JSON API of other municipal GP work under /api/v1: each GP against the cap, assignments, tasks, orders,
the proposed distribution and what-if. Each endpoint is one service call."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query

from legetjeneste.dates import parse_month
from legetjeneste.duties import service
from legetjeneste.duties.distribution import service as distribution_service
from legetjeneste.duties.distribution.schemas import DistributionRead
from legetjeneste.duties.orders import service as order_service
from legetjeneste.duties.orders.schemas import OrderIn, OrderRead, ProposalOrderIn
from legetjeneste.duties.payroll import service as payroll_service
from legetjeneste.duties.payroll.schemas import PaidMonth
from legetjeneste.duties.schemas import AssignmentIn, AssignmentRead, Overview, TaskIn, TaskRead
from legetjeneste.duties.supervision import service as supervision_service
from legetjeneste.duties.supervision.schemas import SupervisionIn, SupervisionRead
from legetjeneste.web.deps import ActorDep, Id, SessionDep

router = APIRouter(prefix="/api/v1", tags=["duties"])
Month = Annotated[str, Query(pattern=r"^(19|20)\d{2}-(0[1-9]|1[0-2])$", description="Måned, ÅÅÅÅ-MM")]
MUNICIPALITY = "/municipalities/{number}"


@router.get(MUNICIPALITY + "/duties", response_model=Overview)
def overview(number: str, session: SessionDep, actor: ActorDep, on: date | None = None):
    """Per GP: the cap (DUTY-CAP), deductions, voluntary, ordered and orderable hours a
    week, with rule ids."""
    return service.overview(session, actor=actor, municipality_number=number, on=on)


@router.post(MUNICIPALITY + "/duty-assignments", response_model=AssignmentRead, status_code=201)
def add_assignment(number: str, data: AssignmentIn, session: SessionDep, actor: ActorDep):
    """A duty a GP holds (DUTY-PLACE-TIME, DUTY-ISSUER)."""
    return service.add_assignment(session, actor=actor, municipality_number=number, data=data)


@router.get(MUNICIPALITY + "/duty-tasks", response_model=list[TaskRead])
def tasks(number: str, session: SessionDep, actor: ActorDep):
    return service.list_tasks(session, actor=actor, municipality_number=number)


@router.put(MUNICIPALITY + "/duty-tasks", response_model=TaskRead)
def save_task(number: str, data: TaskIn, session: SessionDep, actor: ActorDep):
    """A task, by its code: announced and the GPs informed before any order (DUTY-VOLUNTARY)."""
    return service.save_task(session, actor=actor, municipality_number=number, data=data)


@router.get("/duty-tasks/{task_id}/proposal", response_model=DistributionRead)
def proposal(task_id: Id, session: SessionDep, actor: ActorDep, on: date | None = None):
    """The proposed even distribution of the task's open hours (DUTY-EQUAL-SHARE); nothing is written."""
    return distribution_service.propose_for_task(session, actor=actor, task_id=task_id, on=on)


@router.get(MUNICIPALITY + "/duty-what-if", response_model=DistributionRead)
def what_if(
    number: str,
    session: SessionDep,
    actor: ActorDep,
    on: date | None = None,
    new_hours: Decimal | None = None,
    leaving_doctor_id: int | None = None,
):
    """The distribution after a new task or a GP leaving, before deciding (DUTY-EQUAL-SHARE)."""
    return distribution_service.what_if(
        session,
        actor=actor,
        municipality_number=number,
        on=on,
        new_hours=new_hours,
        leaving_doctor_id=leaving_doctor_id,
    )


@router.post("/duty-tasks/{task_id}/orders", response_model=OrderRead, status_code=201)
def order(task_id: Id, data: OrderIn, session: SessionDep, actor: ActorDep):
    """Order a GP to take hours of the task, as an enkeltvedtak (DUTY-VOLUNTARY, DUTY-CAP)."""
    return order_service.order_duty(session, actor=actor, task_id=task_id, data=data)


@router.post("/duty-tasks/{task_id}/orders/proposal", response_model=list[OrderRead], status_code=201)
def order_proposal(task_id: Id, data: ProposalOrderIn, session: SessionDep, actor: ActorDep):
    """Order the proposed even distribution of the task, all shares at once (DUTY-EQUAL-SHARE)."""
    return order_service.order_proposal(session, actor=actor, task_id=task_id, data=data)


@router.get(MUNICIPALITY + "/duty-orders", response_model=list[OrderRead])
def orders(number: str, session: SessionDep, actor: ActorDep):
    return order_service.list_orders(session, actor=actor, municipality_number=number)


@router.get(MUNICIPALITY + "/supervision-agreements", response_model=list[SupervisionRead])
def supervision_agreements(number: str, session: SessionDep, actor: ActorDep):
    """Agreements to supervise LIS1 and ALIS, with when they end after notice (DUTY-LIS1-AGREE)."""
    return supervision_service.list_agreements(session, actor=actor, municipality_number=number)


@router.put(MUNICIPALITY + "/supervision-agreements", response_model=SupervisionRead)
def save_supervision_agreement(number: str, data: SupervisionIn, session: SessionDep, actor: ActorDep):
    """An agreement by doctor, trainee kind and start: three years or more, renewals two (DUTY-LIS1-AGREE)."""
    return supervision_service.save_agreement(session, actor=actor, municipality_number=number, data=data)


@router.get(MUNICIPALITY + "/duty-pay-hours", response_model=PaidMonth)
def pay_hours(number: str, session: SessionDep, actor: ActorDep, month: Month):
    """The month's hours of duties paid by the hour per GP (PAY-DUTY-RATE, PAY-LIS1); nothing is sent."""
    return payroll_service.month_hours(
        session, actor=actor, municipality_number=number, month=parse_month(month)
    )


@router.post(MUNICIPALITY + "/duty-pay-hours", response_model=PaidMonth)
def send_pay_hours(number: str, session: SessionDep, actor: ActorDep, month: Month):
    """Register the month's hours of hourly-paid duties in the payment run (PAY-DUTY-RATE)."""
    return payroll_service.send_month(
        session, actor=actor, municipality_number=number, month=parse_month(month)
    )
