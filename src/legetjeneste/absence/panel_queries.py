"""Selects for the GP panel's settings; never commits."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence.models import AbsenceAssistant, DigitalServices, OfficeNotice


def digital_services(session: Session, agreement_ids: list[int]) -> dict[int, DigitalServices]:
    if not agreement_ids:
        return {}
    query = select(DigitalServices).where(DigitalServices.agreement_id.in_(agreement_ids))
    return {row.agreement_id: row for row in session.scalars(query)}


def assistants(session: Session, agreement_ids: list[int]) -> list[AbsenceAssistant]:
    if not agreement_ids:
        return []
    query = (
        select(AbsenceAssistant)
        .options(selectinload(AbsenceAssistant.colleague))
        .where(AbsenceAssistant.agreement_id.in_(agreement_ids))
        .order_by(AbsenceAssistant.start, AbsenceAssistant.id)
    )
    return list(session.scalars(query))


def notices(session: Session, office_id: int) -> list[OfficeNotice]:
    query = (
        select(OfficeNotice)
        .options(selectinload(OfficeNotice.office))
        .where(OfficeNotice.office_id == office_id)
        .order_by(OfficeNotice.start, OfficeNotice.id)
    )
    return list(session.scalars(query))
