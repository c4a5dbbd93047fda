"""Read models and rule inputs assembled from loaded absences."""

from legetjeneste.absence import labels, rules
from legetjeneste.absence.models import Absence
from legetjeneste.absence.schemas import AbsenceRead
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth.rules import Actor


def facts_of(absence: Absence) -> rules.AbsenceFacts:
    details = absence.details or {}
    return rules.AbsenceFacts(
        id=absence.id,
        ground=absence.ground,
        start=absence.start,
        end=absence.end,
        cover=absence.cover,
        children=details.get("children", 1),
        chronically_ill=details.get("chronically_ill", False),
        sole_carer=details.get("sole_carer", False),
    )


def absence_read(absence: Absence, actor: Actor) -> AbsenceRead:
    """Others than the absence's handlers see neither the ground nor the details (health data)."""
    sees = auth_rules.sees_absence_ground(actor, absence.agreement.office_id)
    return AbsenceRead(
        id=absence.id,
        municipality_number=absence.municipality_number,
        doctor_id=absence.doctor_id,
        doctor_name=absence.doctor.full_name,
        agreement_id=absence.agreement_id,
        office_id=absence.agreement.office_id,
        office_name=absence.agreement.office.name,
        ground=absence.ground if sees else None,
        ground_label=labels.ground_label(absence.ground, sees_grounds=sees),
        start=absence.start,
        end=absence.end,
        days=(absence.end - absence.start).days + 1,
        cover=absence.cover,
        cover_label=labels.COVER[absence.cover],
        vikar_doctor_id=absence.vikar_doctor_id,
        vikar_name=absence.vikar.full_name if absence.vikar else None,
        details=absence.details if sees else None,
    )
