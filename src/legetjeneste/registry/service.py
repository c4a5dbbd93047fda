"""Use cases of the register: municipalities, offices and doctors, and what the sub-features share: the
AGR-LISTETAK limits of a day, an agreement in scope and the audit of reading its doctors.

Agreements, list counts and the overview are in `agreements.service`, doctor periods in `periods.service`.
Every function checks permission and municipality scope, reads and writes in one transaction, and audits.
"""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.errors import Conflict, Forbidden
from legetjeneste.registry import queries, rules
from legetjeneste.registry.models import Agreement, Doctor, Municipality, Office
from legetjeneste.registry.schemas import (
    DoctorCreate,
    DoctorRead,
    DoctorUpdate,
    MunicipalityCreate,
    MunicipalityRead,
    MunicipalityUpdate,
    OfficeCreate,
    OfficeRead,
    OfficeUpdate,
)


def limits_on(day: date) -> rules.Limits:
    """The AGR-LISTETAK parameters in force on the day."""
    return rules.Limits(
        max_listetak=parameters.value("agreements/max_listetak", on=day),
        min_listetak=parameters.value("agreements/min_listetak", on=day),
    )


def agreement_in_scope(session: Session, actor: Actor, agreement_id: int) -> Agreement:
    """The agreement with its office and periods loaded, if the actor may see it. Loaded up front, because the
    checks read them after a change (a lazy load would flush the change before it is checked)."""
    return scope.row(
        session,
        actor,
        Agreement,
        agreement_id,
        missing=f"Fastlegeavtale {agreement_id} finnes ikke.",
        load=queries.agreement,
    )


def audit_doctors_read(session: Session, actor: Actor, agreement: Agreement) -> None:
    """The agreement's doctors are personal data: reading them is audited."""
    doctor_ids = [p.doctor_id for p in agreement.doctor_periods]
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="doctor",
        record_ids=doctor_ids,
        municipality_number=agreement.municipality_number,
        detail={"agreement": agreement.id},
    )


def list_municipalities(session: Session, *, actor: Actor) -> list[MunicipalityRead]:
    auth_service.require(actor, "register.read")
    with session.begin():
        return [
            MunicipalityRead.of(m) for m in queries.municipalities(session, number=scope.limited_to(actor))
        ]


def has_municipalities(session: Session) -> bool:
    """Whether anything is registered yet (the demo loads on a first start)."""
    with session.begin():
        return bool(queries.municipalities(session))


def get_municipality(session: Session, *, actor: Actor, number: str) -> MunicipalityRead:
    auth_service.require(actor, "register.read")
    with session.begin():
        return MunicipalityRead.of(scope.municipality(session, actor, number))


def create_municipality(session: Session, *, actor: Actor, data: MunicipalityCreate) -> MunicipalityRead:
    """Only the system administrator adds a municipality; its staff then import or register the rest."""
    if not actor.sees_all_municipalities:
        raise Forbidden("Bare systemadministratoren kan legge til en kommune.")
    with session.begin():
        if session.get(Municipality, data.number) is not None:
            raise Conflict(f"number: kommune {data.number} finnes allerede")
        municipality = Municipality(number=data.number, name=data.name, populations=[])
        municipality.set_inhabitants(data.inhabitants)
        session.add(municipality)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="municipality",
            record_ids=[data.number],
            municipality_number=data.number,
        )
    return get_municipality(session, actor=actor, number=data.number)


def update_municipality(
    session: Session, *, actor: Actor, number: str, data: MunicipalityUpdate
) -> MunicipalityRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        municipality = scope.municipality(session, actor, number)
        if data.name is not None:
            municipality.name = data.name
        municipality.set_inhabitants(data.inhabitants or {})
        changed = list(data.model_dump(exclude_unset=True))
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="municipality",
            record_ids=[number],
            municipality_number=number,
            detail={"fields": changed},
        )
    return get_municipality(session, actor=actor, number=number)


def list_offices(
    session: Session, *, actor: Actor, municipality_number: str | None = None
) -> list[OfficeRead]:
    auth_service.require(actor, "register.read")
    with session.begin():
        found = queries.offices(session, municipality_number=scope.limited_to(actor, municipality_number))
        return [OfficeRead.model_validate(office) for office in found]


def get_office(session: Session, *, actor: Actor, office_id: int) -> OfficeRead:
    auth_service.require(actor, "register.read")
    with session.begin():
        return OfficeRead.model_validate(scope.office(session, actor, office_id))


def _ensure_unique_organisation_number(
    session: Session, organisation_number: str, office_id: int | None
) -> None:
    existing = queries.office_by_organisation_number(session, organisation_number)
    if existing is not None and existing.id != office_id:
        raise Conflict(
            f"organisation_number: {organisation_number} er allerede registrert på et annet legekontor"
        )


def create_office(session: Session, *, actor: Actor, data: OfficeCreate) -> OfficeRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        municipality = scope.target_municipality(session, actor, data.municipality_number)
        _ensure_unique_organisation_number(session, data.organisation_number, None)
        office = Office(municipality_number=municipality, **data.model_dump(exclude={"municipality_number"}))
        session.add(office)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="office",
            record_ids=[office.id],
            municipality_number=municipality,
        )
        return OfficeRead.model_validate(office)


def update_office(session: Session, *, actor: Actor, office_id: int, data: OfficeUpdate) -> OfficeRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        office = scope.office(session, actor, office_id)
        changes = data.model_dump(exclude_unset=True, exclude_none=True)
        if "organisation_number" in changes:
            _ensure_unique_organisation_number(session, changes["organisation_number"], office.id)
        for field, value in changes.items():
            setattr(office, field, value)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="office",
            record_ids=[office.id],
            municipality_number=office.municipality_number,
            detail={"fields": list(changes)},
        )
        return OfficeRead.model_validate(office)


def list_doctors(
    session: Session, *, actor: Actor, municipality_number: str | None = None
) -> list[DoctorRead]:
    auth_service.require(actor, "register.read")
    with session.begin():
        limit = scope.limited_to(actor, municipality_number)
        found = queries.doctors(session, municipality_number=limit)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=[d.id for d in found],
            municipality_number=limit,
        )
        return [DoctorRead.model_validate(doctor) for doctor in found]


def get_doctor(session: Session, *, actor: Actor, doctor_id: int) -> DoctorRead:
    auth_service.require(actor, "register.read")
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=[doctor.id],
            municipality_number=doctor.municipality_number,
        )
        return DoctorRead.model_validate(doctor)


def create_doctor(session: Session, *, actor: Actor, data: DoctorCreate) -> DoctorRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        municipality = scope.target_municipality(session, actor, data.municipality_number)
        if queries.doctor_by_hpr(session, municipality_number=municipality, hpr_number=data.hpr_number):
            raise Conflict(f"hpr_number: lege med HPR-nummer {data.hpr_number} er allerede registrert")
        doctor = Doctor(municipality_number=municipality, **data.model_dump(exclude={"municipality_number"}))
        session.add(doctor)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="doctor",
            record_ids=[doctor.id],
            municipality_number=municipality,
        )
        return DoctorRead.model_validate(doctor)


def update_doctor(session: Session, *, actor: Actor, doctor_id: int, data: DoctorUpdate) -> DoctorRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        changes = data.model_dump(exclude_unset=True, exclude_none=True)
        for field, value in changes.items():
            setattr(doctor, field, value)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="doctor",
            record_ids=[doctor.id],
            municipality_number=doctor.municipality_number,
            detail={"fields": list(changes)},
        )
        return DoctorRead.model_validate(doctor)
