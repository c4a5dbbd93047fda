"""Every mapped class, imported once so that metadata and Alembic see them all."""

from legetjeneste.audit.models import AuditEntry
from legetjeneste.auth.models import ApiToken, User
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
    "Agreement",
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
