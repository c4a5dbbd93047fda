"""Use cases for the municipality file (import and export) and Helfo's monthly list overview."""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from legetjeneste.absence import queries as absence_queries
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, format_month, parse_month, today_oslo
from legetjeneste.errors import Forbidden, ValidationFailed
from legetjeneste.legevakt.file_section import apply_legevakt_sections, legevakt_sections
from legetjeneste.lifecycle.file_section import apply_lifecycle_cases, lifecycle_section
from legetjeneste.municipality_file import checks as file_checks
from legetjeneste.municipality_file import helfo
from legetjeneste.municipality_file.absence_checks import ExistingAbsences, check_absence_sections
from legetjeneste.municipality_file.apply import apply_file, apply_list_counts
from legetjeneste.municipality_file.apply_absence import apply_absence_sections
from legetjeneste.municipality_file.export_absence import absence_sections
from legetjeneste.municipality_file.format import parse_file
from legetjeneste.registry import queries, views
from legetjeneste.registry.models import Agreement, Doctor, Office
from legetjeneste.registry.service import limits_on


def _existing(session: Session, number: str) -> file_checks.Existing:
    offices = session.execute(select(Office.organisation_number, Office.municipality_number)).all()
    agreements = session.execute(select(Agreement.id, Agreement.municipality_number)).all()
    return file_checks.Existing(
        organisation_numbers={orgnr for orgnr, owner in offices if owner == number},
        hpr_numbers=set(
            session.scalars(select(Doctor.hpr_number).where(Doctor.municipality_number == number))
        ),
        agreement_ids={a_id for a_id, owner in agreements if owner == number},
        other_municipality_organisation_numbers={orgnr for orgnr, owner in offices if owner != number},
        other_municipality_agreement_ids={a_id for a_id, owner in agreements if owner != number},
    )


def _existing_absences(session: Session, number: str) -> ExistingAbsences:
    by_doctor: dict[str, list[tuple[date, Period]]] = {}
    for absence in absence_queries.absences(session, municipality_number=number):
        by_doctor.setdefault(absence.doctor.hpr_number, []).append((absence.start, absence.period))
    serving = {
        (agreement.id, period.doctor.hpr_number)
        for agreement in queries.agreements(session, municipality_number=number)
        for period in agreement.doctor_periods
        if period.role in ("regular", "delelege")
    }
    return ExistingAbsences(by_doctor=by_doctor, serving=serving)


def import_municipality_file(session: Session, *, actor: Actor, document: Any, source: str = "") -> dict:
    """All or nothing: every problem is reported and nothing is written, or everything is. Idempotent."""
    auth_service.require(actor, "register.import")
    parsed, problems = parse_file(document)
    if parsed.municipality is None:
        raise ValidationFailed(problems)
    number = parsed.municipality.number
    if not (actor.sees_all_municipalities or actor.municipality_number == number):
        raise Forbidden(f"Du kan bare importere filer for din egen kommune ({actor.municipality_number}).")
    limits = limits_on(today_oslo())
    with session.begin():
        existing = _existing(session, number)
        problems += file_checks.check_file(
            parsed,
            existing=existing,
            max_listetak=limits.max_listetak,
            min_listetak=limits.min_listetak,
            today=today_oslo(),
        )
        problems += check_absence_sections(
            parsed,
            existing=_existing_absences(session, number),
            hprs=parsed.mentioned_hpr_numbers | existing.hpr_numbers,
            agreement_ids=parsed.mentioned_agreement_ids | existing.agreement_ids,
            orgnrs=parsed.mentioned_organisation_numbers | existing.organisation_numbers,
        )
        if any(problem.severity == "error" for problem in problems):
            raise ValidationFailed(sorted(problems, key=lambda p: p.severity != "error"))
        changes = apply_file(session, parsed)
        apply_absence_sections(session, parsed, number, changes, actor=actor.email)
        refused = apply_lifecycle_cases(session, parsed.items["lifecycle_cases"], number, actor)
        if refused:
            raise ValidationFailed(refused)
        apply_legevakt_sections(session, parsed, number, changes, actor=actor.email)
        report = {
            "municipality": number,
            **changes.as_dict(),
            "warnings": [problem.as_dict() for problem in problems],
        }
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="municipality_file",
            record_ids=[number],
            municipality_number=number,
            detail={"source": source, **changes.as_dict()},
        )
    return report


def export_municipality_file(session: Session, *, actor: Actor, municipality_number: str) -> dict:
    """The municipality as one document in the import format; export → import changes nothing.

    It holds the absences' grounds (health data), so only those who may import may export."""
    auth_service.require(actor, "register.import")
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        offices = queries.offices(session, municipality_number=municipality_number)
        doctors = sorted(
            queries.doctors(session, municipality_number=municipality_number), key=lambda d: d.id
        )
        agreements = queries.agreements(session, municipality_number=municipality_number)
        counts = queries.list_counts_of_municipality(session, municipality_number)
        audit_service.record(
            session,
            actor=actor,
            action="export",
            entity="municipality_file",
            record_ids=[municipality_number],
            municipality_number=municipality_number,
            detail={"doctors": len(doctors)},
        )
        return {
            "municipality": {
                "number": municipality.number,
                "name": municipality.name,
                "inhabitants": {p.year: p.inhabitants for p in municipality.populations},
            },
            "offices": [_office_out(o) for o in offices],
            "doctors": [_doctor_out(d) for d in doctors],
            "agreements": [_agreement_out(a) for a in agreements],
            "list_counts": [_count_out(c) for c in counts],
            **absence_sections(session, municipality_number),
            **lifecycle_section(session, municipality_number),
            **legevakt_sections(session, municipality_number),
        }


def _office_out(office: Office) -> dict:
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


def _doctor_out(doctor: Doctor) -> dict:
    fields = ("hpr_number", "first_name", "last_name", "birth_date", "specialist_status", "payment_account")
    data = {name: getattr(doctor, name) for name in fields}
    return _without_none({**data, "birth_date": doctor.birth_date.isoformat()})


def _agreement_out(agreement: Agreement) -> dict:
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


def _count_out(count) -> dict:
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


def import_helfo_monthly_list(
    session: Session, *, actor: Actor, municipality_number: str, month: str, text: str
) -> dict:
    """Helfo's monthly list overview (CSV, see docs/helfo-monthly-list.md) for one month; all or nothing."""
    auth_service.require(actor, "register.import")
    scope.require_municipality(actor, municipality_number)
    rows, problems = helfo.parse_monthly_list(text, month=month)
    with session.begin():
        first_day = parse_month(month) if not problems else None
        facts = {
            a.id: helfo.AgreementFacts(
                listetak=a.listetak,
                regular_hpr=next(
                    (p.doctor.hpr_number for p in views.periods_on(a, "regular", first_day)), None
                )
                if first_day
                else None,
            )
            for a in queries.agreements(session, municipality_number=municipality_number)
        }
        problems += helfo.check_rows(rows, agreements=facts, municipality_number=municipality_number)
        if any(problem.severity == "error" for problem in problems):
            raise ValidationFailed(sorted(problems, key=lambda p: p.severity != "error"))
        changes = apply_list_counts(session, [row.list_count for row in rows], municipality_number).as_dict()
        audit_service.record(
            session,
            actor=actor,
            action="import",
            entity="helfo_monthly_list",
            record_ids=[f"{municipality_number}:{month}"],
            municipality_number=municipality_number,
            detail={"rows": len(rows), **changes},
        )
    return {
        "municipality": municipality_number,
        "month": month,
        "rows": len(rows),
        **changes,
        "warnings": [p.as_dict() for p in problems],
    }
