"""Reading and writing the register's part of a municipality file: upsert by natural key, never commit.

Top-level items (offices, doctors, agreements, list counts) are created or updated, never deleted.
An agreement's `doctor_periods` in the file are that agreement's whole list: periods missing from
the file are removed, so that a corrected period does not leave its old version behind.
"""

from datetime import date
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from legetjeneste.dates import format_month, parse_month
from legetjeneste.municipality_file.sections import Changes, assign, upsert
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.file_section.rules import Existing, Items
from legetjeneste.registry.file_section.schemas import AgreementIn, ListCountIn
from legetjeneste.registry.models import (
    Agreement,
    Doctor,
    DoctorPeriod,
    ListCount,
    Municipality,
    Office,
)

_MUNICIPALITY = cast(Table, Municipality.__table__)


def existing(session: Session, number: str) -> Existing:
    """The keys the database holds, in `number` (the file may name them) and elsewhere (a clash)."""
    offices = session.execute(select(Office.organisation_number, Office.municipality_number)).all()
    agreements = session.execute(select(Agreement.id, Agreement.municipality_number)).all()
    return Existing(
        organisation_numbers={orgnr for orgnr, owner in offices if owner == number},
        hpr_numbers=set(
            session.scalars(select(Doctor.hpr_number).where(Doctor.municipality_number == number))
        ),
        agreement_ids={a_id for a_id, owner in agreements if owner == number},
        other_municipality_organisation_numbers={orgnr for orgnr, owner in offices if owner != number},
        other_municipality_agreement_ids={a_id for a_id, owner in agreements if owner != number},
    )


def lock_municipality(session: Session, number: str, name: str) -> bool:
    """Insert the municipality unless it exists, then lock its row until the transaction ends: whether it
    was inserted. Imports of one municipality's file follow one another from here (docs/adr/0010):
    PostgreSQL waits on the primary key for an insert not yet committed (ON CONFLICT DO NOTHING) and on
    the row lock (SELECT … FOR NO KEY UPDATE, which leaves other writers' foreign keys to the row alone);
    SQLite's write transaction holds the one write lock already."""
    make = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    inserted = session.execute(
        make(_MUNICIPALITY)
        .values(number=number, name=name)
        .on_conflict_do_nothing(index_elements=["number"])
        .returning(_MUNICIPALITY.c.number)
    ).first()
    session.execute(
        select(_MUNICIPALITY.c.number).where(_MUNICIPALITY.c.number == number).with_for_update(key_share=True)
    )
    return inserted is not None


def apply_register(session: Session, header: Any, items: Items, changes: Changes) -> None:
    """The municipality (`header`, the file's `municipality`), its offices, doctors, agreements and counts.
    The import has locked (and if new, inserted and counted) the municipality first."""
    number = header.number
    municipality = session.get(Municipality, number, populate_existing=True)
    assert municipality is not None, "locked by the import before its sections are checked"
    if assign(municipality, {"name": header.name}):
        changes.updated["municipality"] += 1
    elif not changes.created["municipality"]:
        changes.unchanged["municipality"] += 1
    municipality.set_inhabitants(header.inhabitants)
    session.flush()
    offices = {
        o.organisation_number: o
        for o in session.scalars(select(Office).where(Office.municipality_number == number))
    }
    for _, office in items["offices"]:
        values = {"municipality_number": number, **office.model_dump()}
        offices[office.organisation_number] = upsert(
            session, changes, "office", offices.get(office.organisation_number), values, Office
        )
    doctors = {
        d.hpr_number: d for d in session.scalars(select(Doctor).where(Doctor.municipality_number == number))
    }
    for _, doctor in items["doctors"]:
        values = {"municipality_number": number, **doctor.model_dump()}
        doctors[doctor.hpr_number] = upsert(
            session, changes, "doctor", doctors.get(doctor.hpr_number), values, Doctor
        )
    session.flush()
    _apply_agreements(session, changes, items["agreements"], number, offices, doctors)
    apply_list_counts(session, [item for _, item in items["list_counts"]], number, changes)


def _apply_agreements(
    session: Session,
    changes: Changes,
    agreements: list[tuple[int, AgreementIn]],
    number: str,
    offices: dict[str, Office],
    doctors: dict[str, Doctor],
) -> None:
    existing = {
        a.id: a
        for a in session.scalars(
            select(Agreement)
            .options(selectinload(Agreement.doctor_periods))
            .where(Agreement.municipality_number == number)
        )
    }
    for _, item in agreements:
        values = {
            "id": item.id,
            "municipality_number": number,
            "office_id": offices[item.office].id,
            **item.model_dump(exclude={"id", "office", "doctor_periods"}),
        }
        agreement = existing.get(item.id)
        if agreement is None:
            agreement = Agreement(**values, doctor_periods=[])
            session.add(agreement)
            changes.created["agreement"] += 1
        elif assign(agreement, values):
            changes.updated["agreement"] += 1
        else:
            changes.unchanged["agreement"] += 1
        _apply_periods(changes, agreement, item, doctors)


def _apply_periods(
    changes: Changes, agreement: Agreement, item: AgreementIn, doctors: dict[str, Doctor]
) -> None:
    current: dict[tuple[int, str, date], DoctorPeriod] = {
        (p.doctor_id, p.role, p.start): p for p in agreement.doctor_periods
    }
    wanted: set[tuple[int, str, date]] = set()
    for period in item.doctor_periods:
        values = {
            "doctor_id": doctors[period.doctor].id,
            "vikar_for_doctor_id": doctors[period.vikar_for].id if period.vikar_for else None,
            **period.model_dump(exclude={"doctor", "vikar_for"}),
        }
        key: tuple[int, str, date] = (values["doctor_id"], period.role, period.start)
        wanted.add(key)
        if key in current:
            (changes.updated if assign(current[key], values) else changes.unchanged)["doctor_period"] += 1
        else:
            agreement.doctor_periods.append(DoctorPeriod(**values))
            changes.created["doctor_period"] += 1
    for key, stale in current.items():
        if key not in wanted:
            agreement.doctor_periods.remove(stale)
            changes.removed["doctor_period"] += 1


def apply_list_counts(
    session: Session, items: list[ListCountIn], number: str, changes: Changes | None = None
) -> Changes:
    """Upsert monthly counts by (agreement, month); the agreements are already checked to be `number`'s."""
    changes = changes or Changes()
    existing = {
        (c.agreement_id, c.month): c
        for c in session.scalars(
            select(ListCount).join(Agreement).where(Agreement.municipality_number == number)
        )
    }
    for item in items:
        month = parse_month(item.month)
        values = {
            "agreement_id": item.agreement,
            "month": month,
            "list_length": item.list_length,
            "waiting_list_count": item.waiting_list_count,
            "pbt_annual_amount": item.pbt_annual_amount,
        }
        upsert(session, changes, "list_count", existing.get((item.agreement, month)), values, ListCount)
    session.flush()
    return changes


def register_sections(session: Session, number: str) -> dict:
    """The municipality and its offices, doctors, agreements and list counts in the import format."""
    municipality = session.get(Municipality, number, populate_existing=True)
    assert municipality is not None, "the file's envelope has found the municipality"
    offices = registry_queries.offices(session, municipality_number=number)
    doctors = registry_queries.doctors(session, municipality_number=number)
    agreements = registry_queries.agreements(session, municipality_number=number)
    counts = registry_queries.list_counts_of_municipality(session, number)
    return {
        "municipality": municipality_out(municipality),
        "offices": [office_out(o) for o in offices],
        "doctors": [doctor_out(d) for d in sorted(doctors, key=lambda d: d.id)],
        "agreements": [agreement_out(a) for a in agreements],
        "list_counts": [list_count_out(c) for c in counts],
    }


def municipality_out(municipality: Municipality) -> dict:
    return {
        "number": municipality.number,
        "name": municipality.name,
        "inhabitants": {p.year: p.inhabitants for p in municipality.populations},
    }


def office_out(office: Office) -> dict:
    fields = (
        "organisation_number",
        "name",
        "is_group_practice",
        "street_address",
        "postal_code",
        "city",
        "phone",
        "is_accessible",
    )
    return {name: getattr(office, name) for name in fields}


def doctor_out(doctor: Doctor) -> dict:
    fields = ("hpr_number", "first_name", "last_name", "birth_date", "specialist_status", "payment_account")
    data = {name: getattr(doctor, name) for name in fields}
    return _without_none({**data, "birth_date": doctor.birth_date.isoformat()})


def agreement_out(agreement: Agreement) -> dict:
    data = {
        "id": agreement.id,
        "office": agreement.office.organisation_number,
        "listetak": agreement.listetak,
        "list_status": agreement.list_status,
        "operating_model": agreement.operating_model,
        "fellesliste": agreement.fellesliste,
        "agreement_date": agreement.agreement_date.isoformat() if agreement.agreement_date else None,
        "start": agreement.start.isoformat(),
        "end": agreement.end.isoformat() if agreement.end else None,
        "end_reason": agreement.end_reason,
        "opening_hours": agreement.opening_hours,
        "phone_hours": agreement.phone_hours,
        "utekontor": agreement.utekontor,
        "doctor_periods": [
            _without_none(
                {
                    "doctor": p.doctor.hpr_number,
                    "role": p.role,
                    "vikar_for": p.vikar_for.hpr_number if p.vikar_for else None,
                    "working_percentage": p.working_percentage,
                    "working_days": p.working_days,
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat() if p.end else None,
                }
            )
            for p in agreement.doctor_periods
        ],
    }
    return _without_none(data)


def list_count_out(count: ListCount) -> dict:
    return _without_none(
        {
            "agreement": count.agreement_id,
            "month": format_month(count.month),
            "list_length": count.list_length,
            "waiting_list_count": count.waiting_list_count,
            "pbt_annual_amount": str(count.pbt_annual_amount)
            if count.pbt_annual_amount is not None
            else None,
        }
    )


def _without_none(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}
