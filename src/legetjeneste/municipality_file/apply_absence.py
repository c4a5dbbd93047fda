"""Writing the absence sections of a checked municipality file: upsert by key, never delete, never commit.

Absences are keyed by doctor and start, digital services by agreement, absence-assistant entries by
agreement, colleague and start, office notices by office and start. An import reports no ABS-REPORT
notices: it loads what the municipality already knows.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.absence.rules import CHILD_GROUNDS
from legetjeneste.dates import now_oslo
from legetjeneste.municipality_file.apply import Changes, upsert
from legetjeneste.municipality_file.format import ParsedFile
from legetjeneste.registry.models import Agreement, Doctor, Office


def apply_absence_sections(
    session: Session, parsed: ParsedFile, number: str, changes: Changes, *, actor: str
) -> None:
    doctors = {
        d.hpr_number: d.id
        for d in session.scalars(select(Doctor).where(Doctor.municipality_number == number))
    }
    offices = {
        o.organisation_number: o.id
        for o in session.scalars(select(Office).where(Office.municipality_number == number))
    }
    agreement_ids = list(session.scalars(select(Agreement.id).where(Agreement.municipality_number == number)))
    _absences(session, parsed, number, changes, doctors, actor)
    existing_services = {
        s.agreement_id: s
        for s in session.scalars(
            select(DigitalServices).where(DigitalServices.agreement_id.in_(agreement_ids))
        )
    }
    for _, item in parsed.digital_services:
        values = {"agreement_id": item.agreement, **item.model_dump(exclude={"agreement"})}
        upsert(
            session,
            changes,
            "digital_services",
            existing_services.get(item.agreement),
            values,
            DigitalServices,
        )
    entries = {
        (e.agreement_id, e.colleague_doctor_id, e.start): e
        for e in session.scalars(
            select(AbsenceAssistant).where(AbsenceAssistant.agreement_id.in_(agreement_ids))
        )
    }
    for _, entry in parsed.absence_assistant:
        values = {
            "agreement_id": entry.agreement,
            "colleague_doctor_id": doctors[entry.colleague],
            "services": list(entry.services),
            "start": entry.start,
            "end": entry.end,
        }
        key = (entry.agreement, doctors[entry.colleague], entry.start)
        upsert(session, changes, "absence_assistant", entries.get(key), values, AbsenceAssistant)
    notices = {
        (n.office_id, n.start): n
        for n in session.scalars(
            select(OfficeNotice).where(OfficeNotice.office_id.in_(list(offices.values())))
        )
    }
    for _, notice in parsed.office_notices:
        values = {
            "office_id": offices[notice.office],
            "text": notice.text,
            "start": notice.start,
            "end": notice.end,
        }
        upsert(
            session,
            changes,
            "office_notice",
            notices.get((offices[notice.office], notice.start)),
            values,
            OfficeNotice,
        )
    session.flush()


def _absences(
    session: Session, parsed: ParsedFile, number: str, changes: Changes, doctors: dict[str, int], actor: str
) -> None:
    existing = {
        (a.doctor_id, a.start): a
        for a in session.scalars(select(Absence).where(Absence.municipality_number == number))
    }
    for _, item in parsed.absences:
        details = item.details.model_dump() if item.ground in CHILD_GROUNDS else {}
        values = {
            "municipality_number": number,
            "doctor_id": doctors[item.doctor],
            "agreement_id": item.agreement,
            "ground": item.ground,
            "start": item.start,
            "end": item.end,
            "cover": item.cover,
            "vikar_doctor_id": doctors[item.vikar] if item.vikar else None,
            "details": details,
        }
        found = existing.get((doctors[item.doctor], item.start))
        made = upsert(
            session,
            changes,
            "absence",
            found,
            values,
            lambda **v: Absence(**v, created_at=now_oslo(), created_by=actor),
        )
        existing[(made.doctor_id, made.start)] = made
