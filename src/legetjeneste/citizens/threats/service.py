"""Use cases of threat cases (ASA 4310 Vedlegg II, RULES.md § 9): a GP or the office asks for help, the
alternatives are recorded, the GP demands a decision, the kommuneoverlege decides (an enkeltvedtak), the
patient chooses a new GP or is assigned one after the deadline, the new GP is contacted, the case closes.

THREAT-PRIVACY: only the kommuneoverlege (and the system, from the command line) and the GPs concerned —
the requesting GP and the new GP, and the requesting office's administrator — see a case; to everyone else
it does not exist (404). Lists name no patient; every read of the patient's identity is audited with who,
when and why. Committees get the anonymised view (`anonymised_cases`)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.audit import service as audit_service
from legetjeneste.auth import rules as auth_rules
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens.threats import queries, rules
from legetjeneste.citizens.threats.models import ThreatCase, ThreatMeasure
from legetjeneste.citizens.threats.schemas import (
    AnonymisedCase,
    MeasureIn,
    ThreatCaseRead,
    ThreatCaseSummary,
    ThreatRequestIn,
    anonymised,
    case_read,
)
from legetjeneste.citizens.threats.schemas import summary as summary_of
from legetjeneste.dates import now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.errors import Forbidden, NotFound
from legetjeneste.features import Clock
from legetjeneste.notices.inbox import rules as inbox_rules
from legetjeneste.notices.inbox import service as inbox_service

DECISION_MONTHS = "threats/decision_months"
inbox_rules.register_kind("threat_case", "En sak om en truende pasient der jeg er berørt")


def is_system(actor: Actor) -> bool:
    """The command line and the worker (no user): they act for the municipality."""
    return actor.role == "admin" and actor.user_id is None


def handles(actor: Actor) -> bool:
    return auth_rules.can(actor, "threat.handle") or is_system(actor)


def require_request(actor: Actor) -> None:
    """THREAT-ASSIST — who may ask for help: a GP or an office administrator."""
    auth_service.require(actor, "threat.request")


def is_concerned(actor: Actor, case: ThreatCase) -> bool:
    """THREAT-PRIVACY (rules.is_concerned)."""
    return rules.is_concerned(
        handles=handles(actor),
        role=actor.role,
        doctor_id=actor.doctor_id,
        office_id=actor.office_id,
        case_doctors=(case.doctor_id, case.new_doctor_id),
        case_office_id=case.office_id,
    )


def load_case(session: Session, actor: Actor, case_id: int, *, lock: bool = False, handler: bool = True):
    """The case if the actor is concerned (else 404); a step only the kommuneoverlege takes is 403 for a
    GP concerned."""
    missing = f"Sak {case_id} finnes ikke."
    load = queries.case_for_update if lock else queries.case
    found = scope.row(session, actor, ThreatCase, case_id, missing=missing, load=load)
    if not is_concerned(actor, found):
        raise NotFound(missing)
    if handler and not handles(actor):
        raise Forbidden("Bare kommuneoverlegen kan ta dette steget i saken.")
    return found


def audit(session: Session, actor: Actor, case: ThreatCase, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="threat_case",
        record_ids=[case.id],
        municipality_number=case.municipality_number,
        detail=detail,
    )


def read(session: Session, actor: Actor, case: ThreatCase, why: str) -> ThreatCaseRead:
    """The case with the patient's identity: the read is audited (THREAT-PRIVACY)."""
    audit_service.record(
        session,
        actor=actor,
        action="read",
        entity="citizen",
        record_ids=[case.citizen_id],
        municipality_number=case.municipality_number,
        detail={"why": why, "threat_case": case.id},
    )
    found = case_read(
        case,
        queries.state_of(case),
        queries.citizen(session, case.citizen_id),
        queries.names(session, case),
        on=today_oslo(),
    )
    if handles(actor) or (actor.doctor_id is not None and actor.doctor_id == case.new_doctor_id):
        return found
    # Least data: the former GP and office are not told who the patient's new GP is.
    hidden = {"target_agreement_id", "target_doctor_name", "new_agreement_id", "new_doctor_name"}
    return found.model_copy(update=dict.fromkeys(hidden))


def summary(session: Session, case: ThreatCase) -> ThreatCaseSummary:
    return summary_of(case, queries.state_of(case), queries.names(session, case))


def tell(session: Session, case: ThreatCase, subject: str, body: str, rule: str, **to) -> None:
    inbox_service.tell(
        session,
        municipality_number=case.municipality_number,
        kind="threat_case",
        subject=f"{subject} – sak {rules.case_reference(case.id)}",
        body=body,
        link=f"/truende-pasienter/{case.id}",
        rule_id=rule,
        **to,
    )


@when_free
def request_help(
    session: Session, *, actor: Actor, data: ThreatRequestIn, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-ASSIST — the GP (a patient on the own list) or the office administrator (a list of the office)
    asks the municipality for immediate help; the patient is looked up by fødselsnummer (audited)."""
    auth_service.require(actor, "threat.request")
    day = on or today_oslo()
    with write_transaction(session):
        listed = queries.listed_patient(session, national_id=data.national_id, on=day)
        if listed is None or listed[1].municipality_number != actor.municipality_number:
            rules.not_listed()
        patient, found = listed
        gp = queries.regular_doctor(found, day)
        mine = (
            actor.doctor_id == gp.id if actor.role == "doctor" and gp else actor.office_id == found.office_id
        )
        rules.request_check(listed=True, own_list=gp is not None and mine)
        assert gp is not None
        if earlier := queries.open_case_of(session, citizen_id=patient.id, agreement_id=found.id):
            rules.no_open_case(rules.case_reference(earlier.id))
        case = ThreatCase(
            municipality_number=found.municipality_number,
            citizen_id=patient.id,
            agreement_id=found.id,
            doctor_id=gp.id,
            office_id=found.office_id,
            requested_by=actor.email,
            requested_at=now_oslo(),
            requested_on=day,
            description=data.description,
        )
        session.add(case)
        session.flush()
        audit(session, actor, case, "create")
        tell(
            session,
            case,
            "En fastlege ber om bistand",
            "Se saken.",
            rules.ASSIST.id,
            user_ids=queries.kommuneoverlege_user_ids(session, case.municipality_number),
        )
        return read(session, actor, case, "request")


def get_case(session: Session, *, actor: Actor, case_id: int) -> ThreatCaseRead:
    """The case with the patient's identity, for those concerned (THREAT-PRIVACY)."""
    with session.begin():
        return read(session, actor, load_case(session, actor, case_id, handler=False), "view")


def list_cases(session: Session, *, actor: Actor, municipality_number: str) -> list[ThreatCaseSummary]:
    """The municipality's cases for the kommuneoverlege, newest first, without the patients' identities."""
    if not handles(actor):
        auth_service.require(actor, "threat.handle")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        return [summary(session, c) for c in queries.cases(session, municipality_number=municipality_number)]


def my_cases(session: Session, *, actor: Actor, doctor_id: int | None = None) -> list[ThreatCaseSummary]:
    """Min side: the GP's own cases, as requesting or new GP."""
    auth_service.require(actor, "threat.request")
    if actor.doctor_id is None or (doctor_id is not None and doctor_id != actor.doctor_id):
        raise Forbidden("Du kan bare se dine egne saker.")
    with session.begin():
        return [
            summary(session, c)
            for c in queries.cases(session, municipality_number=None, doctor_id=actor.doctor_id)
        ]


def office_cases(session: Session, *, actor: Actor, office_id: int) -> list[ThreatCaseSummary]:
    """Mitt kontor: the cases the office asked for help in."""
    auth_service.require(actor, "threat.request")
    if actor.role != "office_admin" or actor.office_id != office_id:
        return []
    with session.begin():
        return [
            summary(session, c) for c in queries.cases(session, municipality_number=None, office_id=office_id)
        ]


@when_free
def record_measure(session: Session, *, actor: Actor, case_id: int, data: MeasureIn) -> ThreatCaseRead:
    """THREAT-MEASURES — one of the seven alternatives as discussed, applied or rejected (by the
    kommuneoverlege or the requesting GP)."""
    with write_transaction(session):
        case = load_case(session, actor, case_id, lock=True, handler=False)
        if not handles(actor) and actor.doctor_id != case.doctor_id:
            raise Forbidden("Bare kommuneoverlegen og fastlegen som ba om bistand, kan registrere tiltak.")
        rules.measure_check(queries.state_of(case), code=data.code, measure_status=data.status)
        found = queries.measure(session, case_id=case.id, code=data.code)
        if found is None:
            found = ThreatMeasure(case=case, code=data.code)
            session.add(found)
        found.status, found.on, found.note = data.status, data.on, data.note
        found.recorded_by, found.recorded_at = actor.email, now_oslo()
        session.flush()
        audit(session, actor, case, "measure", code=data.code, status=data.status, on=data.on.isoformat())
        return read(session, actor, case, "measure")


@when_free
def demand_decision(
    session: Session, *, actor: Actor, case_id: int, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-DECISION — the requesting GP demands that the municipality decides to move the patient."""
    with write_transaction(session):
        case = load_case(session, actor, case_id, lock=True, handler=False)
        if actor.doctor_id is None or actor.doctor_id != case.doctor_id:
            raise Forbidden("Bare fastlegen som ba om bistand, kan kreve vedtak.")
        rules.demand_check(queries.state_of(case))
        case.demanded_on = on or today_oslo()
        audit(session, actor, case, "demand", on=case.demanded_on.isoformat())
        tell(
            session,
            case,
            "Fastlegen krever vedtak om flytting",
            "Se saken.",
            rules.DECISION.id,
            user_ids=queries.kommuneoverlege_user_ids(session, case.municipality_number),
        )
        return read(session, actor, case, "demand")


def anonymised_cases(session: Session, *, actor: Actor, municipality_number: str) -> list[AnonymisedCase]:
    """THREAT-GUIDELINES, THREAT-PRIVACY — the municipality's cases as the ALU and the SU discuss them: no
    name, fødselsnummer, birth date, GP or office; the alternatives, the dates and the outcome."""
    auth_service.require(actor, "threat.anonymised")
    with session.begin():
        scope.municipality(session, actor, municipality_number)
        found = queries.cases(session, municipality_number=municipality_number)
        audit_service.record(
            session,
            actor=actor,
            action="read_anonymised",
            entity="threat_case",
            record_ids=[c.id for c in found],
            municipality_number=municipality_number,
        )
        return [anonymised(c, queries.state_of(c)) for c in found]


def clocks(session: Session, *, municipality_number: str, on: date) -> list[Clock]:
    """The deadlines overview's clocks (Feature.clocks): a demanded decision, and the patient's deadline.
    They name the case by its reference only; the link is for the kommuneoverlege (THREAT-PRIVACY)."""
    found = []
    for case in queries.open_clock_cases(session, municipality_number=municipality_number):
        months = parameters.value(DECISION_MONTHS, on=case.demanded_on or case.requested_on)
        clock = rules.open_clock(queries.state_of(case), decided_on=case.decided_on, decision_months=months)
        if clock is not None:
            found.append(
                Clock(
                    key=f"threat-{case.id}-{clock.code}",
                    code=f"threat_{clock.code}",
                    due=clock.due,
                    start=clock.start,
                    rule_id=clock.rule.id,
                    citation=clock.rule.citation,
                    text=clock.text,
                    title=f"Sak om truende pasient {rules.case_reference(case.id)}",
                    link=f"/truende-pasienter/{case.id}",
                    responsible_label="Kommuneoverlegen",
                    link_permission="threat.handle",
                    action=clock.action,
                )
            )
    return found
