"""Pydantic shapes of orders (tilplikting, DUTY-VOLUNTARY): an order as typed, an order as given with its
decision, warning (DUTY-EQUAL-SHARE) and proposed list size (DUTY-LIST-REDUCTION)."""

from datetime import date
from decimal import Decimal

from pydantic import BaseModel

from legetjeneste.duties.schemas import Hours
from legetjeneste.registry.schemas import DbId, Input


class OrderIn(Input):
    """Order a GP to take hours of an announced task, notified on a day, from the first day of work."""

    doctor_id: DbId
    hours_per_week: Hours
    notified_on: date
    first_day: date


class ProposalOrderIn(Input):
    """Order the proposed distribution of a task: every share in one go."""

    notified_on: date
    first_day: date


class OrderRead(BaseModel):
    id: int
    task_id: int
    task_name: str
    doctor_id: int
    doctor_name: str
    hours_per_week: Decimal
    notified_on: date
    first_day: date
    status: str
    decision_id: int | None
    listetak: int | None
    proposed_listetak: int | None
    warning: str
    rule_ids: list[str]
