"""Use cases for agreements and their monthly list counts: the municipality's overview at a date, and the
office, doctor and agreement pages' details. Each checks permission and scope, reads and writes in one
transaction, and audits."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import Period, parse_month, today_oslo
from legetjeneste.errors import Conflict, Problem, ValidationFailed
from legetjeneste.notices import queries as notice_queries
from legetjeneste.registry import queries, rules
from legetjeneste.registry import service as registry_service
from legetjeneste.registry.agreements.schemas import (
    AgreementCreate,
    AgreementRead,
    AgreementUpdate,
    ListCountBase,
    ListCountRead,
    Totals,
)
from legetjeneste.registry.models import Agreement, ListCount, Office
from legetjeneste.registry.periods.schemas import DoctorPeriodRead
from legetjeneste.registry.schemas import DoctorRead, MunicipalityRead, OfficeRead
from legetjeneste.registry.service import limits_on


def _read(session: Session, agreement: Agreement, on: date) -> AgreementRead:
    counts = queries.latest_list_counts(session, [agreement.id], on=on)
    return AgreementRead.at(agreement, counts.get(agreement.id), on=on, limits=limits_on(on))


def _check_agreement(session: Session, agreement: Agreement) -> None:
    """AGR-LISTETAK and the agreement's own consistency; raises every problem at once."""
    problems = rules.agreement_problems(
        listetak=agreement.listetak, start=agreement.start, end=agreement.end, limits=limits_on(today_oslo())
    )
    office = session.get(Office, agreement.office_id)
    if office is None or office.municipality_number != agreement.municipality_number:
        problems.append(Problem("office_id", f"legekontor {agreement.office_id} finnes ikke i kommunen"))
    if problems:
        raise ValidationFailed(problems)


def _reads(
    session: Session, actor: Actor, found: list[Agreement], day: date, municipality: str | None
) -> list[AgreementRead]:
    counts = queries.latest_list_counts(session, [a.id for a in found], on=day)
    limits = limits_on(day)
    doctor_ids = sorted({p.doctor_id for a in found for p in a.doctor_periods})
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="doctor",
        record_ids=doctor_ids,
        municipality_number=municipality,
        detail={"view": "agreements"},
    )
    return [AgreementRead.at(a, counts.get(a.id), on=day, limits=limits) for a in found]


def list_agreements(
    session: Session, *, actor: Actor, municipality_number: str | None = None, on: date | None = None
) -> list[AgreementRead]:
    auth_service.require(actor, "register.read")
    with session.begin():
        limit = scope.limited_to(actor, municipality_number)
        return _reads(
            session, actor, queries.agreements(session, municipality_number=limit), on or today_oslo(), limit
        )


def get_agreement(
    session: Session, *, actor: Actor, agreement_id: int, on: date | None = None
) -> AgreementRead:
    auth_service.require(actor, "register.read")
    with session.begin():
        agreement = registry_service.agreement_in_scope(session, actor, agreement_id)
        registry_service.audit_doctors_read(session, actor, agreement)
        return _read(session, agreement, on or today_oslo())


def create_agreement(session: Session, *, actor: Actor, data: AgreementCreate) -> AgreementRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        municipality = scope.target_municipality(session, actor, data.municipality_number)
        agreement_id = data.id or queries.next_agreement_id(session)
        if session.get(Agreement, agreement_id) is not None:
            raise Conflict(f"id: fastlegeavtale {agreement_id} finnes allerede")
        fields = data.model_dump(exclude={"id", "municipality_number"})
        agreement = Agreement(id=agreement_id, municipality_number=municipality, **fields)
        _check_agreement(session, agreement)
        session.add(agreement)
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="agreement",
            record_ids=[agreement.id],
            municipality_number=municipality,
        )
        return _read(session, agreement, today_oslo())


def update_agreement(
    session: Session, *, actor: Actor, agreement_id: int, data: AgreementUpdate
) -> AgreementRead:
    auth_service.require(actor, "register.write")
    with session.begin():
        agreement = registry_service.agreement_in_scope(session, actor, agreement_id)
        changes = data.model_dump(exclude_unset=True)
        for field, value in changes.items():
            if value is not None or field in ("end", "end_reason", "agreement_date"):
                setattr(agreement, field, value)
        _check_agreement(session, agreement)
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="agreement",
            record_ids=[agreement.id],
            municipality_number=agreement.municipality_number,
            detail={"fields": list(changes)},
        )
        return _read(session, agreement, today_oslo())


def list_list_counts(session: Session, *, actor: Actor, agreement_id: int) -> list[ListCountRead]:
    auth_service.require(actor, "register.read")
    with session.begin():
        registry_service.agreement_in_scope(session, actor, agreement_id)
        return [ListCountRead.of(c) for c in queries.list_counts(session, agreement_id)]


def put_list_count(
    session: Session, *, actor: Actor, agreement_id: int, data: ListCountBase
) -> ListCountRead:
    """Record (or correct) the month's count; the month is the key."""
    auth_service.require(actor, "register.write")
    with session.begin():
        agreement = registry_service.agreement_in_scope(session, actor, agreement_id)
        month = parse_month(data.month)
        count = session.get(ListCount, (agreement_id, month))
        if count is None:
            count = ListCount(agreement_id=agreement_id, month=month)
            session.add(count)
        count.list_length = data.list_length
        count.waiting_list_count = data.waiting_list_count
        count.pbt_annual_amount = data.pbt_annual_amount
        session.flush()
        audit_service.record(
            session,
            actor=actor,
            action="update",
            entity="list_count",
            record_ids=[f"{agreement_id}:{data.month}"],
            municipality_number=agreement.municipality_number,
        )
        return ListCountRead.of(count)


def lists_without_regular_doctor(
    session: Session, *, actor: Actor, municipality_number: str, on: date | None = None
) -> list[AgreementRead]:
    """AGR-OPEN — the municipality's lists that no `regular` doctor period covers at the date."""
    rows = list_agreements(session, actor=actor, municipality_number=municipality_number, on=on)
    return [
        row
        for row in rows
        if not row.has_regular_doctor and Period(row.start, row.end).contains(on or today_oslo())
    ]


def office_details(session: Session, *, actor: Actor, office_id: int, on: date | None = None) -> dict:
    """An office with its agreements and who serves them at the date."""
    auth_service.require(actor, "register.read")
    with session.begin():
        office = scope.office(session, actor, office_id)
        found = queries.agreements(
            session, municipality_number=office.municipality_number, office_id=office.id
        )
        return {
            "office": OfficeRead.model_validate(office),
            "agreements": _reads(session, actor, found, on or today_oslo(), office.municipality_number),
        }


def doctor_details(session: Session, *, actor: Actor, doctor_id: int) -> dict:
    """A doctor with every period on the municipality's agreements."""
    auth_service.require(actor, "register.read")
    with session.begin():
        doctor = scope.doctor(session, actor, doctor_id)
        periods = queries.agreements_of_doctor(session, doctor.id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=[doctor.id],
            municipality_number=doctor.municipality_number,
        )
        # The page links to the counters and the absence form only for those who handle this doctor's
        # absences: an office administrator for a doctor of their own office.
        offices = {p.agreement.office_id for p in periods}
        handles_absence = auth_rules.can(actor, "absence.write") and (
            actor.role != "office_admin" or any(auth_rules.can_manage_office(actor, o) for o in offices)
        )
        return {
            "doctor": DoctorRead.model_validate(doctor),
            "periods": [
                {
                    "period": DoctorPeriodRead.model_validate(p),
                    "office_name": p.agreement.office.name,
                    "office_id": p.agreement.office_id,
                }
                for p in periods
            ],
            "handles_absence": handles_absence,
        }


def agreement_details(session: Session, *, actor: Actor, agreement_id: int, on: date | None = None) -> dict:
    """An agreement at the date with its doctor periods and its monthly list counts."""
    auth_service.require(actor, "register.read")
    with session.begin():
        agreement = registry_service.agreement_in_scope(session, actor, agreement_id)
        registry_service.audit_doctors_read(session, actor, agreement)
        return {
            "agreement": _read(session, agreement, on or today_oslo()),
            "periods": [DoctorPeriodRead.model_validate(p) for p in agreement.doctor_periods],
            "list_counts": [ListCountRead.of(c) for c in queries.list_counts(session, agreement.id)],
        }


def overview(session: Session, *, actor: Actor, municipality_number: str, on: date | None = None) -> dict:
    """The municipality's agreements at a date with office, doctor, listetak, list length and open places."""
    auth_service.require(actor, "register.read")
    day = on or today_oslo()
    limits = limits_on(day)
    with session.begin():
        municipality = scope.municipality(session, actor, municipality_number)
        agreements = [
            a
            for a in queries.agreements(session, municipality_number=municipality_number)
            if a.period.contains(day)
        ]
        counts = queries.latest_list_counts(session, [a.id for a in agreements], on=day)
        rows = [AgreementRead.at(a, counts.get(a.id), on=day, limits=limits) for a in agreements]
        doctor_ids = sorted(
            {p.doctor_id for a in agreements for p in a.doctor_periods if p.period.contains(day)}
        )
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="doctor",
            record_ids=doctor_ids,
            municipality_number=municipality_number,
            detail={"view": "overview"},
        )
        return {
            "municipality": MunicipalityRead.of(municipality),
            "date": day,
            "agreements": rows,
            "totals": Totals.of(rows),
            "notices": notice_queries.open_notices(session, municipality_number),
        }
