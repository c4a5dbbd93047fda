"""Every mapped class, imported once so that metadata and Alembic see them all."""

from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.models import ApiToken, User
from legetjeneste.legevakt import models as legevakt_models  # noqa: F401  (its tables)
from legetjeneste.legevakt.rosters import models as roster_models  # noqa: F401  (its tables)
from legetjeneste.lifecycle.models import LifecycleCase, LifecycleClock, LifecycleStep
from legetjeneste.notices.models import Notice
from legetjeneste.payments.models import BreachCase, BreachStep, DutyHours, PaymentLine, PaymentRun
from legetjeneste.planning.models import NationalKeyFigure
from legetjeneste.registry.models import (
    Agreement,
    Doctor,
    DoctorPeriod,
    ListCount,
    Municipality,
    MunicipalityPopulation,
    Office,
)

__all__ = [
    "Absence",
    "AbsenceAssistant",
    "DigitalServices",
    "Notice",
    "OfficeNotice",
    "Agreement",
    "BreachCase",
    "BreachStep",
    "DutyHours",
    "LifecycleCase",
    "LifecycleClock",
    "LifecycleStep",
    "PaymentLine",
    "PaymentRun",
    "ApiToken",
    "AuditEntry",
    "Doctor",
    "DoctorPeriod",
    "ListCount",
    "Municipality",
    "MunicipalityPopulation",
    "NationalKeyFigure",
    "Office",
    "User",
]
