"""The year's absence counters of a doctor or a municipality, and every classified day (ABS-DEDUCT)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.absence import queries
from legetjeneste.absence.counters import queries as counter_queries
from legetjeneste.absence.counters import rules as counter_rules
from legetjeneste.absence.models import Absence
from legetjeneste.absence.quotas import quotas_on
from legetjeneste.absence.schemas import AbsenceRead, CounterRead, DayRead, DoctorCounters, MyAbsences
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import today_oslo
from legetjeneste.errors import Forbidden
from legetjeneste.registry.models import Doctor


def _counters(doctor: Doctor, absences: list[Absence], year: int) -> DoctorCounters:
    classification = counter_rules.classify(
        [counter_queries.facts_of(a) for a in absences], year=year, quotas_for=quotas_on
    )
    return DoctorCounters(
        doctor_id=doctor.id,
        doctor_name=doctor.full_name,
        hpr_number=doctor.hpr_number,
        year=year,
        counters=[CounterRead(**vars(c)) for c in classification.counters],
        days=[DayRead(**vars(d)) for d in classification.days],
    )


def doctor_counters(session: Session, *, actor: Actor, doctor_id: int, year: int) -> DoctorCounters:
    """ABS-DEDUCT — the doctor's counters for the year, each with its rule, and every classified day: for
    those who handle the doctor's absences, and for the doctor themselves."""
    auth_service.require(actor, "absence.read")
    if actor.doctor_id != doctor_id and not auth_rules.sees_absence_grounds(actor):
        raise Forbidden("Du har ikke tilgang til å se fraværstellerne.")
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        found = queries.absences(session, doctor_id=doctor.id, overlapping=counter_rules.window_of(year))
        if not all(
            auth_rules.sees_absence_ground(actor, a.agreement.office_id, doctor_id=a.doctor_id) for a in found
        ):
            raise Forbidden("Du kan bare se fraværstellerne for legene på ditt eget legekontor.")
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=[a.id for a in found],
            municipality_number=doctor.municipality_number,
        )
        return _counters(doctor, found, year)


def _require_own(actor: Actor, doctor_id: int | None) -> int:
    """The actor's own doctor id, when that is the one asked for."""
    auth_service.require(actor, "absence.own")
    if doctor_id is None or actor.doctor_id != doctor_id:
        raise Forbidden("Du kan bare se ditt eget fravær.")
    return doctor_id


def my_absences(
    session: Session, *, actor: Actor, doctor_id: int | None, year: int | None = None
) -> MyAbsences:
    """ABS-DEDUCT — Min side: the GP's own absences in the year, with their grounds, and the year's
    counters, each with its rule."""
    own = _require_own(actor, doctor_id)
    year = year or today_oslo().year
    with session.begin():
        doctor = scope.doctor(session, actor, own)
        found = queries.absences(session, doctor_id=doctor.id, overlapping=counter_rules.window_of(year))
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=[a.id for a in found],
            municipality_number=doctor.municipality_number,
            detail={"view": "min_side"},
        )
        return MyAbsences(
            year=year,
            absences=[
                AbsenceRead.of(
                    a,
                    sees_ground=auth_rules.sees_absence_ground(
                        actor, a.agreement.office_id, doctor_id=a.doctor_id
                    ),
                )
                for a in found
                if a.end >= date(year, 1, 1)
            ],
            counters=_counters(doctor, found, year),
        )


def municipality_counters(
    session: Session, *, actor: Actor, municipality_number: str, year: int
) -> list[DoctorCounters]:
    """The counters of every doctor in the municipality with an absence in the year."""
    auth_service.require(actor, "absence.read")
    scope.require_municipality(actor, municipality_number)
    if not auth_rules.sees_absence_grounds(actor):
        raise Forbidden("Du har ikke tilgang til å se fraværstellerne.")
    with session.begin():
        found = [
            absence
            for absence in queries.absences(
                session, municipality_number=municipality_number, overlapping=counter_rules.window_of(year)
            )
            if auth_rules.sees_absence_ground(actor, absence.agreement.office_id)
        ]
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="absence",
            record_ids=[a.id for a in found],
            municipality_number=municipality_number,
        )
        by_doctor: dict[int, list[Absence]] = {}
        for absence in found:
            by_doctor.setdefault(absence.doctor_id, []).append(absence)
        return [
            _counters(absences[0].doctor, absences, year)
            for absences in sorted(by_doctor.values(), key=lambda items: items[0].doctor.full_name)
            if any(a.end >= date(year, 1, 1) for a in absences)
        ]
