"""The start pages of a GP (Min side) and of an office administrator (Mitt kontor): what the register
knows of their own doctor row or office. Other features add their parts as panels (features.Panel)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, today_oslo
from legetjeneste.errors import Forbidden
from legetjeneste.registry import queries
from legetjeneste.registry.agreements.schemas import AgreementRead
from legetjeneste.registry.schemas import DoctorRead, OfficeRead
from legetjeneste.registry.service import limits_on


def my_page(session: Session, *, actor: Actor, on: date | None = None) -> dict:
    """The GP's own doctor row and the agreements they serve at the date: listetak, list length, open
    places."""
    auth_service.require(actor, "minside.read")
    if actor.doctor_id is None:
        raise Forbidden("Brukeren din er ikke knyttet til en lege i registeret. Kontakt kommunen.")
    day = on or today_oslo()
    with session.begin():
        doctor = scope.doctor(session, actor, actor.doctor_id)
        periods = [
            p
            for p in queries.agreements_of_doctor(session, doctor.id)
            if Period(p.start, p.end).contains(day)
        ]
        agreements = {p.agreement.id: p.agreement for p in periods}
        counts = queries.latest_list_counts(session, list(agreements), on=day)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=[doctor.id],
            municipality_number=doctor.municipality_number,
            detail={"view": "min_side"},
        )
        return {
            "doctor": DoctorRead.model_validate(doctor),
            "day": day,
            "own_agreements": [
                {
                    "agreement": AgreementRead.at(a, counts.get(a.id), on=day, limits=limits_on(day)),
                    "role": next(p.role for p in periods if p.agreement_id == a.id),
                    "office_name": a.office.name,
                }
                for a in agreements.values()
            ],
        }


def _serving(agreement, day: date) -> list[dict]:
    """Who serves the list now and later: regular doctor, vikar or delelege, each with their period."""
    return [
        {
            "doctor_id": p.doctor_id,
            "doctor_name": p.doctor.full_name,
            "role": p.role,
            "start": p.start,
            "end": p.end,
            "now": p.period.contains(day),
        }
        for p in sorted(agreement.doctor_periods, key=lambda p: (p.start, p.id))
        if p.end is None or p.end >= day
    ]


def _office_agreements(session: Session, office, day: date) -> list[dict]:
    found = [
        a
        for a in queries.agreements(
            session, municipality_number=office.municipality_number, office_id=office.id
        )
        if a.end is None or a.end >= day
    ]
    counts = queries.latest_list_counts(session, [a.id for a in found], on=day)
    return [
        {
            "agreement": AgreementRead.at(a, counts.get(a.id), on=day, limits=limits_on(day)),
            "serving": _serving(a, day),
        }
        for a in found
    ]


def my_office(session: Session, *, actor: Actor, on: date | None = None) -> dict:
    """The office administrator's own office, its agreements at the date (listetak, list length, open places,
    AGR-OPEN) and who serves each list now and later (regular doctor, vikar, delelege)."""
    auth_service.require(actor, "office.own")
    if actor.office_id is None:
        raise Forbidden("Brukeren din er ikke knyttet til et legekontor. Kontakt kommunen.")
    day = on or today_oslo()
    with session.begin():
        office = scope.office(session, actor, actor.office_id)
        rows = _office_agreements(session, office, day)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=sorted({s["doctor_id"] for row in rows for s in row["serving"]}),
            municipality_number=office.municipality_number,
            detail={"view": "mitt_kontor"},
        )
        return {"office": OfficeRead.model_validate(office), "day": day, "office_agreements": rows}
