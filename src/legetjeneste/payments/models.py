"""The payments tables in one import, for legetjeneste.models (what alembic's metadata sees): runs and
their lines, hours of municipal work, breach cases and their steps. Each lives in its sub-package."""

from legetjeneste.payments.breach.models import BreachCase, BreachStep
from legetjeneste.payments.hours.models import DutyHours
from legetjeneste.payments.runs.models import PaymentLine, PaymentRun

__all__ = ["BreachCase", "BreachStep", "DutyHours", "PaymentLine", "PaymentRun"]
