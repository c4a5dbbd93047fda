"""Pydantic shapes of the GP's own view on Min side: the GP against the cap (DUTY-CAP), the duties held, and
the orders with their letters, appeal deadline and offered list reduction (DUTY-LIST-REDUCTION)."""

from datetime import date
from decimal import Decimal

from pydantic import BaseModel

from legetjeneste.duties.schemas import GpStanding


class OwnOrder(BaseModel):
    """One order on the GP, as the GP sees it."""

    id: int
    task_name: str
    hours_per_week: Decimal
    notified_on: date
    first_day: date
    status: str
    decision_id: int | None
    case_number: str | None
    appeal_deadline: date | None
    can_appeal: bool
    appeal_text: str
    listetak: int | None
    proposed_listetak: int | None
    list_reduction_link: str | None


class OwnDuties(BaseModel):
    """«Mine kommunale oppgaver»: the GP against the cap today, and the orders."""

    on: date
    max_hours: Decimal
    standing: GpStanding | None
    # The GP against the cap the day the latest order still to begin starts, when there is one.
    upcoming: GpStanding | None = None
    upcoming_on: date | None = None
    orders: list[OwnOrder]
