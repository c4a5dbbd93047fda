"""Use cases of life-cycle cases (RULES.md § 1): open a case, record its steps with their clocks, read and
list cases, and an agreement's whole life. Each use case is one transaction with its audit entry."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.audit import service as audit_service
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.errors import Problem, ValidationFailed
from legetjeneste.lifecycle import enkeltvedtak, queries, terms
from legetjeneste.lifecycle import steps as step_service
from legetjeneste.lifecycle.labels import KIND_LABELS
from legetjeneste.lifecycle.models import LifecycleCase
from legetjeneste.lifecycle.rules.codes import CLOSED, OPEN
from legetjeneste.lifecycle.schemas import CaseCreate, CaseRead, CaseSummary, StepCreate
from legetjeneste.registry import queries as registry_queries
from legetjeneste.registry.models import Agreement, Doctor


def case_in_scope(session: Session, actor: Actor, case_id: int) -> LifecycleCase:
    """The case with its steps and clocks loaded (a step is added to them), if the actor may see it."""
    return scope.row(
        session, actor, LifecycleCase, case_id, missing=f"Sak {case_id} finnes ikke.", load=queries.case
    )


def _read(case: LifecycleCase, on: date) -> CaseRead:
    return CaseRead.at(case, on, due_soon_days=terms.due_soon_days(on))


def regular_doctor(agreement: Agreement, on: date) -> Doctor | None:
    """The agreement's regular GP on the day, else its last one (a vacant list's departing GP)."""
    regular = [p for p in agreement.doctor_periods if p.role == "regular" and p.start <= on]
    current = [p for p in regular if p.end is None or p.end >= on]
    chosen = current or regular
    return chosen[-1].doctor if chosen else None


def _doctor(session: Session, number: str, agreement: Agreement | None, data: CaseCreate) -> Doctor | None:
    if data.doctor_hpr:
        doctor = registry_queries.doctor_by_hpr(
            session, municipality_number=number, hpr_number=data.doctor_hpr
        )
        if doctor is None:
            raise ValidationFailed(
                [Problem("doctor_hpr", f"ingen lege med HPR-nummer {data.doctor_hpr} i kommunen")]
            )
        return doctor
    return regular_doctor(agreement, data.on) if agreement else None


def _title(data: CaseCreate, agreement: Agreement | None) -> str:
    if data.title.strip():
        return data.title.strip()
    label = KIND_LABELS[data.kind]
    return f"{label}: avtale {agreement.id} ({agreement.office.name})" if agreement else label


def new_case(
    session: Session, *, actor: Actor, municipality_number: str, agreement_id: int | None, data: CaseCreate
) -> LifecycleCase:
    """Build and add a case (inside the caller's transaction); an age case gets its age clock at once."""
    agreement = scope.agreement(session, actor, agreement_id) if agreement_id is not None else None
    if agreement is None and data.kind != "new_agreement":
        raise ValidationFailed([Problem("agreement_id", "velg fastlegeavtalen saken gjelder")])
    number = agreement.municipality_number if agreement else municipality_number
    doctor = _doctor(session, number, agreement, data)
    facts = {"notice_period_end": data.notice_period_end.isoformat()} if data.notice_period_end else {}
    case = LifecycleCase(
        municipality_number=number,
        agreement=agreement,
        doctor=doctor,
        kind=data.kind,
        title=_title(data, agreement),
        status=OPEN,
        opened_on=data.on,
        facts=facts,
        opened_at=now_oslo(),
        opened_by=actor.email,
        steps=[],
        clocks=[],
    )
    if data.kind == "age_end":
        if doctor is None:
            raise ValidationFailed([Problem("doctor_hpr", "saken om aldersgrense må gjelde en lege")])
        case.open_clock(terms.age_clock(doctor.birth_date))
    session.add(case)
    step_service.refresh_hjemfall(case)
    return case


def open_case(
    session: Session,
    *,
    actor: Actor,
    data: CaseCreate,
    agreement_id: int | None = None,
    municipality_number: str = "",
) -> CaseRead:
    """Open a case about an agreement (or, for a new agreement, about the municipality)."""
    auth_service.require(actor, "lifecycle.write")
    with session.begin():
        if agreement_id is None:
            scope.municipality(session, actor, municipality_number)
        case = new_case(
            session,
            actor=actor,
            municipality_number=municipality_number,
            agreement_id=agreement_id,
            data=data,
        )
        session.flush()
        detail = {"kind": data.kind, "agreement": agreement_id}
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="lifecycle_case",
            record_ids=[case.id],
            municipality_number=case.municipality_number,
            detail=detail,
        )
        return _read(case, today_oslo())


def record_step(session: Session, *, actor: Actor, case_id: int, data: StepCreate) -> CaseRead:
    """Record a step once its rule allows it; a refusal (RuleViolation) leaves nothing written."""
    auth_service.require(actor, "lifecycle.write")
    with session.begin():
        case = case_in_scope(session, actor, case_id)
        if case.status == CLOSED:
            raise ValidationFailed([Problem("kind", f"saken ble avsluttet {case.closed_on}; ingen nye steg")])
        step = step_service.apply_step(case, data, recorded_by=actor.email)
        session.flush()
        enkeltvedtak.record(session, actor, case, step)
        detail = {"case": case.id, "kind": data.kind}
        audit_service.record(
            session,
            actor=actor,
            action="create",
            entity="lifecycle_step",
            record_ids=[step.id],
            municipality_number=case.municipality_number,
            detail=detail,
        )
        return _read(case, today_oslo())


def get_case(session: Session, *, actor: Actor, case_id: int, on: date | None = None) -> CaseRead:
    auth_service.require(actor, "lifecycle.read")
    with session.begin():
        case = case_in_scope(session, actor, case_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="lifecycle_case",
            record_ids=[case.id],
            municipality_number=case.municipality_number,
        )
        return _read(case, on or today_oslo())


def list_cases(
    session: Session, *, actor: Actor, municipality_number: str | None = None, agreement_id: int | None = None
) -> list[CaseSummary]:
    """A municipality's cases, or one agreement's whole life, newest first."""
    auth_service.require(actor, "lifecycle.read")
    with session.begin():
        number = scope.municipality_of(
            session, actor, municipality_number=municipality_number, agreement_id=agreement_id
        )
        found = queries.cases(session, municipality_number=number, agreement_id=agreement_id)
        return [CaseSummary.of(c) for c in found]


def agreement_history(session: Session, *, actor: Actor, agreement_id: int) -> list[CaseRead]:
    """Every case of the agreement with every step and clock: its whole life, newest case first."""
    auth_service.require(actor, "lifecycle.read")
    with session.begin():
        number = scope.agreement(session, actor, agreement_id).municipality_number
        found = queries.cases(session, municipality_number=number, agreement_id=agreement_id)
        audit_service.record(
            session,
            actor=actor,
            action="read",
            entity="lifecycle_case",
            record_ids=[c.id for c in found],
            municipality_number=number,
            detail={"agreement": agreement_id},
        )
        return [_read(c, today_oslo()) for c in found]


def agreement_options(session: Session, *, actor: Actor, municipality_number: str) -> list[tuple[int, str]]:
    """(id, «182404 – Eirik Sandnesmo, Mosjøen legesenter») of every agreement, for opening a case."""
    auth_service.require(actor, "lifecycle.read")
    today = today_oslo()
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        options = []
        for agreement in registry_queries.agreements(session, municipality_number=municipality_number):
            doctor = regular_doctor(agreement, today)
            name = doctor.full_name if doctor else "uten fastlege"
            options.append((agreement.id, f"{agreement.id} – {name}, {agreement.office.name}"))
        return options


def committee_origin(session: Session, *, actor: Actor, origin_id: int) -> dict:
    """`CaseOrigin.describe` (committees, AGR-NEW-SU): what a case sent to the SU is, in the caller's
    transaction, if the actor may see it."""
    case = case_in_scope(session, actor, origin_id)
    facts = [
        f"Sakstype: {KIND_LABELS[case.kind]}",
        f"Opprettet {case.opened_on:%d.%m.%Y} av {case.opened_by}",
    ]
    return {
        "municipality_number": case.municipality_number,
        "title": f"Sak {case.id}: {case.title}",
        "link": f"/saker/{case.id}",
        "background": ". ".join(facts) + ".",
    }


def committee_statement(session: Session, *, actor: Actor, origin_id: int, statement: dict) -> None:
    """`CaseOrigin.answered` (committees, AGR-NEW-SU): the SU's statement becomes the case's «su_statement»
    step with the vote, the majority's and the minority's text, in the statement's transaction; a closed case
    keeps it on the committee's side only."""
    case = case_in_scope(session, actor, origin_id)
    if case.status == CLOSED:
        return
    data = StepCreate(kind="su_statement", on=statement["given_on"], text=statement["text"][:2000])
    step = step_service.apply_step(case, data, recorded_by=actor.email)
    session.flush()
    audit_service.record(
        session,
        actor=actor,
        action="create",
        entity="lifecycle_step",
        record_ids=[step.id],
        municipality_number=case.municipality_number,
        detail={"case": case.id, "kind": "su_statement", "from": "committee"},
    )
