"""Selects for the vacation overview and the absence calendars; never commits.

The overview needs few columns of many rows (600 agreements), so agreements and doctor periods are read
as plain rows rather than mapped objects.
"""

from datetime import date

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, joinedload

from legetjeneste.absence.models import Absence, AbsenceAssistant
from legetjeneste.registry.models import Agreement, DoctorPeriod


def agreement_rows(session: Session, *, municipality_number: str) -> list[Row]:
    """(id, office_id, start, end) of every agreement of the municipality."""
    query = (
        select(Agreement.id, Agreement.office_id, Agreement.start, Agreement.end)
        .where(Agreement.municipality_number == municipality_number)
        .order_by(Agreement.id)
    )
    return list(session.execute(query))


def doctor_period_rows(session: Session, *, municipality_number: str) -> list[Row]:
    """(agreement_id, doctor_id, role, start, end) of every doctor period of the municipality's agreements."""
    query = (
        select(
            DoctorPeriod.agreement_id,
            DoctorPeriod.doctor_id,
            DoctorPeriod.role,
            DoctorPeriod.start,
            DoctorPeriod.end,
        )
        .join(Agreement, Agreement.id == DoctorPeriod.agreement_id)
        .where(Agreement.municipality_number == municipality_number)
        .order_by(DoctorPeriod.agreement_id, DoctorPeriod.start, DoctorPeriod.id)
    )
    return list(session.execute(query))


def absences(
    session: Session,
    *,
    municipality_number: str,
    overlapping: tuple[date, date],
    office_id: int | None = None,
) -> list[Absence]:
    """The absences of the municipality (or of one office's agreements) that overlap a period, with the
    doctor and the vikar."""
    first, last = overlapping
    query = (
        select(Absence)
        .options(joinedload(Absence.doctor, innerjoin=True), joinedload(Absence.vikar))
        .where(
            Absence.municipality_number == municipality_number,
            Absence.start <= last,
            Absence.end >= first,
        )
        .order_by(Absence.start, Absence.id)
    )
    if office_id is not None:
        query = query.join(Agreement, Agreement.id == Absence.agreement_id).where(
            Agreement.office_id == office_id
        )
    return list(session.scalars(query))


def assistants(
    session: Session,
    *,
    municipality_number: str,
    overlapping: tuple[date, date],
    office_id: int | None = None,
) -> list[AbsenceAssistant]:
    """The absence-assistant entries of the municipality's (or one office's) agreements in a period."""
    first, last = overlapping
    query = (
        select(AbsenceAssistant)
        .options(joinedload(AbsenceAssistant.colleague, innerjoin=True))
        .join(Agreement, Agreement.id == AbsenceAssistant.agreement_id)
        .where(
            Agreement.municipality_number == municipality_number,
            AbsenceAssistant.start <= last,
            AbsenceAssistant.end >= first,
        )
        .order_by(AbsenceAssistant.start, AbsenceAssistant.id)
    )
    if office_id is not None:
        query = query.where(Agreement.office_id == office_id)
    return list(session.scalars(query))
