"""The absence sections of an exported municipality file, in the import format."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.registry.models import Agreement, Office


def absence_sections(session: Session, number: str) -> dict[str, list[dict]]:
    agreement_ids = list(session.scalars(select(Agreement.id).where(Agreement.municipality_number == number)))
    absences = session.scalars(
        select(Absence)
        .options(selectinload(Absence.doctor), selectinload(Absence.vikar))
        .where(Absence.municipality_number == number)
        .order_by(Absence.start, Absence.id)
    )
    services = session.scalars(
        select(DigitalServices)
        .where(DigitalServices.agreement_id.in_(agreement_ids))
        .order_by(DigitalServices.agreement_id)
    )
    entries = session.scalars(
        select(AbsenceAssistant)
        .options(selectinload(AbsenceAssistant.colleague))
        .where(AbsenceAssistant.agreement_id.in_(agreement_ids))
        .order_by(AbsenceAssistant.start, AbsenceAssistant.id)
    )
    notices = session.scalars(
        select(OfficeNotice)
        .join(Office, Office.id == OfficeNotice.office_id)
        .options(selectinload(OfficeNotice.office))
        .where(Office.municipality_number == number)
        .order_by(OfficeNotice.start, OfficeNotice.id)
    )
    return {
        "absences": [_absence_out(a) for a in absences],
        "digital_services": [_services_out(s) for s in services],
        "absence_assistant": [_entry_out(e) for e in entries],
        "office_notices": [_notice_out(n) for n in notices],
    }


def _absence_out(absence: Absence) -> dict:
    data = {
        "doctor": absence.doctor.hpr_number,
        "agreement": absence.agreement_id,
        "ground": absence.ground,
        "start": absence.start.isoformat(),
        "end": absence.end.isoformat(),
        "cover": absence.cover,
        "vikar": absence.vikar.hpr_number if absence.vikar else None,
        "details": absence.details or None,
    }
    return {key: value for key, value in data.items() if value is not None}


def _services_out(services: DigitalServices) -> dict:
    fields = ("offers_digital_services", "booking", "e_consultation", "prescription_renewal", "e_contact")
    return {"agreement": services.agreement_id, **{name: getattr(services, name) for name in fields}}


def _entry_out(entry: AbsenceAssistant) -> dict:
    return {
        "agreement": entry.agreement_id,
        "colleague": entry.colleague.hpr_number,
        "services": entry.services,
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat(),
    }


def _notice_out(notice: OfficeNotice) -> dict:
    data = {
        "office": notice.office.organisation_number,
        "text": notice.text,
        "start": notice.start.isoformat(),
        "end": notice.end.isoformat() if notice.end else None,
    }
    return {key: value for key, value in data.items() if value is not None}
