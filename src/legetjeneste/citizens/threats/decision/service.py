"""The municipality's decision in a threat case and what follows it (ASA 4310 Vedlegg II punkt 1–3): the
enkeltvedtak on the GP's demand (THREAT-DECISION), the patient's deadline and move (THREAT-DEADLINE), the new
GP contacted (THREAT-NEW-GP), the other care where no move is forsvarlig (THREAT-ALTERNATIVE), and closing the
case. Each step is the kommuneoverlege's (or the system's); the case is loaded, audited and read back through
the case's own service (`citizens.threats.service`), which holds who may see it (THREAT-PRIVACY)."""

from datetime import date

from sqlalchemy.orm import Session

from legetjeneste.agreement import parameters
from legetjeneste.auth import scope
from legetjeneste.auth import service as auth_service
from legetjeneste.auth.rules import Actor
from legetjeneste.citizens.places import queries as places
from legetjeneste.citizens.threats import labels, queries, rules
from legetjeneste.citizens.threats import service as case_service
from legetjeneste.citizens.threats.models import ThreatCase
from legetjeneste.citizens.threats.schemas import (
    AlternativeIn,
    ChoiceIn,
    ContactIn,
    DecisionIn,
    PatientLetter,
    ThreatCaseRead,
)
from legetjeneste.dates import today_oslo
from legetjeneste.db import when_free, write_transaction
from legetjeneste.decisions import queries as decision_queries
from legetjeneste.decisions import service as decisions_service
from legetjeneste.decisions.rules import Reason
from legetjeneste.errors import NotFound
from legetjeneste.norwegian import day_text

CHOICE_DAYS, APPEAL_WEEKS = "threats/choice_days", "decisions/appeal_weeks"
DECISION_KIND = "threat_move"  # citizens/feature.py declares it


def list_options(session: Session, *, actor: Actor, case_id: int) -> list[tuple[int, str]]:
    """The lists with a GP the patient may move to (all but the current one), for the forms."""
    with session.begin():
        case = case_service.load_case(session, actor, case_id)
        found = queries.lists_with_gp(session, municipality_number=case.municipality_number, on=today_oslo())
        return [(key, text) for key, text in found if key != case.agreement_id]


def _reasons(case: ThreatCase, data: DecisionIn, deadline: date | None) -> list[Reason]:
    lines = [Reason(rules.DECISION.id, rules.DECISION.citation, labels.DECISION_TEXTS[data.outcome])]
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
        f"{labels.MEASURE_LABELS[m.code]}: {labels.MEASURE_STATUSES[m.status].lower()} {day_text(m.on)}."
        for m in case.measures
    ]
    return facts


def patient_letter(session: Session, *, actor: Actor, case_id: int) -> PatientLetter:
    """DEC-NOTIFY — the letter to the patient about the decision (the patient's identity: an audited read)."""
    with session.begin():
        case = case_service.load_case(session, actor, case_id)
        decision = decision_queries.decision(session, case.decision_id) if case.decision_id else None
        if decision is None:
            raise NotFound(f"Sak {rules.case_reference(case.id)} har ikke noe vedtak ennå.")
        read = case_service.read(session, actor, case, "letter")
        return PatientLetter(
            **read.model_dump(include={"reference", "outcome_text", "patient", "deadline", "patient_told"}),
            **read.model_dump(include={"target_doctor_name", "new_doctor_name"}),
            case_number=decision.case_number,
            deciding_body=decision.deciding_body,
            appeal_body=decision.appeal_body,
            appeal_weeks=parameters.value(APPEAL_WEEKS, on=decision.reached_on),
            decided_on=decision.decided_on,
            outcome=case.outcome or "",
        )


@when_free
def decide(
    session: Session, *, actor: Actor, case_id: int, data: DecisionIn, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-DECISION — the municipality decides on the GP's demand (an enkeltvedtak with its letter to the
    GP, DEC-*): move the patient (with the deadline and the list the patient gets after it), no move
    forsvarlig (other care, THREAT-ALTERNATIVE), or stay."""
    day = on or today_oslo()
    with write_transaction(session):
        case = case_service.load_case(session, actor, case_id, lock=True)
        rules.decision_check(queries.state_of(case), outcome=data.outcome, weighing=data.weighing)
        deadline = None
        if data.outcome == rules.MOVE:
            deadline = data.deadline or rules.default_deadline(
                day, days=parameters.value(CHOICE_DAYS, on=day)
            )
            rules.deadline_check(deadline=deadline, decided_on=day)
            number, target = case.municipality_number, data.target_agreement_id
            gp = queries.gp_of_list(session, agreement_id=target, municipality_number=number, on=day)
            rules.target_check(target=target, current=case.agreement_id, has_regular_doctor=gp is not None)
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
            summary=f"Sak {rules.case_reference(case.id)}: {labels.OUTCOMES[data.outcome]}.",
            reasons=_reasons(case, data, deadline),
            facts=_facts(case),
            weighing=data.weighing,
            discretion=True,
            health_data=True,
            decided_on=day,
        )
        case.decision_id = decision.id
        case_service.audit(session, actor, case, "decide", outcome=data.outcome, decision=decision.id)
        return case_service.read(session, actor, case, "decide")


def _move(session: Session, actor: Actor, case: ThreatCase, *, agreement_id: int, on: date, how: str) -> None:
    """THREAT-DEADLINE — the patient moves from `on` (reason «threat»: not a switch, CIT-SWITCH); the new GP
    then sees the case and is told (THREAT-NEW-GP)."""
    number = case.municipality_number
    gp = queries.gp_of_list(session, agreement_id=agreement_id, municipality_number=number, on=on)
    if gp is None:
        rules.no_gp()
    places.move(
        session,
        citizen_id=case.citizen_id,
        agreement_id=agreement_id,
        start=on,
        reason=rules.MOVE_REASON,
        cause=f"threat_case {case.id}",
    )
    case.moved_on, case.moved_how, case.new_agreement_id, case.new_doctor_id = on, how, agreement_id, gp.id
    case_service.audit(session, actor, case, "move", agreement=agreement_id, on=on.isoformat(), how=how)
    case_service.tell(
        session, case, "Ny pasient på listen din", labels.NEW_GP_NOTICE, rules.NEW_GP.id, doctor_id=gp.id
    )


@when_free
def record_choice(
    session: Session, *, actor: Actor, case_id: int, data: ChoiceIn, on: date | None = None
) -> ThreatCaseRead:
    """THREAT-DEADLINE — the patient chose a new GP within the deadline; the move takes effect that day."""
    day = on or today_oslo()
    with write_transaction(session):
        case = case_service.load_case(session, actor, case_id, lock=True)
        rules.choice_check(
            queries.state_of(case), on=day, target=data.agreement_id, current=case.agreement_id
        )
        _move(session, actor, case, agreement_id=data.agreement_id, on=day, how=rules.CHOSEN)
        return case_service.read(session, actor, case, "move")


def _assign(session: Session, actor: Actor, case: ThreatCase, day: date) -> None:
    rules.assignment_check(queries.state_of(case), on=day)
    assert case.target_agreement_id is not None
    _move(session, actor, case, agreement_id=case.target_agreement_id, on=day, how=rules.ASSIGNED)


@when_free
def assign(session: Session, *, actor: Actor, case_id: int, on: date | None = None) -> ThreatCaseRead:
    """THREAT-DEADLINE — after the deadline the kommuneoverlege assigns the list named in the decision."""
    with write_transaction(session):
        case = case_service.load_case(session, actor, case_id, lock=True)
        _assign(session, actor, case, on or today_oslo())
        return case_service.read(session, actor, case, "move")


def assign_due(
    session: Session, *, actor: Actor, municipality_number: str | None = None, on: date | None = None
) -> list[dict]:
    """THREAT-DEADLINE — every patient whose deadline has passed without a choice gets the list named in the
    decision (the command line, or a daily job): one transaction per case, idempotent."""
    if not case_service.handles(actor):
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
        case = case_service.load_case(session, actor, case_id, lock=True)
        rules.contact_check(queries.state_of(case), contacted_on=data.contacted_on, measures=data.measures)
        case.contacted_on, case.agreed_measures, case.patient_told = (
            data.contacted_on,
            data.measures,
            data.patient_told,
        )
        case_service.audit(session, actor, case, "contact", on=data.contacted_on.isoformat())
        return case_service.read(session, actor, case, "contact")


@when_free
def record_alternative(
    session: Session, *, actor: Actor, case_id: int, data: AlternativeIn
) -> ThreatCaseRead:
    """THREAT-ALTERNATIVE — the care the patient gets where no move is forsvarlig."""
    with write_transaction(session):
        case = case_service.load_case(session, actor, case_id, lock=True)
        rules.alternative_check(queries.state_of(case), kind=data.kind)
        case.alternative, case.alternative_note = data.kind, data.note
        case_service.audit(session, actor, case, "alternative", kind=data.kind)
        return case_service.read(session, actor, case, "alternative")


@when_free
def close_case(session: Session, *, actor: Actor, case_id: int, on: date | None = None) -> ThreatCaseRead:
    """THREAT-ALTERNATIVE — the case closes when what it started is done (rules.close_check)."""
    with write_transaction(session):
        case = case_service.load_case(session, actor, case_id, lock=True)
        rules.close_check(queries.state_of(case))
        case.closed_on, case.closed_by = on or today_oslo(), actor.email
        case_service.audit(session, actor, case, "close")
        return case_service.read(session, actor, case, "close")


def closing(session: Session, *, actor: Actor, case_id: int) -> str:
    """THREAT-ALTERNATIVE — the case's reference for the question before closing it («Sak T-12»), refused as
    closing would be (rules.close_check): nobody is asked about a case that cannot close yet. Reads nothing
    of the patient, so nothing to audit."""
    with session.begin():
        case = case_service.load_case(session, actor, case_id)
        rules.close_check(queries.state_of(case))
        return rules.case_reference(case.id)
