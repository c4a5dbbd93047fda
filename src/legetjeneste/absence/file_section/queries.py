"""Reading and writing absence's part of a municipality file: upsert by key, never delete, never commit.

Absences are keyed by doctor and start, digital services by agreement, absence-assistant entries by
agreement, colleague and start, office notices by office and start. An import reports no ABS-REPORT
notices: it loads what the municipality already knows.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from legetjeneste.absence import queries as absence_queries
from legetjeneste.absence.file_section.rules import ExistingAbsences, Items
from legetjeneste.absence.models import Absence, AbsenceAssistant, DigitalServices, OfficeNotice
from legetjeneste.absence.rules import CHILD_GROUNDS, SERVING_ROLES
from legetjeneste.dates import Period, now_oslo
from legetjeneste.municipality_file.sections import Changes, upsert
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor, Office


def existing_absences(session: Session, number: str) -> ExistingAbsences:
    by_doctor: dict[str, list[tuple[date, Period]]] = {}
    for absence in absence_queries.absences(session, municipality_number=number):
        by_doctor.setdefault(absence.doctor.hpr_number, []).append((absence.start, absence.period))
    serving = {
        (agreement.id, period.doctor.hpr_number)
        for agreement in registry_queries.agreements(session, municipality_number=number)
        for period in agreement.doctor_periods
        if period.role in SERVING_ROLES
    }
    return ExistingAbsences(by_doctor=by_doctor, serving=serving)


def apply_absence_sections(
    session: Session, items: Items, number: str, changes: Changes, *, actor: str
) -> bool:
    """Write the four sections; False, with nothing of the absences written, when PostgreSQL refuses an
    absence for sharing a day with one a concurrent writer committed after the check (ABS-TYPES)."""
    doctors = {
        d.hpr_number: d.id
        for d in session.scalars(select(Doctor).where(Doctor.municipality_number == number))
    }
    if not _absences_held(session, items, number, changes, doctors, actor):
        return False
    offices = {
        o.organisation_number: o.id
        for o in session.scalars(select(Office).where(Office.municipality_number == number))
    }
    agreement_ids = list(session.scalars(select(Agreement.id).where(Agreement.municipality_number == number)))
    existing_services = {
        s.agreement_id: s
        for s in session.scalars(
            select(DigitalServices).where(DigitalServices.agreement_id.in_(agreement_ids))
        )
    }
    for _, item in items["digital_services"]:
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
    for _, entry in items["absence_assistant"]:
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
    for _, notice in items["office_notices"]:
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
    return True


def _absences_held(
    session: Session, items: Items, number: str, changes: Changes, doctors: dict[str, int], actor: str
) -> bool:
    """The file's absences, written after taking their doctors' turns (as the API does, so neither waits
    for the other's uncommitted rows) and inside a savepoint: whether PostgreSQL took them all."""
    absence_queries.lock_doctors(session, {doctors[item.doctor] for _, item in items["absences"]})
    session.flush()  # what earlier sections wrote stays outside the savepoint
    try:
        with session.begin_nested():
            _absences(session, items, number, changes, doctors, actor)
    except IntegrityError as error:
        if not absence_queries.is_overlap(error):
            raise
        return False
    return True


def _absences(
    session: Session, items: Items, number: str, changes: Changes, doctors: dict[str, int], actor: str
) -> None:
    existing = {
        (a.doctor_id, a.start): a
        for a in session.scalars(select(Absence).where(Absence.municipality_number == number))
    }
    for _, item in items["absences"]:
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


def absence_sections(session: Session, number: str) -> dict[str, list[dict]]:
    """The four sections in the import format."""
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
        "absences": [absence_out(a) for a in absences],
        "digital_services": [services_out(s) for s in services],
        "absence_assistant": [entry_out(e) for e in entries],
        "office_notices": [notice_out(n) for n in notices],
    }


def absence_out(absence: Absence) -> dict:
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


def services_out(services: DigitalServices) -> dict:
    fields = ("offers_digital_services", "booking", "e_consultation", "prescription_renewal", "e_contact")
    return {"agreement": services.agreement_id, **{name: getattr(services, name) for name in fields}}


def entry_out(entry: AbsenceAssistant) -> dict:
    return {
        "agreement": entry.agreement_id,
        "colleague": entry.colleague.hpr_number,
        "services": entry.services,
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat(),
    }


def notice_out(notice: OfficeNotice) -> dict:
    data = {
        "office": notice.office.organisation_number,
        "text": notice.text,
        "start": notice.start.isoformat(),
        "end": notice.end.isoformat() if notice.end else None,
    }
    return {key: value for key, value in data.items() if value is not None}
