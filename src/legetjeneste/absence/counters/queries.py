"""The rules' input for the counters, assembled from loaded absences."""

from legetjeneste.absence.counters.rules import AbsenceFacts
from legetjeneste.absence.models import Absence


def facts_of(absence: Absence) -> AbsenceFacts:
    """What ABS-DEDUCT needs of an absence; the child details only matter for child-related grounds."""
    details = absence.details or {}
    return AbsenceFacts(
        id=absence.id,
        ground=absence.ground,
        start=absence.start,
        end=absence.end,
        cover=absence.cover,
        children=details.get("children", 1),
        chronically_ill=details.get("chronically_ill", False),
        sole_carer=details.get("sole_carer", False),
    )
