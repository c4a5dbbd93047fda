"""Selects for the vacation overview and the absence calendars, and the rules' input assembled from the
rows; never commits.

The overview needs few columns of many rows (600 agreements), so agreements and doctor periods are read
as plain rows rather than mapped objects.
"""

from collections import defaultdict
from datetime import date

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, joinedload

from legetjeneste.absence.models import Absence, AbsenceAssistant
from legetjeneste.absence.vacation.rules.data import (
    AbsenceFacts,
    AgreementFacts,
    AssistantFacts,
    MunicipalityFacts,
    OfficeFacts,
    ServiceFacts,
)
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, DoctorPeriod, Municipality


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


def absence_facts(absence: Absence) -> AbsenceFacts:
    return AbsenceFacts(
        id=absence.id,
        agreement_id=absence.agreement_id,
        doctor_id=absence.doctor_id,
        doctor_name=absence.doctor.full_name,
        ground=absence.ground,
        start=absence.start,
        end=absence.end,
        cover=absence.cover,
        vikar_name=absence.vikar.full_name if absence.vikar else None,
    )


def agreement_facts(session: Session, *, municipality_number: str) -> list[AgreementFacts]:
    periods: dict[int, list[ServiceFacts]] = defaultdict(list)
    for agreement_id, doctor_id, role, start, end in doctor_period_rows(
        session, municipality_number=municipality_number
    ):
        periods[agreement_id].append(ServiceFacts(doctor_id, role, start, end))
    return [
        AgreementFacts(agreement_id, office_id, start, end, tuple(periods[agreement_id]))
        for agreement_id, office_id, start, end in agreement_rows(
            session, municipality_number=municipality_number
        )
    ]


def assistant_facts(found: list[AbsenceAssistant]) -> list[AssistantFacts]:
    return [AssistantFacts(a.agreement_id, a.colleague.full_name, a.start, a.end) for a in found]


def office_facts(session: Session, *, municipality_number: str) -> list[OfficeFacts]:
    found = registry_queries.offices(session, municipality_number=municipality_number)
    return [OfficeFacts(o.id, o.name) for o in found]


def municipality_facts(
    session: Session, municipality: Municipality, first: date, last: date, office_id: int | None = None
) -> MunicipalityFacts:
    """Everything the overview of the period is made of; with `office_id` only that office's part."""
    number, window = municipality.number, (first, last)
    found = absences(session, municipality_number=number, overlapping=window, office_id=office_id)
    helpers = assistants(session, municipality_number=number, overlapping=window, office_id=office_id)
    offices = office_facts(session, municipality_number=number)
    agreements = agreement_facts(session, municipality_number=number)
    return MunicipalityFacts(
        number=number,
        name=municipality.name,
        offices=[o for o in offices if office_id in (None, o.id)],
        agreements=[a for a in agreements if office_id in (None, a.office_id)],
        absences=[absence_facts(a) for a in found],
        assistants=assistant_facts(helpers),
    )
