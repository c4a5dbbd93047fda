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
from legetjeneste.citizens import queries as citizen_queries
from legetjeneste.citizens.threats import queries, rules
from legetjeneste.citizens.threats.models import ThreatCase, ThreatMeasure
from legetjeneste.citizens.threats.schemas import (
    AlternativeIn,
    AnonymisedCase,
    ChoiceIn,
    ContactIn,
    DecisionIn,
    MeasureIn,
    ThreatCaseRead,
    ThreatCaseSummary,
    ThreatRequestIn,
    anonymised,
    case_read,
)
from legetjeneste.citizens.threats.schemas import summary as summary_of
from legetjeneste.dates import add_months, now_oslo, today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.decisions import service as decisions_service
from legetjeneste.decisions.rules import Reason
from legetjeneste.errors import Forbidden, NotFound, RuleViolation
from legetjeneste.features import Clock
from legetjeneste.norwegian import day_text
from legetjeneste.notices.inbox import rules as inbox_rules
from legetjeneste.notices.inbox import service as inbox_service

CHOICE_DAYS, DECISION_MONTHS = "threats/choice_days", "threats/decision_months"
DECISION_KIND = "threat_move"  # citizens/feature.py declares it
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
    """THREAT-PRIVACY — the kommuneoverlege, the requesting GP and the new GP, the requesting office."""
    if handles(actor):
        return True
    if actor.role == "doctor" and actor.doctor_id is not None:
        return actor.doctor_id in (case.doctor_id, case.new_doctor_id)
    return actor.role == "office_admin" and actor.office_id is not None and actor.office_id == case.office_id


def _case(session: Session, actor: Actor, case_id: int, *, lock: bool = False, handler: bool = True):
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


def _audit(session: Session, actor: Actor, case: ThreatCase, action: str, **detail) -> None:
    audit_service.record(
        session,
        actor=actor,
        action=action,
        entity="threat_case",
        record_ids=[case.id],
        municipality_number=case.municipality_number,
        detail=detail,
    )


def _read(session: Session, actor: Actor, case: ThreatCase, why: str) -> ThreatCaseRead:
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
    return case_read(
        case,
        queries.state_of(case),
        queries.citizen(session, case.citizen_id),
        queries.names(session, case),
        on=today_oslo(),
    )


def summary(session: Session, case: ThreatCase) -> ThreatCaseSummary:
    return summary_of(case, queries.state_of(case), **queries.names(session, case))


def _tell(session: Session, case: ThreatCase, subject: str, body: str, rule: str, **to) -> None:
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
        patient = queries.citizen_by_national_id(session, data.national_id)
        place = patient and queries.membership_on(session, citizen_id=patient.id, on=day)
        found = place and queries.agreement(session, place.agreement_id)
        if not found or found.municipality_number != actor.municipality_number:
            rules.request_check(listed=False, own_list=False)
        assert patient is not None and found is not None
        gp = queries.regular_doctor(found, day)
        own = gp is not None and (
            actor.doctor_id == gp.id if actor.role == "doctor" else actor.office_id == found.office_id
        )
        rules.request_check(listed=True, own_list=own)
        assert gp is not None
        if earlier := queries.open_case_of(session, citizen_id=patient.id, agreement_id=found.id):
            raise RuleViolation.of(
                rules.ASSIST,
                f"Det finnes allerede en åpen sak om pasienten ({rules.case_reference(earlier.id)})",
            )
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
        _audit(session, actor, case, "create")
        _tell(
            session,
            case,
            "En fastlege ber om bistand",
            "Se saken.",
            rules.ASSIST.id,
            user_ids=queries.kommuneoverlege_user_ids(session, case.municipality_number),
        )
        return _read(session, actor, case, "request")


def get_case(session: Session, *, actor: Actor, case_id: int) -> ThreatCaseRead:
    """The case with the patient's identity, for those concerned (THREAT-PRIVACY)."""
    with session.begin():
        return _read(session, actor, _case(session, actor, case_id, handler=False), "view")


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
        case = _case(session, actor, case_id, lock=True, handler=False)
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
        _audit(session, actor, case, "measure", code=data.code, status=data.status, on=data.on.isoformat())
        return _read(session, actor, case, "measure")


@when_free
def demand_decision(
    session: Session, *, actor: Actor, case_id: int, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-DECISION — the requesting GP demands that the municipality decides to move the patient."""
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True, handler=False)
        if actor.doctor_id is None or actor.doctor_id != case.doctor_id:
            raise Forbidden("Bare fastlegen som ba om bistand, kan kreve vedtak.")
        rules.demand_check(queries.state_of(case))
        case.demanded_on = on or today_oslo()
        _audit(session, actor, case, "demand", on=case.demanded_on.isoformat())
        _tell(
            session,
            case,
            "Fastlegen krever vedtak om flytting",
            "Se saken.",
            rules.DECISION.id,
            user_ids=queries.kommuneoverlege_user_ids(session, case.municipality_number),
        )
        return _read(session, actor, case, "demand")


def list_options(session: Session, *, actor: Actor, case_id: int) -> list[tuple[int, str]]:
    """The lists with a GP the patient may move to (all but the current one), for the forms."""
    with session.begin():
        case = _case(session, actor, case_id)
        found = queries.lists_with_gp(session, municipality_number=case.municipality_number, on=today_oslo())
        return [(key, text) for key, text in found if key != case.agreement_id]


def _reasons(case: ThreatCase, data: DecisionIn, deadline: date | None) -> list[Reason]:
    lines = [Reason(rules.DECISION.id, rules.DECISION.citation, rules.DECISION_TEXTS[data.outcome])]
    if data.outcome == rules.MOVE and deadline is not None:
        text = (
            f"Pasienten kan velge ny fastlege til og med {day_text(deadline)}; deretter tildeler kommunen en."
        )
        lines.append(Reason(rules.DEADLINE.id, rules.DEADLINE.citation, text))
    if data.outcome == rules.NO_MOVE:
        text = "Kommunen sørger for et annet allmennmedisinsk tilbud: institusjon eller særskilt vaktordning."
        lines.append(Reason(rules.ALTERNATIVE.id, rules.ALTERNATIVE.citation, text))
    return lines


def _facts(case: ThreatCase) -> list[str]:
    """The facts of the letter: dates and alternatives, never the patient's identity (THREAT-PRIVACY)."""
    assert case.demanded_on is not None
    facts = [
        f"Fastlegen ba kommunen om bistand {day_text(case.requested_on)} "
        f"(sak {rules.case_reference(case.id)}).",
        f"Fastlegen krevde vedtak om flytting {day_text(case.demanded_on)}.",
    ]
    facts += [
        f"{rules.MEASURE_LABELS[m.code]}: {rules.MEASURE_STATUSES[m.status].lower()} {day_text(m.on)}."
        for m in case.measures
    ]
    return facts


@when_free
def decide(
    session: Session, *, actor: Actor, case_id: int, data: DecisionIn, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-DECISION — the municipality decides on the GP's demand (an enkeltvedtak with its letter to the
    GP, DEC-*): move the patient (with the deadline and the list the patient gets after it), no move
    forsvarlig (other care, THREAT-ALTERNATIVE), or stay."""
    day = on or today_oslo()
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True)
        rules.decision_check(queries.state_of(case), outcome=data.outcome, weighing=data.weighing)
        deadline = None
        if data.outcome == rules.MOVE:
            deadline = data.deadline or rules.default_deadline(
                day, days=parameters.value(CHOICE_DAYS, on=day)
            )
            rules.deadline_check(deadline=deadline, decided_on=day)
            target = (
                queries.agreement(session, data.target_agreement_id) if data.target_agreement_id else None
            )
            ok = target is not None and target.municipality_number == case.municipality_number
            rules.target_check(
                target=data.target_agreement_id,
                current=case.agreement_id,
                has_regular_doctor=ok and queries.regular_doctor(target, day) is not None,
            )
            case.target_agreement_id = data.target_agreement_id
        case.outcome, case.decided_on, case.deadline = data.outcome, day, deadline
        decision = decisions_service.record(
            session,
            actor=actor,
            municipality_number=case.municipality_number,
            kind=DECISION_KIND,
            case=("threat_case", case.id, f"/truende-pasienter/{case.id}"),
            party=(case.doctor_id, queries.doctor_name(session, case.doctor_id)),
            outcome=rules.DECISION_OUTCOMES[data.outcome],
            summary=f"Sak {rules.case_reference(case.id)}: {rules.OUTCOMES[data.outcome]}.",
            reasons=_reasons(case, data, deadline),
            facts=_facts(case),
            weighing=data.weighing,
            discretion=True,
            health_data=True,
            decided_on=day,
        )
        case.decision_id = decision.id
        _audit(session, actor, case, "decide", outcome=data.outcome, decision=decision.id)
        return _read(session, actor, case, "decide")


def _move(session: Session, actor: Actor, case: ThreatCase, *, agreement_id: int, on: date, how: str) -> None:
    """THREAT-DEADLINE — the patient moves from `on` (reason «threat»: not a switch, CIT-SWITCH); the new GP
    then sees the case and is told (THREAT-NEW-GP)."""
    target = queries.agreement(session, agreement_id)
    gp = queries.regular_doctor(target, on) if target is not None else None
    if target is None or gp is None or target.municipality_number != case.municipality_number:
        raise RuleViolation.of(rules.DEADLINE, "Ny fastlege: listen finnes ikke eller har ingen fastlege")
    citizen_queries.move(
        session,
        citizen_id=case.citizen_id,
        agreement_id=agreement_id,
        start=on,
        reason=rules.MOVE_REASON,
        cause=f"threat_case {case.id}",
    )
    case.moved_on, case.moved_how, case.new_agreement_id, case.new_doctor_id = on, how, agreement_id, gp.id
    _audit(session, actor, case, "move", agreement=agreement_id, on=on.isoformat(), how=how)
    _tell(session, case, "Ny pasient på listen din", rules.NEW_GP_NOTICE, rules.NEW_GP.id, doctor_id=gp.id)


@when_free
def record_choice(
    session: Session, *, actor: Actor, case_id: int, data: ChoiceIn, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-DEADLINE — the patient chose a new GP within the deadline; the move takes effect that day."""
    day = on or today_oslo()
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True)
        rules.choice_check(
            queries.state_of(case), on=day, target=data.agreement_id, current=case.agreement_id
        )
        _move(session, actor, case, agreement_id=data.agreement_id, on=day, how=rules.CHOSEN)
        return _read(session, actor, case, "move")


def _assign(session: Session, actor: Actor, case: ThreatCase, day: date) -> None:
    rules.assignment_check(queries.state_of(case), on=day)
    assert case.target_agreement_id is not None
    _move(session, actor, case, agreement_id=case.target_agreement_id, on=day, how=rules.ASSIGNED)


@when_free
def assign(session: Session, *, actor: Actor, case_id: int, on: date | None = None) -> ThreatCaseRead:
    """THREAT-DEADLINE — after the deadline the kommuneoverlege assigns the list named in the decision."""
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True)
        _assign(session, actor, case, on or today_oslo())
        return _read(session, actor, case, "move")


def assign_due(
    session: Session, *, actor: Actor, municipality_number: str | None = None, on: date | None = None
) -> list[dict]:
    """THREAT-DEADLINE — every patient whose deadline has passed without a choice gets the list named in the
    decision (the command line, or a daily job): one transaction per case, idempotent."""
    if not handles(actor):
        auth_service.require(actor, "threat.handle")
    day = on or today_oslo()
    with session.begin():
        number = scope.limited_to(actor, municipality_number)
        due = queries.waiting_for_assignment(session, municipality_number=number, on=day)
    done = []
    for case_id in due:
        moved = assign(session, actor=actor, case_id=case_id, on=day)
        done.append(
            {
                "case": moved.reference,
                "agreement": moved.new_agreement_id,
                "on": day.isoformat(),
                "rule_id": rules.DEADLINE.id,
            }
        )
    return done


@when_free
def record_contact(session: Session, *, actor: Actor, case_id: int, data: ContactIn) -> ThreatCaseRead:
    """THREAT-NEW-GP — the municipality contacted the new GP, agreed on measures and told the patient."""
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True)
        rules.contact_check(queries.state_of(case), contacted_on=data.contacted_on, measures=data.measures)
        case.contacted_on, case.agreed_measures, case.patient_told = (
            data.contacted_on,
            data.measures,
            data.patient_told,
        )
        _audit(session, actor, case, "contact", on=data.contacted_on.isoformat())
        return _read(session, actor, case, "contact")


@when_free
def record_alternative(
    session: Session, *, actor: Actor, case_id: int, data: AlternativeIn
) -> ThreatCaseRead:
    """THREAT-ALTERNATIVE — the care the patient gets where no move is forsvarlig."""
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True)
        rules.alternative_check(queries.state_of(case), kind=data.kind)
        case.alternative, case.alternative_note = data.kind, data.note
        _audit(session, actor, case, "alternative", kind=data.kind)
        return _read(session, actor, case, "alternative")


@when_free
def close_case(session: Session, *, actor: Actor, case_id: int, on: date | None = None) -> ThreatCaseRead:
    """THREAT-ALTERNATIVE — the case closes when what it started is done (rules.close_check)."""
    with write_transaction(session):
        case = _case(session, actor, case_id, lock=True)
        rules.close_check(queries.state_of(case))
        case.closed_on, case.closed_by = on or today_oslo(), actor.email
        _audit(session, actor, case, "close")
        return _read(session, actor, case, "close")


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
        reference, link = rules.case_reference(case.id), f"/truende-pasienter/{case.id}"
        common = {
            "title": f"Sak om truende pasient {reference}",
            "link": link,
            "responsible_label": "Kommuneoverlegen",
            "link_permission": "threat.handle",
        }
        if case.outcome is None and case.demanded_on is not None:
            due = add_months(case.demanded_on, parameters.value(DECISION_MONTHS, on=case.demanded_on))
            found.append(
                Clock(
                    key=f"threat-{case.id}-decision",
                    code="threat_decision",
                    due=due,
                    start=case.demanded_on,
                    rule_id=rules.DECISION.id,
                    citation=rules.DECISION.citation,
                    text="Fastlegen har krevd vedtak om flytting av pasienten",
                    action="fatt vedtak i saken, eller gi fastlegen et foreløpig svar",
                    **common,
                )
            )
        elif case.deadline is not None and case.decided_on is not None:
            found.append(
                Clock(
                    key=f"threat-{case.id}-deadline",
                    code="threat_deadline",
                    due=case.deadline,
                    start=case.decided_on,
                    rule_id=rules.DEADLINE.id,
                    citation=rules.DEADLINE.citation,
                    text="Pasientens frist for å velge ny fastlege",
                    action="fristen er ute: tildel pasienten fastlegen som er valgt i vedtaket",
                    **common,
                )
            )
    return found
